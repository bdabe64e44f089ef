import type { GateResult } from "../../offline/review/acknowledgements";
import type { DestructiveChange } from "../../offline/review/destructiveChanges";

export const DESTRUCTIVE_CHANGE_EXIT_CODE = 3;

function rows(c: DestructiveChange): string[] {
  return [
    `  ${c.op.padEnd(7)} ${c.logicalName} (Azure name ${c.azureName}, ${c.type})`,
    `          ${c.urn}`,
    `          ${c.reason}`,
    ...c.changes.map((v) => `          ${v.field}: ${v.old} -> ${v.new}`),
  ];
}

/** The terminal "Destructive changes" section of `npm run review`. */
export function renderDestructiveSummary(gate: GateResult): string {
  const lines = ["Destructive changes:"];
  if (gate.blocking.length === 0 && gate.acknowledged.length === 0) lines.push("  none.");
  for (const c of gate.blocking) lines.push(...rows(c));
  if (gate.acknowledged.length > 0) {
    lines.push(`Acknowledged destructive changes (${gate.acknowledged.length}):`);
    for (const c of gate.acknowledged) lines.push(...rows(c), `          acknowledged: ${c.acknowledgement}`);
  }
  for (const a of gate.unused) lines.push(`  note: the acknowledgement of ${a.resource} matches no destructive change in this preview`);
  lines.push(
    gate.blocking.length > 0
      ? `Result: ${gate.blocking.length} destructive change${gate.blocking.length === 1 ? "" : "s"} not acknowledged (exit ${DESTRUCTIVE_CHANGE_EXIT_CODE}).`
      : "Result: no unacknowledged destructive change.",
  );
  return `${lines.join("\n")}\n`;
}
