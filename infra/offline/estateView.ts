import { decodeScriptPluginJson, type ScriptPluginConfig } from "../model/scriptPlugin";
import { VSS_REGISTRY_VALUE } from "../model/azureLimits";
import type { RecordedResource } from "./recordedResource";

/**
 * What a reviewer wants to see of a planned estate, read back from the recorded resources (what
 * Azure will receive), not from the configuration: if a renderer dropped a setting, it shows here.
 */
export interface EstateView {
  readonly vaults: readonly VaultView[];
  readonly policies: readonly PolicyView[];
  readonly items: readonly ItemView[];
  readonly vms: readonly VmSideView[];
}

/** The VM side of one protected VM, read from its VmBackupExtension component and the resources under it. */
export interface VmSideView {
  readonly urn: string;
  readonly vmId: string;
  readonly vmName: string;
  readonly vmResourceGroup: string;
  readonly os: string;
  /** Config key path the VM comes from: `vms[2]` or `selectors[0]`. */
  readonly source: string;
  /** Extension type and version as declared, or the one Azure Backup will install. */
  readonly extension: string;
  readonly extensionDeclared: boolean;
  /** VSS backup type a declared run command applies; undefined leaves the VM's own setting. */
  readonly vss?: "Full" | "Copy";
  /** The script plug-in JSON a declared run command writes (parsed back from its script). */
  readonly scriptPlugin?: ScriptPluginConfig;
  readonly consistency: string;
  readonly consistencyDetail: string;
  /** Data-disk LUNs backed up, when Azure's facts are known. */
  readonly backedUpLuns?: readonly number[];
  readonly warnings: readonly string[];
}

export interface VaultView {
  readonly name: string;
  readonly resourceGroupName: string;
  readonly location: string;
  readonly redundancy: string;
  readonly crossRegionRestore: boolean;
  readonly softDelete: string;
  readonly softDeleteDays?: number;
  readonly immutability: string;
  readonly publicNetworkAccess: string;
  readonly jobFailureAlerts: boolean;
  readonly cmk: boolean;
  readonly protect: boolean;
}

export interface PolicyView {
  readonly id?: string;
  readonly name: string;
  readonly tier: "Standard" | "Enhanced";
  readonly frequency: string;
  /** `HH:MM` start (window start for hourly). */
  readonly time: string;
  readonly weekDays: readonly string[];
  readonly intervalHours?: number;
  readonly windowHours?: number;
  readonly timeZone: string;
  readonly instantRestoreDays?: number;
  readonly retention: readonly string[];
  readonly tiering?: string;
  readonly crashConsistentOnly: boolean;
}

export interface ItemView {
  readonly urn: string;
  readonly vmId: string;
  readonly vmName: string;
  readonly vmResourceGroup: string;
  readonly policyName?: string;
  readonly disks: string;
  readonly protect: boolean;
  readonly retainOnDelete: boolean;
  /** `protectionState` sent to Azure; Protected when none is sent. */
  readonly protectionState: string;
}

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const hhmm = (dateTime: unknown) => (typeof dateTime === "string" ? (/T(\d\d:\d\d)/.exec(dateTime)?.[1] ?? dateTime) : "?");

function describeWeekly(r: Obj | undefined): string {
  if (!r) return "";
  if (r.retentionScheduleFormatType === "Daily") {
    const days = (r.retentionScheduleDaily?.daysOfTheMonth ?? []).map((d: Obj) => (d.isLast ? "Last" : String(d.date)));
    return `day ${days.join(", ")}`;
  }
  const w = r.retentionScheduleWeekly ?? {};
  return `${(w.weeksOfTheMonth ?? []).join("/")} ${(w.daysOfTheWeek ?? []).join("/")}`;
}

/** Human lines for a `LongTermRetentionPolicy`: `daily 30 d`, `monthly 12 (First Sunday)`. */
export function describeRetention(retention: Obj | undefined): string[] {
  if (!retention) return [];
  const out: string[] = [];
  if (retention.dailySchedule) out.push(`daily ${retention.dailySchedule.retentionDuration?.count} d`);
  if (retention.weeklySchedule) out.push(`weekly ${retention.weeklySchedule.retentionDuration?.count} w (${(retention.weeklySchedule.daysOfTheWeek ?? []).join("/")})`);
  if (retention.monthlySchedule) out.push(`monthly ${retention.monthlySchedule.retentionDuration?.count} m (${describeWeekly(retention.monthlySchedule)})`);
  if (retention.yearlySchedule) {
    out.push(`yearly ${retention.yearlySchedule.retentionDuration?.count} y (${(retention.yearlySchedule.monthsOfYear ?? []).join("/")} ${describeWeekly(retention.yearlySchedule)})`);
  }
  return out;
}

function vaultView(r: RecordedResource): VaultView {
  const p: Obj = r.inputs.properties ?? {};
  const soft = p.securitySettings?.softDeleteSettings ?? {};
  return {
    name: String(r.inputs.vaultName),
    resourceGroupName: String(r.inputs.resourceGroupName),
    location: String(r.inputs.location),
    redundancy: p.redundancySettings?.standardTierStorageRedundancy ?? "GeoRedundant",
    crossRegionRestore: p.redundancySettings?.crossRegionRestore === "Enabled",
    softDelete: soft.softDeleteState ?? "Enabled",
    softDeleteDays: soft.softDeleteRetentionPeriodInDays,
    immutability: p.securitySettings?.immutabilitySettings?.state ?? "Disabled",
    publicNetworkAccess: p.publicNetworkAccess ?? "Enabled",
    jobFailureAlerts: p.monitoringSettings?.azureMonitorAlertSettings?.alertsForAllJobFailures === "Enabled",
    cmk: Boolean(p.encryption?.keyVaultProperties?.keyUri),
    protect: r.protect,
  };
}

function policyView(r: RecordedResource): PolicyView {
  const p: Obj = r.inputs.properties ?? {};
  const s: Obj = p.schedulePolicy ?? {};
  const hourly = s.hourlySchedule;
  const weekly = s.weeklySchedule;
  const runTime = hourly?.scheduleWindowStartTime ?? s.dailySchedule?.scheduleRunTimes?.[0] ?? weekly?.scheduleRunTimes?.[0] ?? s.scheduleRunTimes?.[0];
  const tiering: Obj | undefined = p.tieringPolicy?.ArchivedRP;
  return {
    id: r.id,
    name: String(r.inputs.policyName),
    tier: p.policyType === "V2" ? "Enhanced" : "Standard",
    frequency: String(s.scheduleRunFrequency ?? "?"),
    time: hhmm(runTime),
    weekDays: weekly?.scheduleRunDays ?? s.scheduleRunDays ?? [],
    intervalHours: hourly?.interval,
    windowHours: hourly?.scheduleWindowDuration,
    timeZone: p.timeZone ?? "UTC",
    instantRestoreDays: p.instantRpRetentionRangeInDays,
    retention: describeRetention(p.retentionPolicy),
    tiering: tiering ? (tiering.tieringMode === "TierAfter" ? `after ${tiering.duration} ${tiering.durationType}` : tiering.tieringMode) : undefined,
    crashConsistentOnly: p.snapshotConsistencyType === "OnlyCrashConsistent",
  };
}

function itemView(r: RecordedResource, policiesById: Map<string, string>): ItemView {
  const p: Obj = r.inputs.properties ?? {};
  const vmId = String(p.sourceResourceId ?? "");
  const parts = vmId.split("/");
  const disks: Obj | undefined = p.extendedProperties?.diskExclusionProperties;
  return {
    urn: r.urn,
    vmId,
    vmName: parts[8] ?? vmId,
    vmResourceGroup: parts[4] ?? "",
    policyName: policiesById.get(String(p.policyId).toLowerCase()),
    disks: disks ? `${disks.isInclusionList ? "OS + LUNs" : "all but LUNs"} ${disks.diskLunList.join(", ")}` : "all",
    protect: r.protect,
    retainOnDelete: r.retainOnDelete,
    protectionState: String(p.protectionState ?? "Protected"),
  };
}

function vssOf(script: string): "Full" | "Copy" | undefined {
  if (!script.includes(VSS_REGISTRY_VALUE)) return undefined;
  return /New-ItemProperty[^\n]*-Value 'TRUE'/.test(script) ? "Copy" : "Full";
}

function vmSideView(component: RecordedResource, resources: readonly RecordedResource[]): VmSideView {
  const out: Obj = component.outputs ?? {};
  const children = resources.filter((r) => r.parent === component.urn);
  const extension = children.find((r) => r.type === "azure-native:compute:VirtualMachineExtension")?.inputs;
  const scripts = children
    .filter((r) => r.type === "azure-native:compute:VirtualMachineRunCommandByVirtualMachine")
    .map((r) => String((r.inputs.source as Obj | undefined)?.script ?? ""));
  const vss = scripts.map(vssOf).find((v) => v !== undefined);
  const json = scripts.map(decodeScriptPluginJson).find((j) => j !== undefined);
  const vmId = String(out.vmId ?? "");
  const parts = vmId.split("/");
  return {
    urn: component.urn,
    vmId,
    vmName: parts[8] ?? vmId,
    vmResourceGroup: parts[4] ?? "",
    os: String(out.os ?? "unknown"),
    source: String(out.source ?? ""),
    extension: extension
      ? `${extension.type} ${extension.typeHandlerVersion} (declared)`
      : `${out.extensionType ?? "?"} (installed by Azure Backup)`,
    extensionDeclared: extension !== undefined,
    vss,
    scriptPlugin: json ? (JSON.parse(json) as ScriptPluginConfig) : undefined,
    consistency: String(out.consistency ?? "?"),
    consistencyDetail: String(out.consistencyDetail ?? ""),
    backedUpLuns: Array.isArray(out.backedUpLuns) ? (out.backedUpLuns as number[]) : undefined,
    warnings: Array.isArray(out.warnings) ? (out.warnings as string[]) : [],
  };
}

/** Reads the estate back from a recorded run. */
export function toEstateView(resources: readonly RecordedResource[]): EstateView {
  const vaults = resources.filter((r) => r.type === "azure-native:recoveryservices:Vault").map(vaultView);
  const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name);
  const policies = resources.filter((r) => r.type === "azure-native:recoveryservices:ProtectionPolicy").map(policyView).sort(byName);
  const policiesById = new Map(policies.filter((p) => p.id).map((p) => [p.id!.toLowerCase(), p.name]));
  const items = resources.filter((r) => r.type === "azure-native:recoveryservices:ProtectedItem").map((r) => itemView(r, policiesById))
    .sort((a, b) => `${a.vmResourceGroup}/${a.vmName}`.localeCompare(`${b.vmResourceGroup}/${b.vmName}`));
  const vms = resources.filter((r) => r.type === "azure-vm-backup:vm:VmBackupExtension").map((r) => vmSideView(r, resources))
    .sort((a, b) => `${a.vmResourceGroup}/${a.vmName}`.localeCompare(`${b.vmResourceGroup}/${b.vmName}`));
  return { vaults, policies, items, vms };
}
