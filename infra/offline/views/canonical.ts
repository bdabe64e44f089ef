import { SOFT_DELETE_DEFAULT_RETENTION_DAYS } from "../../azure/azureLimits";
import { protectedItemName, protectionContainerName } from "../../model/names";
import type { RecordedResource } from "../engine/recordedResource";

/**
 * What Azure will be asked for, in one provider-neutral shape, read back from the recorded resources
 * of either renderer. If both renderers give the same canonical estate for a configuration, Azure gets
 * the same backup set-up whichever provider a stack uses. One reader per provider; everything that
 * presents an estate (plan summary, equivalence tests) builds on this.
 */
export interface CanonicalEstate {
  readonly provider: "native" | "classic" | "mixed" | "none";
  readonly resourceGroups: readonly CanonicalResourceGroup[];
  readonly vaults: readonly CanonicalVault[];
  readonly policies: readonly CanonicalPolicy[];
  readonly items: readonly CanonicalItem[];
  readonly extensions: readonly CanonicalExtension[];
  readonly runCommands: readonly CanonicalRunCommand[];
}

export interface CanonicalResourceGroup {
  readonly name: string;
  readonly location: string;
  readonly tags?: Readonly<Record<string, string>>;
  readonly protect: boolean;
}

export interface CanonicalVault {
  readonly name: string;
  readonly resourceGroupName: string;
  readonly location: string;
  readonly tags?: Readonly<Record<string, string>>;
  readonly sku: string;
  readonly redundancy: string;
  readonly crossRegionRestore: boolean;
  /** `AlwaysON` | `Enabled` | `Disabled`: the API's spelling, as Azure receives it. */
  readonly softDelete: string;
  readonly softDeleteRetentionDays: number;
  readonly immutability: string;
  readonly publicNetworkAccess: "Enabled" | "Disabled";
  readonly jobFailureAlerts: boolean;
  readonly criticalOperationAlerts: boolean;
  readonly identity?: { readonly type: string; readonly userAssignedIdentities?: readonly string[] };
  readonly encryption?: {
    readonly keyUri: string;
    readonly useSystemAssignedIdentity: boolean;
    readonly userAssignedIdentity?: string;
    readonly infrastructureEncryption: boolean;
  };
  readonly protect: boolean;
}

export interface CanonicalPeriodic {
  readonly count: number;
  readonly weeks?: readonly string[];
  readonly days?: readonly string[];
  /** Days of the month, `Last` for the last day. */
  readonly daysOfMonth?: ReadonlyArray<number | "Last">;
}

export interface CanonicalPolicy {
  readonly id?: string;
  readonly name: string;
  readonly vaultName: string;
  readonly resourceGroupName: string;
  readonly tier: "Standard" | "Enhanced";
  readonly timeZone: string;
  readonly schedule: {
    readonly frequency: string;
    /** `HH:MM`: run time, or window start for hourly. */
    readonly time: string;
    readonly weekDays?: readonly string[];
    readonly intervalHours?: number;
    readonly windowHours?: number;
  };
  readonly instantRestoreDays?: number;
  readonly instantRestoreResourceGroup?: { readonly prefix: string; readonly suffix?: string };
  readonly retention: {
    readonly daily?: number;
    readonly weekly?: { readonly count: number; readonly days: readonly string[] };
    readonly monthly?: CanonicalPeriodic;
    readonly yearly?: CanonicalPeriodic & { readonly months: readonly string[] };
  };
  readonly tiering?: { readonly mode: string; readonly after?: number; readonly unit?: string };
  readonly crashConsistentOnly: boolean;
}

export interface CanonicalItem {
  readonly urn: string;
  readonly vmId: string;
  readonly vmResourceGroup: string;
  readonly vmName: string;
  readonly vaultName: string;
  readonly resourceGroupName: string;
  readonly containerName: string;
  readonly protectedItemName: string;
  /** The policy's name, resolved from the policy ID the item references. */
  readonly policyName?: string;
  readonly disks?: { readonly mode: "include" | "exclude"; readonly luns: readonly number[] };
  readonly protectionState?: string;
  readonly protect: boolean;
  readonly retainOnDelete: boolean;
}

export interface CanonicalExtension {
  readonly vmId: string;
  readonly name: string;
  readonly publisher: string;
  readonly type: string;
  readonly typeHandlerVersion: string;
  readonly autoUpgradeMinorVersion?: boolean;
  readonly settings?: unknown;
}

export interface CanonicalRunCommand {
  readonly vmId: string;
  readonly name: string;
  readonly location?: string;
  readonly script?: string;
  readonly commandId?: string;
  readonly parameters?: ReadonlyArray<{ readonly name: string; readonly value: string }>;
  readonly asyncExecution?: boolean;
  readonly treatFailureAsDeploymentFailure?: boolean;
  readonly timeoutInSeconds?: number;
}

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const str = (v: unknown): string => (typeof v === "string" ? v : String(v ?? ""));
const hhmm = (time: unknown): string => (typeof time === "string" ? (/(?:T|^)(\d\d:\d\d)/.exec(time)?.[1] ?? time) : "?");
const byKey = <T>(key: (t: T) => string) => (a: T, b: T) => key(a).localeCompare(key(b));
/** Azure compares IDs case-insensitively. */
const idKey = (id: string) => id.toLowerCase();
const vmIdOf = (sub: string, rg: unknown, vm: unknown) => `/subscriptions/${sub}/resourceGroups/${str(rg)}/providers/Microsoft.Compute/virtualMachines/${str(vm)}`;
const subscriptionOf = (id: string | undefined) => (id ?? "").split("/")[2] ?? "";
const optional = <K extends string, V>(key: K, value: V | undefined) => (value === undefined ? {} : ({ [key]: value } as { [P in K]: V }));

function vmParts(vmId: string): { vmResourceGroup: string; vmName: string } {
  const parts = vmId.split("/");
  return { vmResourceGroup: parts[4] ?? "", vmName: parts[8] ?? vmId };
}

// ---------------------------------------------------------------- native (@pulumi/azure-native)

function nativeVault(r: RecordedResource): CanonicalVault {
  const i: Obj = r.inputs;
  const p: Obj = i.properties ?? {};
  const soft: Obj = p.securitySettings?.softDeleteSettings ?? {};
  const enc: Obj | undefined = p.encryption;
  return {
    name: str(i.vaultName),
    resourceGroupName: str(i.resourceGroupName),
    location: str(i.location),
    ...optional("tags", i.tags),
    sku: str(i.sku?.tier ?? i.sku?.name),
    redundancy: p.redundancySettings?.standardTierStorageRedundancy ?? "GeoRedundant",
    crossRegionRestore: p.redundancySettings?.crossRegionRestore === "Enabled",
    softDelete: str(soft.softDeleteState ?? "Enabled"),
    softDeleteRetentionDays: soft.softDeleteRetentionPeriodInDays ?? SOFT_DELETE_DEFAULT_RETENTION_DAYS,
    immutability: p.securitySettings?.immutabilitySettings?.state ?? "Disabled",
    publicNetworkAccess: p.publicNetworkAccess === "Disabled" ? "Disabled" : "Enabled",
    jobFailureAlerts: p.monitoringSettings?.azureMonitorAlertSettings?.alertsForAllJobFailures === "Enabled",
    criticalOperationAlerts: p.monitoringSettings?.classicAlertSettings?.alertsForCriticalOperations !== "Disabled",
    ...optional("identity", i.identity && { type: str(i.identity.type), ...optional("userAssignedIdentities", i.identity.userAssignedIdentities) }),
    ...optional("encryption", enc && {
      keyUri: str(enc.keyVaultProperties?.keyUri),
      useSystemAssignedIdentity: enc.kekIdentity?.useSystemAssignedIdentity === true,
      ...optional("userAssignedIdentity", enc.kekIdentity?.userAssignedIdentity),
      infrastructureEncryption: enc.infrastructureEncryption === "Enabled",
    }),
    protect: r.protect,
  };
}

function nativePeriodic(r: Obj): CanonicalPeriodic {
  if (r.retentionScheduleFormatType === "Daily") {
    const days = (r.retentionScheduleDaily?.daysOfTheMonth ?? []) as Obj[];
    return { count: r.retentionDuration?.count, daysOfMonth: days.map((d) => (d.isLast ? "Last" : d.date)) };
  }
  const w: Obj = r.retentionScheduleWeekly ?? {};
  return { count: r.retentionDuration?.count, weeks: w.weeksOfTheMonth ?? [], days: w.daysOfTheWeek ?? [] };
}

function nativePolicy(r: RecordedResource): CanonicalPolicy {
  const i: Obj = r.inputs;
  const p: Obj = i.properties ?? {};
  const s: Obj = p.schedulePolicy ?? {};
  const hourly: Obj | undefined = s.hourlySchedule;
  const weekly: Obj | undefined = s.weeklySchedule;
  const runTime = hourly?.scheduleWindowStartTime ?? s.dailySchedule?.scheduleRunTimes?.[0] ?? weekly?.scheduleRunTimes?.[0] ?? s.scheduleRunTimes?.[0];
  const weekDays = weekly?.scheduleRunDays ?? s.scheduleRunDays;
  const ret: Obj = p.retentionPolicy ?? {};
  const tier: Obj | undefined = p.tieringPolicy?.ArchivedRP;
  const rg: Obj | undefined = p.instantRPDetails;
  return {
    id: r.id,
    name: str(i.policyName),
    vaultName: str(i.vaultName),
    resourceGroupName: str(i.resourceGroupName),
    tier: p.policyType === "V2" ? "Enhanced" : "Standard",
    timeZone: p.timeZone ?? "UTC",
    schedule: {
      frequency: str(s.scheduleRunFrequency),
      time: hhmm(runTime),
      ...optional("weekDays", s.scheduleRunFrequency === "Weekly" ? weekDays : undefined),
      ...optional("intervalHours", hourly?.interval),
      ...optional("windowHours", hourly?.scheduleWindowDuration),
    },
    ...optional("instantRestoreDays", p.instantRpRetentionRangeInDays),
    ...optional("instantRestoreResourceGroup", rg && { prefix: str(rg.azureBackupRGNamePrefix), ...optional("suffix", rg.azureBackupRGNameSuffix) }),
    retention: {
      ...optional("daily", ret.dailySchedule?.retentionDuration?.count),
      ...optional("weekly", ret.weeklySchedule && { count: ret.weeklySchedule.retentionDuration?.count, days: ret.weeklySchedule.daysOfTheWeek ?? [] }),
      ...optional("monthly", ret.monthlySchedule && nativePeriodic(ret.monthlySchedule)),
      ...optional("yearly", ret.yearlySchedule && { ...nativePeriodic(ret.yearlySchedule), months: ret.yearlySchedule.monthsOfYear ?? [] }),
    },
    ...optional("tiering", tier && { mode: str(tier.tieringMode), ...optional("after", tier.duration), ...optional("unit", tier.durationType) }),
    crashConsistentOnly: p.snapshotConsistencyType === "OnlyCrashConsistent",
  };
}

function nativeItem(r: RecordedResource, policyName: (id: unknown) => string | undefined): CanonicalItem {
  const i: Obj = r.inputs;
  const p: Obj = i.properties ?? {};
  const vmId = str(p.sourceResourceId);
  const disks: Obj | undefined = p.extendedProperties?.diskExclusionProperties;
  return {
    urn: r.urn,
    vmId,
    ...vmParts(vmId),
    vaultName: str(i.vaultName),
    resourceGroupName: str(i.resourceGroupName),
    containerName: str(i.containerName),
    protectedItemName: str(i.protectedItemName),
    ...optional("policyName", policyName(p.policyId)),
    ...optional("disks", disks && { mode: disks.isInclusionList ? "include" : "exclude", luns: disks.diskLunList ?? [] }),
    ...optional("protectionState", p.protectionState),
    protect: r.protect,
    retainOnDelete: r.retainOnDelete,
  };
}

function nativeExtension(r: RecordedResource, sub: string): CanonicalExtension {
  const i: Obj = r.inputs;
  return {
    vmId: vmIdOf(sub, i.resourceGroupName, i.vmName),
    name: str(i.vmExtensionName),
    publisher: str(i.publisher),
    type: str(i.type),
    typeHandlerVersion: str(i.typeHandlerVersion),
    ...optional("autoUpgradeMinorVersion", i.autoUpgradeMinorVersion),
    ...optional("settings", i.settings),
  };
}

function nativeRunCommand(r: RecordedResource, sub: string): CanonicalRunCommand {
  const i: Obj = r.inputs;
  return {
    vmId: vmIdOf(sub, i.resourceGroupName, i.vmName),
    name: str(i.runCommandName),
    ...optional("location", i.location),
    ...optional("script", i.source?.script),
    ...optional("commandId", i.source?.commandId),
    ...optional("parameters", i.parameters?.map((x: Obj) => ({ name: str(x.name), value: str(x.value) }))),
    ...optional("asyncExecution", i.asyncExecution),
    ...optional("treatFailureAsDeploymentFailure", i.treatFailureAsDeploymentFailure),
    ...optional("timeoutInSeconds", i.timeoutInSeconds),
  };
}

// ---------------------------------------------------------------- classic (@pulumi/azure)

function classicVault(r: RecordedResource): CanonicalVault {
  const i: Obj = r.inputs;
  const enc: Obj | undefined = i.encryption;
  const softDeleteOn = i.softDeleteEnabled !== false;
  return {
    name: str(i.name),
    resourceGroupName: str(i.resourceGroupName),
    location: str(i.location),
    ...optional("tags", i.tags),
    sku: str(i.sku),
    redundancy: i.storageModeType ?? "GeoRedundant",
    crossRegionRestore: i.crossRegionRestoreEnabled === true,
    softDelete: softDeleteOn ? "Enabled" : "Disabled",
    // Classic has no retention input: Azure keeps its default.
    softDeleteRetentionDays: SOFT_DELETE_DEFAULT_RETENTION_DAYS,
    immutability: i.immutability ?? "Disabled",
    publicNetworkAccess: i.publicNetworkAccessEnabled === false ? "Disabled" : "Enabled",
    // azurerm defaults both monitoring flags to true when the block is absent.
    jobFailureAlerts: i.monitoring?.alertsForAllJobFailuresEnabled !== false,
    criticalOperationAlerts: i.monitoring?.alertsForCriticalOperationFailuresEnabled !== false,
    ...optional("identity", i.identity && { type: str(i.identity.type), ...optional("userAssignedIdentities", i.identity.identityIds) }),
    ...optional("encryption", enc && {
      keyUri: str(enc.keyId),
      useSystemAssignedIdentity: enc.useSystemAssignedIdentity !== false,
      ...optional("userAssignedIdentity", enc.userAssignedIdentityId),
      infrastructureEncryption: enc.infrastructureEncryptionEnabled === true,
    }),
    protect: r.protect,
  };
}

function classicPeriodic(r: Obj): CanonicalPeriodic {
  if (r.days !== undefined || r.includeLastDays !== undefined) {
    return { count: r.count, daysOfMonth: [...(r.days ?? []), ...(r.includeLastDays ? ["Last" as const] : [])] };
  }
  return { count: r.count, weeks: r.weeks ?? [], days: r.weekdays ?? [] };
}

function classicPolicy(r: RecordedResource): CanonicalPolicy {
  const i: Obj = r.inputs;
  const b: Obj = i.backup ?? {};
  const tier: Obj | undefined = i.tieringPolicy?.archivedRestorePoint;
  const rg: Obj | undefined = i.instantRestoreResourceGroup;
  return {
    id: r.id,
    name: str(i.name),
    vaultName: str(i.recoveryVaultName),
    resourceGroupName: str(i.resourceGroupName),
    tier: i.policyType === "V2" ? "Enhanced" : "Standard",
    timeZone: i.timezone ?? "UTC",
    schedule: {
      frequency: str(b.frequency),
      time: hhmm(b.time),
      ...optional("weekDays", b.frequency === "Weekly" ? b.weekdays : undefined),
      ...optional("intervalHours", b.hourInterval),
      ...optional("windowHours", b.hourDuration),
    },
    ...optional("instantRestoreDays", i.instantRestoreRetentionDays),
    ...optional("instantRestoreResourceGroup", rg && { prefix: str(rg.prefix), ...optional("suffix", rg.suffix) }),
    retention: {
      ...optional("daily", i.retentionDaily?.count),
      ...optional("weekly", i.retentionWeekly && { count: i.retentionWeekly.count, days: i.retentionWeekly.weekdays ?? [] }),
      ...optional("monthly", i.retentionMonthly && classicPeriodic(i.retentionMonthly)),
      ...optional("yearly", i.retentionYearly && { ...classicPeriodic(i.retentionYearly), months: i.retentionYearly.months ?? [] }),
    },
    ...optional("tiering", tier && { mode: str(tier.mode), ...optional("after", tier.duration), ...optional("unit", tier.durationType) }),
    crashConsistentOnly: i.consistencyType === "OnlyCrashConsistent",
  };
}

function classicItem(r: RecordedResource, policyName: (id: unknown) => string | undefined): CanonicalItem {
  const i: Obj = r.inputs;
  const vmId = str(i.sourceVmId);
  const parts = vmParts(vmId);
  const ref = { resourceGroupName: parts.vmResourceGroup, name: parts.vmName };
  const disks = i.includeDiskLuns ? { mode: "include" as const, luns: i.includeDiskLuns } : i.excludeDiskLuns ? { mode: "exclude" as const, luns: i.excludeDiskLuns } : undefined;
  return {
    urn: r.urn,
    vmId,
    ...parts,
    vaultName: str(i.recoveryVaultName),
    resourceGroupName: str(i.resourceGroupName),
    // Classic takes the VM ID; Azure derives the container and item names from it.
    containerName: protectionContainerName(ref),
    protectedItemName: protectedItemName(ref),
    // A stopped item keeps no policy in Azure; classic still sends one because azurerm needs it to create the item.
    ...optional("policyName", i.protectionState === "ProtectionStopped" ? undefined : policyName(i.backupPolicyId)),
    ...optional("disks", disks),
    ...optional("protectionState", i.protectionState),
    protect: r.protect,
    retainOnDelete: r.retainOnDelete,
  };
}

function classicExtension(r: RecordedResource): CanonicalExtension {
  const i: Obj = r.inputs;
  const settings = typeof i.settings === "string" ? JSON.parse(i.settings) : i.settings;
  return {
    vmId: str(i.virtualMachineId),
    name: str(i.name),
    publisher: str(i.publisher),
    type: str(i.type),
    typeHandlerVersion: str(i.typeHandlerVersion),
    ...optional("autoUpgradeMinorVersion", i.autoUpgradeMinorVersion),
    ...optional("settings", settings),
  };
}

function classicRunCommand(r: RecordedResource): CanonicalRunCommand {
  const i: Obj = r.inputs;
  return {
    vmId: str(i.virtualMachineId),
    name: str(i.name),
    ...optional("location", i.location),
    ...optional("script", i.source?.script),
    ...optional("commandId", i.source?.commandId),
    ...optional("parameters", i.parameters?.map((x: Obj) => ({ name: str(x.name), value: str(x.value) }))),
  };
}

// ---------------------------------------------------------------- both

const NATIVE = {
  resourceGroup: "azure-native:resources:ResourceGroup",
  vault: "azure-native:recoveryservices:Vault",
  policy: "azure-native:recoveryservices:ProtectionPolicy",
  item: "azure-native:recoveryservices:ProtectedItem",
  extension: "azure-native:compute:VirtualMachineExtension",
  runCommand: "azure-native:compute:VirtualMachineRunCommandByVirtualMachine",
} as const;

const CLASSIC = {
  resourceGroup: "azure:core/resourceGroup:ResourceGroup",
  vault: "azure:recoveryservices/vault:Vault",
  policy: "azure:backup/policyVM:PolicyVM",
  item: "azure:backup/protectedVM:ProtectedVM",
  extension: "azure:compute/extension:Extension",
  runCommand: "azure:compute/runCommand:RunCommand",
} as const;

/** Every Azure resource type either renderer declares, by provider. */
export const RENDERED_TYPES = { native: NATIVE, classic: CLASSIC } as const;

/** Reads the canonical estate from a recorded run of either renderer (or a mix, which tests reject). */
export function toCanonicalEstate(resources: readonly RecordedResource[]): CanonicalEstate {
  const of = (type: string) => resources.filter((r) => r.type === type);
  const nativeCount = Object.values(NATIVE).reduce((n, t) => n + of(t).length, 0);
  const classicCount = Object.values(CLASSIC).reduce((n, t) => n + of(t).length, 0);
  const provider = nativeCount === 0 ? (classicCount === 0 ? "none" : "classic") : classicCount === 0 ? "native" : "mixed";

  const vaultSub = subscriptionOf([...of(NATIVE.vault), ...of(CLASSIC.vault)][0]?.id);
  const resourceGroups: CanonicalResourceGroup[] = [
    ...of(NATIVE.resourceGroup).map((r) => ({ name: str(r.inputs.resourceGroupName), location: str(r.inputs.location), ...optional("tags", r.inputs.tags as Record<string, string> | undefined), protect: r.protect })),
    ...of(CLASSIC.resourceGroup).map((r) => ({ name: str(r.inputs.name), location: str(r.inputs.location), ...optional("tags", r.inputs.tags as Record<string, string> | undefined), protect: r.protect })),
  ].sort(byKey((g) => g.name));
  const vaults = [...of(NATIVE.vault).map(nativeVault), ...of(CLASSIC.vault).map(classicVault)].sort(byKey((v) => v.name));
  const policies = [...of(NATIVE.policy).map(nativePolicy), ...of(CLASSIC.policy).map(classicPolicy)].sort(byKey((p) => p.name));
  const policyById = new Map(policies.filter((p) => p.id).map((p) => [idKey(p.id!), p.name]));
  const policyName = (id: unknown) => (typeof id === "string" ? policyById.get(idKey(id)) : undefined);
  const items = [...of(NATIVE.item).map((r) => nativeItem(r, policyName)), ...of(CLASSIC.item).map((r) => classicItem(r, policyName))]
    .sort(byKey((i) => idKey(i.vmId)));
  const extensions = [...of(NATIVE.extension).map((r) => nativeExtension(r, subscriptionOf(r.id) || vaultSub)), ...of(CLASSIC.extension).map(classicExtension)]
    .sort(byKey((e) => `${idKey(e.vmId)}/${e.name}`));
  const runCommands = [...of(NATIVE.runCommand).map((r) => nativeRunCommand(r, subscriptionOf(r.id) || vaultSub)), ...of(CLASSIC.runCommand).map(classicRunCommand)]
    .sort(byKey((c) => `${idKey(c.vmId)}/${c.name}`));
  return { provider, resourceGroups, vaults, policies, items, extensions, runCommands };
}

/**
 * The canonical estate without what differs by provider only in form: the provider itself, ARM IDs of
 * policies (same path, different casing rules per provider) and URNs (types differ by provider).
 */
export function providerNeutral(estate: CanonicalEstate) {
  return {
    resourceGroups: estate.resourceGroups,
    vaults: estate.vaults,
    policies: estate.policies.map(({ id: _id, ...p }) => p),
    items: estate.items.map(({ urn: _urn, ...i }) => i),
    extensions: estate.extensions,
    runCommands: estate.runCommands,
  };
}
