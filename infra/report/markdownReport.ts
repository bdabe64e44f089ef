import { formatIssue, type ConfigIssue } from "../config/configError";
import { describeBackedUpDisks, type EstateView, type ItemView, type PolicyView, type VmSideView } from "../offline/views/estateView";
import type { ReviewResult, Violation } from "../offline/review/policyHarness";
import type { DataView } from "../offline/views/dataView";
import { backupWindow, minuteToTime } from "./backupWindow";
import { WHEN_LABEL } from "../model/inGuestChanges";
import type { GateResult } from "../offline/review/acknowledgements";
import { destructiveSection } from "./destructiveSection";

/** What a pull-request report shows: the estate as Azure will receive it and, for reviews, the verdict. */
export interface MarkdownReportInput {
  readonly stack: string;
  /** Where the plan came from, e.g. `offline plan of Pulumi.dev.yaml` or `preview.json`. */
  readonly source: string;
  readonly estate: EstateView;
  readonly review?: ReviewResult;
  /** The destructive-change gate's verdict on a saved preview (absent for an offline plan, which only creates). */
  readonly destructive?: GateResult;
  readonly warnings?: readonly ConfigIssue[];
  /** The Data section (changes to existing backups, guards); absent leaves the section out. */
  readonly data?: DataView;
  /** Date whose time-zone offsets (DST) the UTC timeline uses. */
  readonly referenceDate: Date;
}

/** The VM side of a protected VM (OS, snapshot extension, consistency), when the stack declares one. */
function vmSideOf(estate: EstateView, item: ItemView): VmSideView | undefined {
  return estate.vms.find((v) => v.vmId.toLowerCase() === item.vmId.toLowerCase());
}

const cell = (s: unknown) => String(s ?? "").replace(/\|/g, "\\|").replace(/\n/g, "<br>");
const mermaidLabel = (s: string) => s.replace(/"/g, "#quot;");
const nodeId = (prefix: string, s: string) => `${prefix}_${s.replace(/[^A-Za-z0-9]/g, "_")}`;

function table(head: readonly string[], rows: readonly (readonly unknown[])[]): string[] {
  return [`| ${head.join(" | ")} |`, `| ${head.map(() => "---").join(" | ")} |`, ...rows.map((r) => `| ${r.map(cell).join(" | ")} |`)];
}

function schedule(p: PolicyView): string {
  if (p.frequency === "Hourly") return `every ${p.intervalHours} h, ${p.windowHours} h window from ${p.time}`;
  if (p.frequency === "Weekly") return `weekly ${p.weekDays.join("/")} at ${p.time}`;
  return `daily at ${p.time}`;
}

/** Several vaults can hold a policy of the same name: their nodes and rows are then told apart by vault. */
const manyVaults = (estate: EstateView) => estate.vaults.length > 1;
const policyNode = (estate: EstateView, vaultName: string, policy: string) => nodeId("policy", manyVaults(estate) ? `${vaultName}_${policy}` : policy);
const sameVault = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

function diagram(estate: EstateView): string[] {
  const items = estate.items;
  const lines = ["```mermaid", "flowchart LR"];
  for (const v of estate.vaults) lines.push(`  ${nodeId("vault", v.name)}[("${mermaidLabel(`vault ${v.name}<br/>${v.redundancy}, soft delete ${v.softDelete}, immutability ${v.immutability}`)}")]`);
  for (const p of estate.policies) {
    const node = policyNode(estate, p.vaultName, p.name);
    lines.push(`  ${node}["${mermaidLabel(`${p.name}<br/>${p.tier}, ${schedule(p)} ${p.timeZone}`)}"]`);
    const vault = estate.vaults.find((v) => sameVault(v.name, p.vaultName)) ?? estate.vaults[0];
    if (vault) lines.push(`  ${nodeId("vault", vault.name)} --> ${node}`);
  }
  for (const i of items) {
    const side = vmSideOf(estate, i);
    const vmSide = side ? `${side.os}, ${side.extension}, ${side.consistency}` : "";
    lines.push(`  ${nodeId("vm", `${i.vmResourceGroup}_${i.vmName}`)}(["${mermaidLabel(`${i.vmName}<br/>${i.vmResourceGroup}${vmSide ? `<br/>${vmSide}` : ""}`)}"])`);
    if (i.policyName) lines.push(`  ${policyNode(estate, i.vaultName, i.policyName)} --> ${nodeId("vm", `${i.vmResourceGroup}_${i.vmName}`)}`);
  }
  lines.push("```");
  return lines;
}

function gantt(estate: EstateView, referenceDate: Date): string[] {
  const lines = ["```mermaid", "gantt", `  title Backup windows over 24 hours (UTC, offsets as of ${referenceDate.toISOString().slice(0, 10)})`, "  dateFormat HH:mm", "  axisFormat %H:%M"];
  // A policy of several vaults runs on the same schedule in each: one section per policy name.
  const once = estate.policies.filter((p, i, all) => all.findIndex((q) => q.name === p.name) === i);
  once.forEach((p, index) => {
    const w = backupWindow(p, referenceDate);
    if (!w) return;
    lines.push(`  section ${p.name}`);
    w.segments.forEach((s, part) => {
      // Mermaid reads ':' as the field separator, so task names carry times with 'h'.
      lines.push(`  ${w.label} from ${w.utcStart.replace(":", "h")} UTC :p${index}_${part}, ${minuteToTime(s.startMinute)}, ${s.minutes}m`);
    });
  });
  lines.push("```");
  return lines;
}

function retention(estate: EstateView, referenceDate: Date): string[] {
  const count = (p: PolicyView, period: string) => p.retention.find((r) => r.startsWith(period))?.slice(period.length + 1) ?? "";
  const many = manyVaults(estate);
  return table(
    [...(many ? ["Vault"] : []), "Policy", "Tier", "Schedule (policy time zone)", "Time zone", "Start (UTC)", "Snapshots", "Daily", "Weekly", "Monthly", "Yearly", "Archive", "VMs"],
    estate.policies.map((p) => [
      ...(many ? [p.vaultName] : []),
      p.name,
      `${p.tier}${p.crashConsistentOnly ? " (crash-consistent)" : ""}`,
      schedule(p),
      p.timeZone,
      backupWindow(p, referenceDate)?.utcStart ?? "?",
      p.instantRestoreDays !== undefined ? `${p.instantRestoreDays} d` : "",
      count(p, "daily"),
      count(p, "weekly"),
      count(p, "monthly"),
      count(p, "yearly"),
      p.tiering ?? "",
      estate.items.filter((i) => i.policyName === p.name && sameVault(i.vaultName, p.vaultName)).length,
    ]),
  );
}

function vms(estate: EstateView): string[] {
  const withVmSide = estate.vms.length > 0;
  const many = manyVaults(estate);
  return table(
    [...(many ? ["Vault"] : []), "VM", "Resource group", "Policy", "Disks", "Protection", ...(withVmSide ? ["OS", "Extension", "Consistency"] : []), "Protected from deletion"],
    estate.items.map((i) => {
      const side = vmSideOf(estate, i);
      return [
        ...(many ? [i.vaultName] : []),
        i.vmName,
        i.vmResourceGroup,
        i.policyName ?? "?",
        describeBackedUpDisks(i, side),
        i.protectionState,
        ...(withVmSide ? [side?.os ?? "", side?.extension ?? "", side ? `${side.consistency}${side.consistencyDetail ? ` (${side.consistencyDetail})` : ""}` : ""] : []),
        i.protect ? "yes" : i.retainOnDelete ? "retain on delete" : "**no**",
      ];
    }),
  );
}

/** What will change inside each VM and when, this stack's changes first (for change management). */
function inGuestChanges(estate: EstateView): string[] {
  const listed = estate.vms.filter((v) => v.inGuestChanges);
  if (listed.length === 0) return [];
  const rows = listed.flatMap((v) => {
    const c = v.inGuestChanges!;
    return [
      ...c.changes.map((change) => [v.vmName, v.os, WHEN_LABEL[change.when], change.change]),
      ...(c.azureBackupAddsNothing ? [[v.vmName, v.os, "", `Azure Backup installs nothing new: ${c.azureBackupAddsNothing}`]] : []),
    ];
  });
  return [
    "",
    "### What changes inside the VMs",
    "",
    "This stack's own changes (at this deployment) come first, then what Azure Backup installs or reconfigures at each VM's first backup.",
    "",
    ...table(["VM", "OS", "When", "Change"], rows),
  ];
}

function violations(review: ReviewResult): string[] {
  const mandatory = review.violations.filter((v) => v.enforcementLevel === "mandatory").length;
  const lines = [
    `Policy pack \`${review.packName}@v${review.packVersion}\`: ${review.evaluations.filter((e) => e.enforcementLevel !== "disabled").length} policies over ${review.resources} resources, ` +
      `**${mandatory} mandatory** and ${review.violations.length - mandatory} advisory violation${review.violations.length === 1 ? "" : "s"}.`,
    "",
  ];
  if (review.violations.length === 0) return [...lines, "No violations."];
  const byResource = new Map<string, Violation[]>();
  for (const v of review.violations) byResource.set(v.urn ?? "(stack)", [...(byResource.get(v.urn ?? "(stack)") ?? []), v]);
  lines.push(...table(["Level", "Policy", "Resource", "Message"], [...byResource].flatMap(([urn, vs]) => vs.map((v) => [v.enforcementLevel === "mandatory" ? "**mandatory**" : "advisory", `\`${v.policyName}\``, `\`${urn}\``, v.message]))));
  return lines;
}

/** The Markdown `plan --markdown` and `review --markdown` write for pull requests. */
export function renderMarkdownReport(input: MarkdownReportInput): string {
  const { estate, review } = input;
  const vaultLines = table(
    ["Vault", "Resource group", "Region", "Redundancy", "Soft delete", "Immutability", "Public access", "Job alerts", "CMK", "Protected from deletion"],
    estate.vaults.map((v) => [
      v.name,
      v.resourceGroupName,
      v.location,
      `${v.redundancy}${v.crossRegionRestore ? " + CRR" : ""}`,
      `${v.softDelete}${v.softDeleteDays ? ` ${v.softDeleteDays} d` : ""}`,
      v.immutability,
      v.publicNetworkAccess,
      v.jobFailureAlerts ? "on" : "**off**",
      v.cmk ? "yes" : "no",
      v.protect ? "yes" : "**no**",
    ]),
  );
  const out = [
    `## Azure VM backup: stack \`${input.stack}\``,
    "",
    `Source: ${input.source}. ${estate.vaults.length} vault${manyVaults(estate) ? "s" : ""}, ${estate.policies.length} policies, ${estate.items.length} protected VMs.`,
    "",
    ...(input.destructive ? destructiveSection(input.destructive) : []),
    ...(review ? ["### Policy review", "", ...violations(review), ""] : []),
    manyVaults(estate) ? "### Vaults" : "### Vault",
    "",
    ...vaultLines,
    "",
    manyVaults(estate) ? "### Vaults, policies and VMs" : "### Vault, policies and VMs",
    "",
    ...diagram(estate),
    "",
    "### Backup windows (UTC)",
    "",
    "Scheduled policies start within about two hours of their time; hourly policies run through their window.",
    "",
    ...gantt(estate, input.referenceDate),
    "",
    "### Retention at a glance",
    "",
    ...retention(estate, input.referenceDate),
    "",
    "### Protected VMs",
    "",
    ...vms(estate),
    ...inGuestChanges(estate),
  ];
  if (input.data) out.push("", ...dataSection(input.data));
  if (input.warnings && input.warnings.length > 0) out.push("", "### Warnings", "", ...input.warnings.map((w) => `- ${formatIssue(w)}`));
  return `${out.join("\n")}\n`;
}

function dataSection(data: DataView): string[] {
  return [
    "### Data",
    "",
    `Existing backups from: ${data.backupState}.`,
    "",
    ...(data.changes.length === 0
      ? ["No change to existing backups."]
      : table(["Subject", "Change", "Retention cut", "By choice", "Key"], data.changes.map((c) => [c.subject, c.detail, c.reductions.join(", ") || "none", c.acknowledged ?? "", c.path]))),
    ...data.notes.map((n) => `- note: ${n}`),
    "",
    ...table(["Guarded", "Count", "How"], data.guarded.map((g) => [g.what, g.count, g.how])),
    ...(data.vaultGuards.length > 0 ? ["", ...data.vaultGuards.map((v) => `- ${v}`)] : []),
  ];
}
