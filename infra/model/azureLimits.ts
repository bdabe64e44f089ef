/**
 * Every number Azure Backup enforces, in one place, so that validation messages, docs and the
 * policy pack cannot disagree. Each entry names its section of shared/reference/azure-backup-facts.md.
 */

/** Vault name: 2-50 chars, starts with a letter (facts: Vault). */
export const VAULT_NAME_PATTERN = /^[a-zA-Z][-a-zA-Z0-9]{1,49}$/;
/** Resource group name: 1-90 chars of letters, digits, `-_.()`, not ending in a period (ARM naming rules). */
export const RESOURCE_GROUP_NAME_PATTERN = /^[-\w.()]{0,89}[-\w()]$/;
/** Policy name (facts: Policy). */
export const POLICY_NAME_PATTERN = /^[a-zA-Z][-_!a-zA-Z0-9]{2,149}$/;

/** Azure VMs per vault (facts: Vault, limits). */
export const MAX_VMS_PER_VAULT = 1000;
/** VMs per policy: the portal and PowerShell stop at 100, the CLI at 1000 (facts: Policy). */
export const RECOMMENDED_MAX_VMS_PER_POLICY = 100;
export const MAX_VMS_PER_POLICY = 1000;
/** Disks a VM may have for Azure VM backup (facts: Protected VM, disk selection). */
export const MAX_DISKS_PER_VM = 32;
/** Data-disk LUNs Azure assigns (0-63). */
export const DATA_DISK_LUN = { min: 0, max: 63 } as const;

/** Soft delete retention in days (facts: Vault, soft delete). */
export const SOFT_DELETE_RETENTION_DAYS = { min: 14, max: 180 } as const;

/** Instant restore snapshot days (facts: Policy, instant restore). */
export const STANDARD_INSTANT_RESTORE_DAYS = { min: 1, max: 5, default: 2, weekly: 5 } as const;
export const ENHANCED_INSTANT_RESTORE_DAYS = { min: 1, max: 30, default: 7 } as const;
/** Enhanced hourly policies keep fewer snapshot days at short intervals (facts: Policy). */
export const ENHANCED_INSTANT_RESTORE_MAX_BY_INTERVAL: Readonly<Record<number, number>> = { 4: 17, 6: 22 };

/** Hourly schedules (facts: Policy, Hourly). */
export const HOURLY_INTERVALS = [4, 6, 8, 12] as const;
export const HOURLY_WINDOW_HOURS = { min: 4, max: 24 } as const;

/** Retention ranges (facts: Policy, retention). */
export const RETENTION_DAILY_DAYS = { min: 7, max: 9999 } as const;
export const RETENTION_WEEKLY_WEEKS = { min: 1, max: 5163 } as const;
export const RETENTION_MONTHLY_MONTHS = { min: 1, max: 1188 } as const;
export const RETENTION_YEARLY_YEARS = { min: 1, max: 99 } as const;
/** Day-of-month retention takes dates 1-28 plus "Last" (the API's `{date, isLast}`). */
export const RETENTION_DAY_OF_MONTH = { min: 1, max: 28 } as const;

/** Archive tiering: TierAfter needs a duration of at least 3 (facts: Policy, tiering). */
export const TIER_AFTER_MIN_DURATION = 3;

/**
 * The date written in every schedule and retention date-time. Azure only reads the time of day;
 * a fixed date keeps the inputs identical from one run to the next (no perpetual diff).
 */
export const SCHEDULE_REFERENCE_DATE = "2024-01-01";

/**
 * Soft-delete retention Azure applies when a request does not set it, the minimum and the free part
 * (facts: Vault, soft delete: retention 14-180 days, first 14 free): the
 * only value a stack on the classic provider can have, since azurerm exposes no retention field.
 */
export const SOFT_DELETE_DEFAULT_RETENTION_DAYS = 14;
