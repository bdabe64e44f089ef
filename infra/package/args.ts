import type * as pulumi from "@pulumi/pulumi";
import type {
  CrossSubscriptionRestore, DayOfWeek, EnhancedSecurity, ExtensionMode, Frequency, Immutability, Month, OsType, PolicyTier,
  ProtectionSetting, PublicNetworkAccess, SoftDelete, SourceScanIdentity, StorageRedundancy, TieringMode, TierUnit, VaultSku,
  VssMode, WeekOfMonth, WindowsReadinessMode,
} from "./enums";

/*
 * The public args: the stack configuration's keys and values (docs/configuration.md), as interfaces
 * Pulumi's component analyzer can read (named interfaces, const-object enums, plain arrays and
 * string-keyed maps). test/package/schema.test.ts checks at type level that each one is accepted by
 * the configuration schema and takes every key of it, so the two cannot drift apart.
 */

/** Customer-managed key encryption of the vault. */
export interface EncryptionSettings {
  /** Key Vault key URI of the customer-managed key. Must be set before any item is protected; cannot be removed. */
  keyUri: string;
  /** User-assigned identity that reads the key. Omit to use the vault's system-assigned identity. */
  userAssignedIdentityId?: string;
  /** Double encryption at the infrastructure layer. Immutable once set. Default false. */
  infrastructureEncryption?: boolean;
}

/** The vault's managed identities (Azure `identity`: SystemAssigned, UserAssigned or both). */
export interface VaultIdentitySettings {
  /** Give the vault a system-assigned identity. Default false. */
  systemAssigned?: boolean;
  /** User-assigned identities attached to the vault (resource IDs). */
  userAssigned?: string[];
}

/** Azure Monitor alert settings beyond job failures. Unset values keep Azure's default. */
export interface AzureMonitorAlertSettings {
  /** Alerts for every Site Recovery replication issue. */
  replicationIssues?: boolean;
  /** Alerts for every Site Recovery failover issue. */
  failoverIssues?: boolean;
}

/** Classic (pre-Azure Monitor) alert settings. */
export interface ClassicAlertSettings {
  /** Classic alerts for critical operations (retired by Azure on 31 March 2026). Default false. */
  criticalOperations?: boolean;
  /** Classic e-mail notifications for Site Recovery. Unset: Azure's default. */
  siteRecoveryEmails?: boolean;
}

/** Alert settings of the vault's monitoringSettings. */
export interface AlertSettings {
  azureMonitor?: AzureMonitorAlertSettings;
  classic?: ClassicAlertSettings;
}

/** Scanning the data sources' backups for threats. */
export interface SourceScanSettings {
  /** Scan the backups (refused on provider native, whose vault API lacks it). */
  enabled: boolean;
  /** SystemAssigned (default) | UserAssigned. */
  identity?: SourceScanIdentity;
  /** UserAssigned only: the identity, one of identity.userAssigned. */
  userAssignedIdentityId?: string;
}

/** A Recovery Services vault and the resource group created for it. */
export interface VaultSettings {
  /** Recovery Services vault name (2-50 chars, starts with a letter). */
  name: string;
  /** Resource group created for the vault. */
  resourceGroupName: string;
  /** Azure region of the vault. Default: azure-native:location (or azure:location). */
  location?: string;
  /** Default GeoRedundant. Cannot change once items are protected. */
  storageRedundancy?: StorageRedundancy;
  /** Cross-region restore; GeoRedundant only; cannot be turned off later. Default false. */
  crossRegionRestore?: boolean;
  /** Default AlwaysOn (irreversible). */
  softDelete?: SoftDelete;
  /** Days soft-deleted backup data is kept, 14-180. Default 14. */
  softDeleteRetentionDays?: number;
  /** Default Unlocked. Locked is irreversible. */
  immutability?: Immutability;
  /** Default Disabled. */
  publicNetworkAccess?: PublicNetworkAccess;
  /** Azure Monitor alerts for every failed backup job. Default true. */
  jobFailureAlerts?: boolean;
  /** Customer-managed key encryption. Optional. */
  encryption?: EncryptionSettings;
  /** Tags for the vault and its resource group. */
  tags?: { [key: string]: string };
  /** RS0 | Standard (both the Standard tier). Unset: RS0. */
  sku?: VaultSku;
  /** Enhanced security of soft delete. Unset: Azure's default. */
  enhancedSecurity?: EnhancedSecurity;
  /** Adopted vault: its ARM ID; the vault, its resource group and its resource guard link are imported, not created. */
  importId?: string;
  /** Managed identities. Unset: only what encryption needs. */
  identity?: VaultIdentitySettings;
  /** Azure Monitor and classic alert settings beyond job failures. */
  alerts?: AlertSettings;
  /** Enabled | Disabled | PermanentlyDisabled (irreversible). Unset: Azure's default (Enabled). */
  crossSubscriptionRestore?: CrossSubscriptionRestore;
  /** Source scan configuration. */
  sourceScan?: SourceScanSettings;
  /** Multi-user authorization: the Resource Guard that must approve critical operations. */
  resourceGuardId?: string;
}

/** One vault of `vaults`: the settings of `vault`, plus `primary`. */
export interface VaultsEntrySettings extends VaultSettings {
  /**
   * Its policies keep the component names of a one-vault estate (the policy's name); every other vault's
   * are named `<vault name>/<policy>`. At most one vault is primary. Default: true when it is the only vault.
   */
  primary?: boolean;
}

/** When backups run. */
export interface ScheduleSettings {
  /** Daily | Weekly | Hourly (Hourly needs tier Enhanced). */
  frequency: Frequency;
  /** "HH:MM" on the hour or half hour, in the policy time zone: the run time (window start for Hourly). */
  time: string;
  /** Weekly only: the days backups run. */
  weekDays?: DayOfWeek[];
  /** Hourly only: 4 | 6 | 8 | 12. */
  intervalHours?: number;
  /** Hourly only: window length 4-24 h, a multiple of intervalHours. */
  windowHours?: number;
}

/** Weekly recovery points kept. */
export interface WeeklyRetention {
  /** Weeks to keep. */
  count: number;
  /** Days of the week whose point is kept. */
  days: DayOfWeek[];
}

/** Monthly recovery points kept: by weeks and days, or by daysOfMonth. */
export interface MonthlyRetention {
  /** Months to keep. */
  count: number;
  /** Week-based: weeks of the month. */
  weeks?: WeekOfMonth[];
  /** Week-based: days of the week. */
  days?: DayOfWeek[];
  /** Day-based (Daily/Hourly schedules only): "1" to "28" or "Last". */
  daysOfMonth?: string[];
}

/** Yearly recovery points kept: by months with weeks and days, or with daysOfMonth. */
export interface YearlyRetention {
  /** Years to keep. */
  count: number;
  /** Months of the year whose point is kept. */
  months: Month[];
  /** Week-based: weeks of the month. */
  weeks?: WeekOfMonth[];
  /** Week-based: days of the week. */
  days?: DayOfWeek[];
  /** Day-based (Daily/Hourly schedules only): "1" to "28" or "Last". */
  daysOfMonth?: string[];
}

/** How long recovery points are kept. */
export interface RetentionSettings {
  /** Days, 7-9999. Required for Daily and Hourly, forbidden for Weekly. */
  daily?: number;
  /** Required for Weekly. */
  weekly?: WeeklyRetention;
  monthly?: MonthlyRetention;
  yearly?: YearlyRetention;
}

/** Archive tiering of monthly and yearly points. */
export interface TieringSettings {
  /** TierAfter | TierRecommended | DoNotTier. */
  mode: TieringMode;
  /** TierAfter only: move points older than this many units (at least 3). */
  after?: number;
  /** TierAfter only. */
  unit?: TierUnit;
}

/** Name of the snapshot resource group: <prefix><n><suffix>. */
export interface InstantRestoreResourceGroup {
  /** Resource group name prefix. */
  prefix: string;
  /** Optional resource group name suffix. */
  suffix?: string;
}

/** One Azure VM backup policy. */
export interface PolicySettings {
  /** Standard (API V1) | Enhanced (API V2). Default Standard. */
  tier?: PolicyTier;
  /** When backups run. */
  schedule: ScheduleSettings;
  /** Windows time zone ID (IANA names are converted). Default UTC. */
  timeZone?: string;
  /** Snapshot days: Standard 1-5 (Weekly: 5, default 2), Enhanced 1-30 (default 7). */
  instantRestoreDays?: number;
  /** Name the snapshot resource group instead of AzureBackupRG_<geo>_<n>. */
  instantRestoreResourceGroup?: InstantRestoreResourceGroup;
  /** Crash-consistent snapshots only (Enhanced only). Default false. */
  crashConsistentOnly?: boolean;
  /** How long recovery points are kept. */
  retention: RetentionSettings;
  /** Archive tiering of monthly/yearly points. */
  tiering?: TieringSettings;
  /** "YYYY-MM-DD" written in the policy's date-times (Azure reads only the time of day). Default 2024-01-01. */
  scheduleDate?: string;
  /** Adopted policy: its ARM ID; imported, not created. */
  importId?: string;
  /** A reason that acknowledges cutting this policy's retention below what Azure holds now (read by the stack's backup-state check). */
  allowRetentionReduction?: string;
}

/** Data-disk LUNs to back up (include) or leave out (exclude); the OS disk is always backed up. */
export interface DiskSelection {
  include?: number[];
  exclude?: number[];
}

/** Linux app-consistent pre/post scripts. */
export interface LinuxScripts {
  /** Full path of the pre-script on the VM (root-owned, mode 700). */
  preScript: string;
  /** Full path of the post-script on the VM (root-owned, mode 700). */
  postScript: string;
  preScriptParams?: string[];
  postScriptParams?: string[];
  /** Retries of the pre-script, 0-10. Default 0. */
  preScriptRetries?: number;
  /** Retries of the post-script, 0-10. Default 0. */
  postScriptRetries?: number;
  /** Timeout of each script, 1-1800 s. Default 30. */
  timeoutSeconds?: number;
  /** Fall back to a file-system/crash-consistent backup when a script fails. Default true. */
  continueBackupOnFailure?: boolean;
  /** Call fsfreeze during the snapshot. Default true. */
  fsFreeze?: boolean;
  /** Seconds between polls of the script execution, 1-5. Default 3. */
  pollSeconds?: number;
}

/**
 * A VM to protect. `id` may be an output of a VM declared in the same program: its facts (os, region,
 * data disks) are then taken from this entry, and the rules that need them run once they are known.
 */
export interface VmSettings {
  /** Azure resource ID of the VM, or the `id` output of a VM declared in the same program. */
  id: pulumi.Input<string>;
  /** Name of a policy under `policies`. */
  policy: string;
  /** Logical name of the VM's backup resources. Required when `id` is an output; default `<resource group>/<vm name>` (lower case). */
  name?: string;
  /** Windows | Linux. Required where the VM is not looked up (the library never looks VMs up). */
  os?: OsType;
  /** The VM's region (e.g. the VM resource's `location`): checked against its vault's; with `vaults`, a plain value routes the VM to its region's vault. */
  location?: pulumi.Input<string>;
  /** With `vaults`: the key of the vault that protects this VM. Default: the vault in the VM's region. */
  vault?: string;
  /** The VM's attached data-disk LUNs: `disks` is checked against them. */
  dataDiskLuns?: pulumi.Input<number[]>;
  /** Data-disk LUNs: { include: [...] } or { exclude: [...] }. */
  disks?: DiskSelection;
  /** Protected (default) | Stopped | Suspended. */
  protection?: ProtectionSetting;
  /** Snapshot extension: auto | declare. Default vmDefaults.extension. */
  extension?: ExtensionMode;
  /** Windows only: Full | Copy (copy-only VSS backups). */
  vss?: VssMode;
  /** Linux only: app-consistent pre/post scripts. */
  scripts?: LinuxScripts;
  /** Windows only: check | prepare. Default vmDefaults.windowsReadiness. */
  windowsReadiness?: WindowsReadinessMode;
  /** Adopted protection: the protected item's ARM ID; imported, not created. */
  importId?: string;
  /** A reason that acknowledges moving this VM to a policy with shorter retention (read by the stack's backup-state check). */
  allowRetentionReduction?: string;
}

/** VMs carrying all the tags are protected with the selector's policy (resolved by the stack program's look-ups). */
export interface SelectorSettings {
  /** Tags a VM must carry (all of them). */
  tags: { [key: string]: string };
  /** Only VMs in these resource groups. Default: the whole subscription. */
  resourceGroups?: string[];
  /** Only VMs in these regions (e.g. `westeurope`). Default: every region of the subscription. */
  locations?: string[];
  /** Policy for the matched VMs. */
  policy: string;
  /** With `vaults`: the vault key the matches go to. Default: the vault of each match's region. */
  vault?: string;
}

/** Estate defaults for every VM entry and selector match. */
export interface VmDefaults {
  /** auto (default: Azure Backup installs the snapshot extension) | declare. */
  extension?: ExtensionMode;
  /** check | prepare for every Windows VM. Default: unset. */
  windowsReadiness?: WindowsReadinessMode;
}
