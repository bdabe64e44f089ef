/**
 * Every number Azure Backup enforces, in one place, so that validation messages, docs and the
 * policy pack cannot disagree. Each entry names its section of docs/azure-backup-service.md.
 */

/** Vault name: 2-50 chars, starts with a letter (azure-backup-service.md: Vault). */
export const VAULT_NAME_PATTERN = /^[a-zA-Z][-a-zA-Z0-9]{1,49}$/;
/** Resource group name: 1-90 chars of letters (Unicode letters too), digits, `-_.()`, not ending in a period (ARM naming rules). */
export const RESOURCE_GROUP_NAME_PATTERN = /^[-\p{L}\p{N}_.()]{0,89}[-\p{L}\p{N}_()]$/u;

/** Tags on any resource (azure-backup-service.md: Tags). */
export const MAX_TAGS_PER_RESOURCE = 50;
export const MAX_TAG_NAME_LENGTH = 512;
export const MAX_TAG_VALUE_LENGTH = 256;
export const TAG_NAME_FORBIDDEN_CHARACTERS = "<>%&\\?/";
/** Policy name (azure-backup-service.md: Policy). */
export const POLICY_NAME_PATTERN = /^[a-zA-Z][-_!a-zA-Z0-9]{2,149}$/;

/** Azure VMs per vault (azure-backup-service.md: Vault, limits). */
export const MAX_VMS_PER_VAULT = 1000;
/** VMs per policy: the portal and PowerShell stop at 100, the CLI at 1000 (azure-backup-service.md: Policy). */
export const RECOMMENDED_MAX_VMS_PER_POLICY = 100;
export const MAX_VMS_PER_POLICY = 1000;
/** Disks a VM may have for Azure VM backup (azure-backup-service.md: Protected VM, disk selection). */
export const MAX_DISKS_PER_VM = 32;
/** Data-disk LUNs Azure assigns (0-63). */
export const DATA_DISK_LUN = { min: 0, max: 63 } as const;

/** Soft delete retention in days (azure-backup-service.md: Vault, soft delete). */
export const SOFT_DELETE_RETENTION_DAYS = { min: 14, max: 180 } as const;

/** Instant restore snapshot days (azure-backup-service.md: Policy, instant restore). */
export const STANDARD_INSTANT_RESTORE_DAYS = { min: 1, max: 5, default: 2, weekly: 5 } as const;
export const ENHANCED_INSTANT_RESTORE_DAYS = { min: 1, max: 30, default: 7 } as const;
/** Enhanced hourly policies keep fewer snapshot days at short intervals (azure-backup-service.md: Policy). */
export const ENHANCED_INSTANT_RESTORE_MAX_BY_INTERVAL: Readonly<Record<number, number>> = { 4: 17, 6: 22 };

/** Hourly schedules (azure-backup-service.md: Policy, Hourly). */
export const HOURLY_INTERVALS = [4, 6, 8, 12] as const;
export const HOURLY_WINDOW_HOURS = { min: 4, max: 24 } as const;

/** Retention ranges (azure-backup-service.md: Policy, retention). */
export const RETENTION_DAILY_DAYS = { min: 7, max: 9999 } as const;
export const RETENTION_WEEKLY_WEEKS = { min: 1, max: 5163 } as const;
export const RETENTION_MONTHLY_MONTHS = { min: 1, max: 1188 } as const;
export const RETENTION_YEARLY_YEARS = { min: 1, max: 99 } as const;
/** Day-of-month retention takes dates 1-28 plus "Last" (the API's `{date, isLast}`). */
export const RETENTION_DAY_OF_MONTH = { min: 1, max: 28 } as const;

/** Archive tiering: TierAfter needs a duration of at least 3 (azure-backup-service.md: Policy, tiering). */
export const TIER_AFTER_MIN_DURATION = 3;

/**
 * The date written in every schedule and retention date-time. Azure only reads the time of day;
 * a fixed date keeps the inputs identical from one run to the next (no perpetual diff).
 */
export const SCHEDULE_REFERENCE_DATE = "2024-01-01";

// ---- VM side (azure-backup-service.md: How a VM backup works; Policy, Enhanced-only features) ----

/**
 * Linux script plug-in settings (azure-backup-service.md: How a VM backup works 4; Learn "Application-consistent
 * backup of Azure Linux VMs"): timeout at most 1800 s (template default 30), poll 1-5 s (template
 * default 3, MicrosoftAzureBackup/VMSnapshotPluginConfig).
 */
export const SCRIPT_TIMEOUT_SECONDS = { min: 1, max: 1800, default: 30 } as const;
export const SCRIPT_POLL_SECONDS = { min: 1, max: 5, default: 3 } as const;
/**
 * Script retries: Learn sets no maximum ("zero means only one try"). The project caps them at 10
 * so that one stuck script cannot hold the snapshot for retries x 1800 s.
 */
export const SCRIPT_RETRIES = { min: 0, max: 10, default: 0 } as const;
/** Where the VMSnapshotLinux extension reads the script plug-in configuration (azure-backup-service.md: How a VM backup works 4). */
export const SCRIPT_PLUGIN_CONFIG_PATH = "/etc/azure/VMSnapshotScriptPluginConfig.json";
/** The plug-in name the extension expects ("leave this field as is"). */
export const SCRIPT_PLUGIN_NAME = "ScriptRunner";

/** Snapshot extension Azure Backup installs (azure-backup-service.md: How a VM backup works 2). */
export const SNAPSHOT_EXTENSION_PUBLISHER = "Microsoft.Azure.RecoveryServices";
export const SNAPSHOT_EXTENSION = {
  Windows: { type: "VMSnapshot", typeHandlerVersion: "1.9" },
  Linux: { type: "VMSnapshotLinux", typeHandlerVersion: "1.0" },
} as const;

/** Copy-only VSS backups (azure-backup-service.md: How a VM backup works 3). */
export const VSS_REGISTRY_KEY = "HKLM:\\SOFTWARE\\Microsoft\\BcdrAgent";
export const VSS_REGISTRY_VALUE = "USEVSSCOPYBACKUP";

/** Disk SKUs only an Enhanced policy can back up (azure-backup-service.md: Policy, last rules). */
export const ENHANCED_ONLY_DISK_SKUS = ["UltraSSD_LRS", "PremiumV2_LRS"] as const;

/**
 * Trusted Launch VMs with a Standard policy: only from Recovery Services REST API 2025-01-01 on
 * (Learn "Back up Azure VMs with the Enhanced policy", note; azure-backup-service.md: Policy).
 */
export const TRUSTED_LAUNCH_STANDARD_MIN_API_VERSION = "2025-01-01";
/**
 * The Recovery Services API version the protected item is written with: @pulumi/azure-native
 * 3.28 recoveryservices.ProtectedItem uses 2024-10-01 (checked by test/model/azureLimits.test.ts
 * against the installed SDK), so Trusted Launch VMs need an Enhanced policy here.
 */
export const PROTECTED_ITEM_API_VERSION = "2024-10-01";

/**
 * Soft-delete retention Azure applies when a request does not set it, the minimum and the free part
 * (azure-backup-service.md: Vault, soft delete: retention 14-180 days, first 14 free): the
 * only value a stack on the classic provider can have, since azurerm exposes no retention field.
 */
export const SOFT_DELETE_DEFAULT_RETENTION_DAYS = 14;
