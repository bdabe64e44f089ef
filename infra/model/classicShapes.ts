import type { DayOfMonth, DayOfWeek, Month, PolicyConfig, WeekOfMonth } from "../config/configSchema";
import type { PolicyModel } from "./policy";
import type { ProtectedVmModel } from "./protectedVm";
import type { VaultModel } from "./vault";

/**
 * The same model in the shapes of the classic provider (`@pulumi/azure` 6.x, the azurerm lineage).
 * Plain data, so it is tested without Pulumi; `classicRules.ts` rejects what these shapes cannot carry
 * before anything is rendered.
 */

/** `azure:recoveryservices/vault:Vault` inputs. */
export interface ClassicVaultArgs {
  readonly name: string;
  readonly resourceGroupName: string;
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
  readonly encryption?: {
    readonly keyId: string;
    readonly infrastructureEncryptionEnabled: boolean;
    readonly useSystemAssignedIdentity: boolean;
    readonly userAssignedIdentityId?: string;
  };
}

interface ClassicPeriodic {
  readonly count: number;
  readonly weekdays?: DayOfWeek[];
  readonly weeks?: WeekOfMonth[];
  readonly days?: number[];
  readonly includeLastDays?: boolean;
}

/** `azure:backup/policyVM:PolicyVM` inputs, without the vault references. */
export interface ClassicPolicyArgs {
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

/** `azure:backup/protectedVM:ProtectedVM` inputs, without the vault and policy references. */
export interface ClassicProtectedVmArgs {
  readonly sourceVmId: string;
  readonly includeDiskLuns?: number[];
  readonly excludeDiskLuns?: number[];
}

export function toClassicVaultArgs(vault: VaultModel): ClassicVaultArgs {
  const p = vault.properties;
  const cmk = p.encryption;
  return {
    name: vault.name,
    resourceGroupName: vault.resourceGroupName,
    location: vault.location,
    ...(vault.tags && { tags: vault.tags }),
    // Classic spells the vault SKU RS0/Standard as `Standard`.
    sku: "Standard",
    storageModeType: p.redundancySettings.standardTierStorageRedundancy,
    crossRegionRestoreEnabled: p.redundancySettings.crossRegionRestore === "Enabled",
    // AlwaysON has no classic spelling; classicRules rejects it before this point.
    softDeleteEnabled: p.securitySettings.softDeleteSettings.softDeleteState !== "Disabled",
    immutability: p.securitySettings.immutabilitySettings.state,
    publicNetworkAccessEnabled: p.publicNetworkAccess === "Enabled",
    monitoring: {
      alertsForAllJobFailuresEnabled: p.monitoringSettings.azureMonitorAlertSettings.alertsForAllJobFailures === "Enabled",
      alertsForCriticalOperationFailuresEnabled: p.monitoringSettings.classicAlertSettings.alertsForCriticalOperations !== "Disabled",
    },
    ...(vault.identity && {
      identity: { type: vault.identity.type, ...(vault.identity.userAssignedIdentities && { identityIds: [...vault.identity.userAssignedIdentities] }) },
    }),
    ...(cmk && {
      encryption: {
        keyId: cmk.keyVaultProperties.keyUri,
        infrastructureEncryptionEnabled: cmk.infrastructureEncryption === "Enabled",
        useSystemAssignedIdentity: cmk.kekIdentity.useSystemAssignedIdentity,
        ...(cmk.kekIdentity.userAssignedIdentity && { userAssignedIdentityId: cmk.kekIdentity.userAssignedIdentity }),
      },
    }),
  };
}

/** Monthly/yearly points: by week and day, or by day of month with `Last` as `includeLastDays`. */
function toClassicPeriodic(r: { count: number; weeks?: WeekOfMonth[]; days?: DayOfWeek[]; daysOfMonth?: DayOfMonth[] }): ClassicPeriodic {
  if (r.daysOfMonth) {
    return {
      count: r.count,
      days: r.daysOfMonth.filter((d): d is number => d !== "Last"),
      includeLastDays: r.daysOfMonth.includes("Last"),
    };
  }
  return { count: r.count, weekdays: r.days ?? [], weeks: r.weeks ?? [] };
}

function toClassicBackup(c: PolicyConfig): ClassicPolicyArgs["backup"] {
  const s = c.schedule;
  switch (s.frequency) {
    case "Hourly":
      return { frequency: "Hourly", time: s.time, hourInterval: s.intervalHours!, hourDuration: s.windowHours! };
    case "Weekly":
      return { frequency: "Weekly", time: s.time, weekdays: s.weekDays ?? [] };
    default:
      return { frequency: s.frequency, time: s.time };
  }
}

export function toClassicPolicyArgs(policy: PolicyModel): ClassicPolicyArgs {
  const c = policy.config;
  const p = policy.properties;
  const r = c.retention;
  const rg = p.instantRPDetails;
  const tier = p.tieringPolicy?.ArchivedRP;
  return {
    name: policy.name,
    policyType: p.policyType,
    timezone: p.timeZone,
    backup: toClassicBackup(c),
    instantRestoreRetentionDays: p.instantRpRetentionRangeInDays,
    ...(rg && { instantRestoreResourceGroup: { prefix: rg.azureBackupRGNamePrefix, ...(rg.azureBackupRGNameSuffix && { suffix: rg.azureBackupRGNameSuffix }) } }),
    ...(r.daily !== undefined && { retentionDaily: { count: r.daily } }),
    ...(r.weekly && { retentionWeekly: { count: r.weekly.count, weekdays: r.weekly.days } }),
    ...(r.monthly && { retentionMonthly: toClassicPeriodic(r.monthly) }),
    ...(r.yearly && { retentionYearly: { ...toClassicPeriodic(r.yearly), months: r.yearly.months } }),
    ...(tier && {
      tieringPolicy: {
        archivedRestorePoint: { mode: tier.tieringMode, ...(tier.duration !== undefined && { duration: tier.duration, durationType: tier.durationType }) },
      },
    }),
    ...(p.snapshotConsistencyType && { consistencyType: p.snapshotConsistencyType }),
  };
}

export function toClassicProtectedVmArgs(item: ProtectedVmModel): ClassicProtectedVmArgs {
  const disks = item.diskExclusion;
  return {
    sourceVmId: item.vm.id,
    ...(disks && (disks.isInclusionList ? { includeDiskLuns: [...disks.diskLunList] } : { excludeDiskLuns: [...disks.diskLunList] })),
  };
}
