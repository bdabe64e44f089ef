import type { GateResult } from "../offline/review/acknowledgements";
import type { DestructiveChange } from "../offline/review/destructiveChanges";

const cell = (s: unknown) => String(s ?? "").replace(/\|/g, "\\|").replace(/\n/g, "<br>");
const values = (c: DestructiveChange) => c.changes.map((v) => `${v.field}: ${v.old} → ${v.new}`).join("<br>");
const HEAD = ["Resource", "Azure name", "Type", "Operation", "Old → new", "Why"];

function table(head: readonly string[], rows: ReadonlyArray<readonly unknown[]>): string[] {
  return [`| ${head.join(" | ")} |`, `| ${head.map(() => "---").join(" | ")} |`, ...rows.map((r) => `| ${r.map(cell).join(" | ")} |`)];
}
const columns = (c: DestructiveChange) => [c.logicalName, c.azureName, c.type, c.op, values(c), c.reason];

/** The Markdown "Destructive changes" section: what fails the review, then what was acknowledged and why. */
export function destructiveSection(gate: GateResult): string[] {
  const out = ["### Destructive changes", ""];
  if (gate.blocking.length === 0 && gate.acknowledged.length === 0) out.push("None: nothing that holds backup data is deleted, replaced or loosened.", "");
  if (gate.blocking.length > 0) {
    out.push(
      `**${gate.blocking.length} destructive change${gate.blocking.length === 1 ? "" : "s"} not acknowledged: the review fails.** A deliberate one is acknowledged in \`review-acknowledgements.yaml\` (resource and reason).`,
      "",
      ...table(HEAD, gate.blocking.map(columns)),
      "",
    );
  }
  if (gate.acknowledged.length > 0) {
    out.push(`Acknowledged (${gate.acknowledged.length}):`, "", ...table([...HEAD, "Acknowledgement"], gate.acknowledged.map((c) => [...columns(c), c.acknowledgement])), "");
  }
  if (gate.unused.length > 0) out.push(`Acknowledgements matching no destructive change: ${gate.unused.map((a) => `\`${cell(a.resource)}\``).join(", ")}.`, "");
  return out;
}
