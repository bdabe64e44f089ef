import Table from "cli-table3";
import { formatIssue, type ConfigIssue } from "../../config/configError";
import { uncheckedSummary } from "../../offline/views/uncheckedVms";
import { byVault, describeBackedUpDisks, toEstateView, type ItemView, type PolicyView, type VmSideView } from "../../offline/views/estateView";
import type { RecordedResource } from "../../offline/engine/recordedResource";
import { describeInGuestChange } from "../../model/inGuestChanges";
import { describeChange, type DataView } from "../../offline/views/dataView";

const plain = { style: { head: [] as string[], border: [] as string[], compact: true } };

export function describeSchedule(p: PolicyView): string {
  switch (p.frequency) {
    case "Hourly":
      return `every ${p.intervalHours} h, ${p.windowHours} h window from ${p.time}`;
    case "Weekly":
      return `weekly ${p.weekDays.join("/")} at ${p.time}`;
    default:
      return `daily at ${p.time}`;
  }
}

function describeConsistency(v: VmSideView): string {
  // Read back from the run command when one is declared: what the VM will really be told.
  if (v.consistency === "app" && v.vss) return `app (VSS ${v.vss === "Copy" ? "copy-only" : "full"}, set by run command)`;
  return `${v.consistency} (${v.consistencyDetail})`;
}

/** What will change inside each VM, this stack's changes first (change-management notice). */
function inGuestLines(vms: readonly VmSideView[]): string[] {
  const listed = vms.filter((v) => v.inGuestChanges);
  if (listed.length === 0) return [];
  const lines = ["", "What changes inside each VM (this stack's changes first, then Azure Backup's):"];
  for (const v of listed) {
    const c = v.inGuestChanges!;
    lines.push(`  ${v.vmName} (${v.vmResourceGroup}, ${v.os}):`);
    lines.push(...c.changes.map((change) => `    - ${describeInGuestChange(change)}`));
    if (c.azureBackupAddsNothing) lines.push(`    - Azure Backup installs nothing new: ${c.azureBackupAddsNothing}`);
    if (c.changes.length === 0 && !c.azureBackupAddsNothing) lines.push("    - nothing");
  }
  return lines;
}

function policyTable(policies: readonly PolicyView[], items: readonly ItemView[]): string {
  const table = new Table({ head: ["Policy", "Tier", "Schedule", "Time zone", "Snapshots", "Retention", "Tiering", "VMs"], ...plain });
  for (const p of policies) {
    table.push([
      p.name,
      `${p.tier}${p.crashConsistentOnly ? " (crash-consistent)" : ""}`,
      describeSchedule(p),
      p.timeZone,
      p.instantRestoreDays !== undefined ? `${p.instantRestoreDays} d` : "",
      p.retention.join("\n"),
      p.tiering ?? "",
      items.filter((i) => i.policyName === p.name).length,
    ]);
  }
  return table.toString();
}

function itemTable(items: readonly ItemView[], vmSides: ReadonlyMap<string, VmSideView>): string {
  const table = new Table({ head: ["Protected VM", "Resource group", "OS", "Policy", "Protection", "Extension", "Consistency", "Disks backed up"], ...plain });
  for (const i of items) {
    const side = vmSides.get(i.vmId.toLowerCase());
    table.push([
      `${i.vmName}${side?.source.startsWith("selectors") ? ` (${side.source})` : ""}`,
      i.vmResourceGroup,
      side?.os ?? "?",
      i.policyName ?? (i.protectionState === "ProtectionStopped" ? "(none: stopped)" : "?"),
      i.protectionState,
      side?.extension ?? "?",
      side ? describeConsistency(side) : "?",
      describeBackedUpDisks(i, side),
    ]);
  }
  return table.toString();
}

/** The human summary `npm run plan` prints: what will be created, by type, with the backup schedule. */
export function renderPlanSummary(stack: string, resources: readonly RecordedResource[], warnings: readonly ConfigIssue[], data?: DataView): string {
  const view = toEstateView(resources);
  const lines: string[] = [];
  const custom = resources.filter((r) => r.custom);
  const imported = custom.filter((r) => r.importId).length;
  const headline = imported > 0
    ? `${resources.length - imported} resources to create and ${imported} to import (adopted), ${custom.length} of them in Azure`
    : `${resources.length} resources to create, ${custom.length} of them in Azure`;
  lines.push(`Plan for stack "${stack}" (offline): ${headline}`, "");

  const byType = new Map<string, number>();
  for (const r of resources) byType.set(r.type, (byType.get(r.type) ?? 0) + 1);
  const types = new Table({ head: ["Resource type", "Count"], ...plain });
  for (const [type, count] of [...byType].sort((a, b) => a[0].localeCompare(b[0]))) types.push([type, count]);
  lines.push(types.toString(), "");

  // Vault by vault: each vault's line, then the policies created in it and the VMs it protects.
  const vmSides = new Map(view.vms.map((v) => [v.vmId.toLowerCase(), v]));
  byVault(view).forEach(({ vault: v, policies, items }, index) => {
    if (index > 0) lines.push("");
    lines.push(
      `Vault ${v.name} in ${v.resourceGroupName} (${v.location}): ${v.redundancy}${v.crossRegionRestore ? " + cross-region restore" : ""}, ` +
        `soft delete ${v.softDelete}${v.softDeleteDays ? ` ${v.softDeleteDays} d` : ""}, immutability ${v.immutability}, ` +
        `public access ${v.publicNetworkAccess}, job-failure alerts ${v.jobFailureAlerts ? "on" : "off"}${v.cmk ? ", customer-managed key" : ""}` +
        `${v.protect ? ", protected from deletion" : ""}`,
      "",
      policyTable(policies, items),
      "",
      itemTable(items, vmSides),
    );
  });
  const scripted = view.vms.filter((v) => v.scriptPlugin);
  if (scripted.length > 0) {
    lines.push("", "Linux pre/post scripts (/etc/azure/VMSnapshotScriptPluginConfig.json):");
    for (const v of scripted) {
      const s = v.scriptPlugin!;
      lines.push(`  ${v.vmName}: pre ${s.preScriptLocation}, post ${s.postScriptLocation}, timeout ${s.timeoutInSeconds} s, ` +
        `continue on failure ${s.continueBackupOnFailure}, fsfreeze ${s.fsFreezeEnabled}, poll ${s.ScriptsExecutionPollTimeSeconds} s`);
    }
  }

  lines.push(...inGuestLines(view.vms));
  if (data) lines.push("", ...renderDataSection(data));

  const unchecked = uncheckedSummary(view);
  if (unchecked) lines.push("", unchecked);

  const all = [...new Set([...warnings.map(formatIssue), ...view.vms.flatMap((v) => v.warnings)])];
  if (all.length > 0) {
    lines.push("", "Warnings:", ...all.map((w) => `  - ${w}`));
  }
  return lines.join("\n") + "\n";
}

/** The Data section: what happens to backups that already exist, and what guards the rest. */
export function renderDataSection(data: DataView): string[] {
  const lines = [`Data (existing backups from: ${data.backupState}):`];
  if (data.changes.length === 0) lines.push("  no change to existing backups");
  for (const c of data.changes) lines.push(`  - ${describeChange(c)}`);
  for (const n of data.notes) lines.push(`  note: ${n}`);
  lines.push("  Guarded:");
  for (const g of data.guarded) lines.push(`  - ${g.count} ${g.what}: ${g.how}`);
  for (const v of data.vaultGuards) lines.push(`  - ${v}`);
  return lines;
}
