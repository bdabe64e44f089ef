import type { DayOfMonth, DayOfWeek, Month, PolicyConfig, WeekOfMonth } from "../config/configSchema";
import { SOFT_DELETE_DEFAULT_RETENTION_DAYS } from "../azure/azureLimits";
import type { PolicyModel, VaultModel } from "../model/backupModel";
import { protectedItemName, protectionContainerName } from "../model/names";
import { identitySetting, identityType, vaultIdentity, type VaultIdentity } from "../model/vaultIdentity";
import { keepsPolicy, protectionSettingOf } from "../model/lifecycle";
import { effectiveInstantRestoreDays } from "../model/policyRules";
import type { ProtectedVmModel } from "../model/protectedVm";
import type { SnapshotExtensionModel } from "../model/snapshotExtension";
import { isObj, optional, readParameters, str, withoutUndefined, type Obj, type PolicyReadBack, type ProviderReader, type VaultRead } from "./readBack";

/**
 * The classic adapter (`@pulumi/azure` 6.x, the azurerm lineage): the model to the inputs of its
 * resources, and those inputs back to the configuration. Plain data, tested without Pulumi;
 * model/classicRules.ts rejects what these inputs cannot carry before anything is rendered.
 */

const CLASSIC_TYPES = {
  resourceGroup: "azure:core/resourceGroup:ResourceGroup",
  vault: "azure:recoveryservices/vault:Vault",
  policy: "azure:backup/policyVM:PolicyVM",
  item: "azure:backup/protectedVM:ProtectedVM",
  extension: "azure:compute/extension:Extension",
  runCommand: "azure:compute/runCommand:RunCommand",
} as const;

/** `azure:recoveryservices/vault:Vault` inputs, without the resource group. */
export interface ClassicVaultInputs {
  readonly name: string;
  readonly location: string;
  readonly tags?: Readonly<Record<string, string>>;
  readonly sku: "Standard";
  readonly storageModeType: string;
  readonly crossRegionRestoreEnabled: boolean;
  readonly softDeleteEnabled: boolean;
  readonly immutability: string;
  readonly publicNetworkAccessEnabled: boolean;
  readonly monitoring: { readonly alertsForAllJobFailuresEnabled: boolean; readonly alertsForCriticalOperationFailuresEnabled: boolean };
  readonly identity?: { readonly type: string; readonly identityIds?: string[] };
  readonly encryption?: { readonly keyId: string; readonly infrastructureEncryptionEnabled: boolean; readonly useSystemAssignedIdentity: boolean; readonly userAssignedIdentityId?: string };
}

interface ClassicPeriodic {
  readonly count: number;
  readonly weekdays?: DayOfWeek[];
  readonly weeks?: WeekOfMonth[];
  readonly days?: number[];
  readonly includeLastDays?: boolean;
}

/** `azure:backup/policyVM:PolicyVM` inputs, without the vault references. */
export interface ClassicPolicyInputs {
  readonly name: string;
  readonly policyType: "V1" | "V2";
  readonly timezone: string;
  readonly backup: { readonly frequency: string; readonly time: string; readonly weekdays?: DayOfWeek[]; readonly hourInterval?: number; readonly hourDuration?: number };
  readonly instantRestoreRetentionDays: number;
  readonly instantRestoreResourceGroup?: { readonly prefix: string; readonly suffix?: string };
  readonly retentionDaily?: { readonly count: number };
  readonly retentionWeekly?: { readonly count: number; readonly weekdays: DayOfWeek[] };
  readonly retentionMonthly?: ClassicPeriodic;
  readonly retentionYearly?: ClassicPeriodic & { readonly months: Month[] };
  readonly tieringPolicy?: { readonly archivedRestorePoint: { readonly mode: string; readonly duration?: number; readonly durationType?: string } };
  readonly consistencyType?: "OnlyCrashConsistent";
}

// ---------------------------------------------------------------- model -> inputs

export function classicVaultInputs(vault: VaultModel): ClassicVaultInputs {
  const cmk = vault.encryption;
  const identity = vaultIdentity(vault);
  return {
    name: vault.name,
    location: vault.location,
    ...(vault.tags && { tags: vault.tags }),
    // Classic spells the vault SKU RS0/Standard as `Standard`.
    sku: "Standard",
    storageModeType: vault.storageRedundancy,
    crossRegionRestoreEnabled: vault.crossRegionRestore,
    // AlwaysOn has no classic spelling; classicRules rejects it before this point.
    softDeleteEnabled: vault.softDelete !== "Disabled",
    immutability: vault.immutability,
    publicNetworkAccessEnabled: vault.publicNetworkAccess === "Enabled",
    // Classic (retired) alerts for critical operations are off, as on the native vault.
    monitoring: { alertsForAllJobFailuresEnabled: vault.jobFailureAlerts, alertsForCriticalOperationFailuresEnabled: false },
    ...(identity && { identity: { type: identityType(identity), ...(identity.userAssigned.length > 0 && { identityIds: [...identity.userAssigned] }) } }),
    ...(cmk && {
      encryption: {
        keyId: cmk.keyUri,
        infrastructureEncryptionEnabled: cmk.infrastructureEncryption,
        useSystemAssignedIdentity: !cmk.userAssignedIdentityId,
        ...(cmk.userAssignedIdentityId && { userAssignedIdentityId: cmk.userAssignedIdentityId }),
      },
    }),
  };
}

/** Monthly/yearly points: by week and day, or by day of month with `Last` as `includeLastDays`. */
function toClassicPeriodic(r: { count: number; weeks?: WeekOfMonth[]; days?: DayOfWeek[]; daysOfMonth?: DayOfMonth[] }): ClassicPeriodic {
  if (r.daysOfMonth) return { count: r.count, days: r.daysOfMonth.filter((d): d is number => d !== "Last"), includeLastDays: r.daysOfMonth.includes("Last") };
  return { count: r.count, weekdays: r.days ?? [], weeks: r.weeks ?? [] };
}

function toClassicBackup(s: PolicyConfig["schedule"]): ClassicPolicyInputs["backup"] {
  switch (s.frequency) {
    case "Hourly":
      return { frequency: "Hourly", time: s.time, hourInterval: s.intervalHours!, hourDuration: s.windowHours! };
    case "Weekly":
      return { frequency: "Weekly", time: s.time, weekdays: s.weekDays ?? [] };
    default:
      return { frequency: s.frequency, time: s.time };
  }
}

export function classicPolicyInputs(policy: PolicyModel): ClassicPolicyInputs {
  const c = policy.config;
  const r = c.retention;
  const rg = c.instantRestoreResourceGroup;
  const tier = c.tiering;
  return {
    name: policy.name,
    policyType: c.tier === "Enhanced" ? "V2" : "V1",
    timezone: c.timeZone,
    backup: toClassicBackup(c.schedule),
    instantRestoreRetentionDays: effectiveInstantRestoreDays(c),
    ...(rg && { instantRestoreResourceGroup: { prefix: rg.prefix, ...(rg.suffix && { suffix: rg.suffix }) } }),
    ...(r.daily !== undefined && { retentionDaily: { count: r.daily } }),
    ...(r.weekly && { retentionWeekly: { count: r.weekly.count, weekdays: r.weekly.days } }),
    ...(r.monthly && { retentionMonthly: toClassicPeriodic(r.monthly) }),
    ...(r.yearly && { retentionYearly: { ...toClassicPeriodic(r.yearly), months: r.yearly.months } }),
    ...(tier && { tieringPolicy: { archivedRestorePoint: { mode: tier.mode, ...(tier.mode === "TierAfter" && { duration: tier.after, durationType: tier.unit }) } } }),
    ...(c.crashConsistentOnly && { consistencyType: "OnlyCrashConsistent" as const }),
  };
}

/**
 * `azure:backup/protectedVM:ProtectedVM` inputs, without the vault references. Unlike the API, azurerm
 * needs `backupPolicyId` to create the item even as ProtectionStopped, so it is always sent (the
 * component ignores later changes to it while the item keeps no policy).
 */
export function classicProtectedVmInputs<Id>(item: ProtectedVmModel, policyId: Id) {
  const disks = item.disks;
  const state = item.protectionState;
  return {
    sourceVmId: item.vm.id,
    ...(disks?.include && { includeDiskLuns: [...disks.include] }),
    ...(disks?.exclude && { excludeDiskLuns: [...disks.exclude] }),
    backupPolicyId: policyId,
    ...(state !== "Protected" && { protectionState: state }),
  };
}

/** `azure:compute/extension:Extension` inputs for a declared snapshot extension. */
export function classicExtensionInputs(item: ProtectedVmModel, extension: Extract<SnapshotExtensionModel, { declared: true }>) {
  return {
    name: extension.name,
    virtualMachineId: item.vm.id,
    publisher: extension.publisher,
    type: extension.type,
    typeHandlerVersion: extension.typeHandlerVersion,
    autoUpgradeMinorVersion: extension.autoUpgradeMinorVersion,
  };
}

// ---------------------------------------------------------------- inputs -> configuration

function readPoints(r: Obj): Obj {
  const dates: unknown[] = Array.isArray(r.days) ? [...r.days] : [];
  if (r.includeLastDays === true) dates.push("Last");
  if (dates.length > 0) return { daysOfMonth: dates };
  return withoutUndefined({ weeks: r.weeks, days: r.weekdays });
}

/** Classic `azure:backup/policyVM:PolicyVM` inputs as raw policy configuration. */
export function policyFromClassic(inputs: Obj): PolicyReadBack {
  const b: Obj = isObj(inputs.backup) ? inputs.backup : {};
  const retention: Obj = {};
  if (isObj(inputs.retentionDaily)) retention.daily = inputs.retentionDaily.count;
  if (isObj(inputs.retentionWeekly)) retention.weekly = withoutUndefined({ count: inputs.retentionWeekly.count, days: inputs.retentionWeekly.weekdays });
  if (isObj(inputs.retentionMonthly)) retention.monthly = { count: inputs.retentionMonthly.count, ...readPoints(inputs.retentionMonthly) };
  if (isObj(inputs.retentionYearly)) retention.yearly = { count: inputs.retentionYearly.count, months: inputs.retentionYearly.months, ...readPoints(inputs.retentionYearly) };
  const rg: Obj | undefined = inputs.instantRestoreResourceGroup;
  const tiering: Obj | undefined = inputs.tieringPolicy?.archivedRestorePoint;
  const raw = withoutUndefined({
    tier: inputs.policyType === "V2" ? "Enhanced" : "Standard",
    schedule: withoutUndefined({ frequency: b.frequency, time: b.time, weekDays: b.weekdays, intervalHours: b.hourInterval, windowHours: b.hourDuration }),
    timeZone: inputs.timezone ?? "UTC",
    instantRestoreDays: inputs.instantRestoreRetentionDays,
    instantRestoreResourceGroup: rg?.prefix ? withoutUndefined({ prefix: rg.prefix, suffix: rg.suffix }) : undefined,
    crashConsistentOnly: inputs.consistencyType === "OnlyCrashConsistent" ? true : undefined,
    retention,
    tiering: tiering ? withoutUndefined({ mode: tiering.mode, after: tiering.duration, unit: tiering.durationType }) : undefined,
  });
  return { raw, issues: [] };
}

function readVault(i: Obj): VaultRead {
  const enc: Obj | undefined = i.encryption;
  const encryption = enc && withoutUndefined({
    keyUri: enc.keyId,
    userAssignedIdentityId: enc.useSystemAssignedIdentity === false ? enc.userAssignedIdentityId : undefined,
    infrastructureEncryption: enc.infrastructureEncryptionEnabled === true,
  });
  const identity: VaultIdentity | undefined = i.identity && {
    systemAssigned: str(i.identity.type).includes("SystemAssigned"),
    userAssigned: Array.isArray(i.identity.identityIds) ? i.identity.identityIds.map(str) : [],
  };
  return {
    config: withoutUndefined({
      name: str(i.name),
      resourceGroupName: str(i.resourceGroupName),
      location: str(i.location),
      tags: i.tags,
      storageRedundancy: i.storageModeType ?? "GeoRedundant",
      crossRegionRestore: i.crossRegionRestoreEnabled === true,
      softDelete: i.softDeleteEnabled === false ? "Disabled" : "Enabled",
      // Classic has no retention input: Azure keeps its default.
      softDeleteRetentionDays: SOFT_DELETE_DEFAULT_RETENTION_DAYS,
      immutability: i.immutability ?? "Disabled",
      publicNetworkAccess: i.publicNetworkAccessEnabled === false ? "Disabled" : "Enabled",
      // azurerm defaults both monitoring flags to true when the block is absent.
      jobFailureAlerts: i.monitoring?.alertsForAllJobFailuresEnabled !== false,
      encryption,
      identity: identitySetting(identity),
    }),
    sku: str(i.sku),
    criticalOperationAlerts: i.monitoring?.alertsForCriticalOperationFailuresEnabled !== false,
    ...optional("identity", i.identity && { type: str(i.identity.type), ...optional("userAssignedIdentities", i.identity.identityIds) }),
  };
}

/**
 * The `vms[]` settings a classic protected VM carries: `disks` (both lists as found, so the rule that
 * allows only one sees them) and `protection`. Also read by the pack.
 */
export function classicItemSettings(i: Obj): Obj {
  const include = Array.isArray(i.includeDiskLuns) ? i.includeDiskLuns : undefined;
  const exclude = Array.isArray(i.excludeDiskLuns) ? i.excludeDiskLuns : undefined;
  return withoutUndefined({
    disks: include || exclude ? withoutUndefined({ include, exclude }) : undefined,
    protection: i.protectionState === undefined ? undefined : protectionSettingOf(i.protectionState),
  });
}

/** The read direction of the classic adapter. */
export const classicReader: ProviderReader = {
  provider: "classic",
  types: CLASSIC_TYPES,
  readResourceGroup: (i) => ({ name: str(i.name), location: str(i.location), ...optional("tags", i.tags) }),
  readVault,
  readPolicy: (i) => ({ name: str(i.name), vaultName: str(i.recoveryVaultName), resourceGroupName: str(i.resourceGroupName), policy: policyFromClassic(i) }),
  readItem: (i) => {
    const vmId = str(i.sourceVmId);
    const parts = vmId.split("/");
    // Classic takes the VM ID; Azure derives the container and item names from it.
    const ref = { resourceGroupName: parts[4] ?? "", name: parts[8] ?? vmId };
    return {
      vmId,
      vaultName: str(i.recoveryVaultName),
      resourceGroupName: str(i.resourceGroupName),
      containerName: protectionContainerName(ref),
      protectedItemName: protectedItemName(ref),
      // A stopped item keeps no policy in Azure; classic still sends one because azurerm needs it to create the item.
      ...optional("policyId", keepsPolicy(i.protectionState ?? "Protected") ? i.backupPolicyId : undefined),
      config: classicItemSettings(i),
    };
  },
  readExtension: (i) => ({
    vmId: str(i.virtualMachineId),
    name: str(i.name),
    publisher: str(i.publisher),
    type: str(i.type),
    typeHandlerVersion: str(i.typeHandlerVersion),
    ...optional("autoUpgradeMinorVersion", i.autoUpgradeMinorVersion),
    ...optional("settings", typeof i.settings === "string" ? JSON.parse(i.settings) : i.settings),
  }),
  readRunCommand: (i) => ({
    vmId: str(i.virtualMachineId),
    name: str(i.name),
    ...optional("location", i.location),
    ...optional("script", i.source?.script),
    ...optional("commandId", i.source?.commandId),
    ...optional("parameters", readParameters(i.parameters)),
  }),
};
