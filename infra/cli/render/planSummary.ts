import Table from "cli-table3";
import { formatIssue, type ConfigIssue } from "../../config/configError";
import { toEstateView, type PolicyView } from "../../offline/estateView";
import type { RecordedResource } from "../../offline/recordedResource";

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

/** The human summary `npm run plan` prints: what will be created, by type, with the backup schedule. */
export function renderPlanSummary(stack: string, resources: readonly RecordedResource[], warnings: readonly ConfigIssue[]): string {
  const view = toEstateView(resources);
  const lines: string[] = [];
  const custom = resources.filter((r) => r.custom);
  lines.push(`Plan for stack "${stack}" (offline): ${resources.length} resources to create, ${custom.length} of them in Azure`, "");

  const byType = new Map<string, number>();
  for (const r of resources) byType.set(r.type, (byType.get(r.type) ?? 0) + 1);
  const types = new Table({ head: ["Resource type", "Count"], ...plain });
  for (const [type, count] of [...byType].sort((a, b) => a[0].localeCompare(b[0]))) types.push([type, count]);
  lines.push(types.toString(), "");

  for (const v of view.vaults) {
    lines.push(
      `Vault ${v.name} in ${v.resourceGroupName} (${v.location}): ${v.redundancy}${v.crossRegionRestore ? " + cross-region restore" : ""}, ` +
        `soft delete ${v.softDelete}${v.softDeleteDays ? ` ${v.softDeleteDays} d` : ""}, immutability ${v.immutability}, ` +
        `public access ${v.publicNetworkAccess}, job-failure alerts ${v.jobFailureAlerts ? "on" : "off"}${v.cmk ? ", customer-managed key" : ""}` +
        `${v.protect ? ", protected from deletion" : ""}`,
    );
  }
  lines.push("");

  const policies = new Table({ head: ["Policy", "Tier", "Schedule", "Time zone", "Snapshots", "Retention", "Tiering", "VMs"], ...plain });
  for (const p of view.policies) {
    const vms = view.items.filter((i) => i.policyName === p.name).length;
    policies.push([
      p.name,
      `${p.tier}${p.crashConsistentOnly ? " (crash-consistent)" : ""}`,
      describeSchedule(p),
      p.timeZone,
      p.instantRestoreDays !== undefined ? `${p.instantRestoreDays} d` : "",
      p.retention.join("\n"),
      p.tiering ?? "",
      vms,
    ]);
  }
  lines.push(policies.toString(), "");

  const items = new Table({ head: ["Protected VM", "Resource group", "Policy", "Disks"], ...plain });
  for (const i of view.items) items.push([i.vmName, i.vmResourceGroup, i.policyName ?? "?", i.disks]);
  lines.push(items.toString());

  if (warnings.length > 0) {
    lines.push("", "Warnings:", ...warnings.map((w) => `  - ${formatIssue(w)}`));
  }
  return lines.join("\n") + "\n";
}
