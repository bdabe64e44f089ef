import { z } from "zod";
import {
  DATA_DISK_LUN,
  HOURLY_WINDOW_HOURS,
  MAX_TAGS_PER_RESOURCE,
  MAX_TAG_NAME_LENGTH,
  MAX_TAG_VALUE_LENGTH,
  TAG_NAME_FORBIDDEN_CHARACTERS,
  POLICY_NAME_PATTERN,
  RESOURCE_GROUP_NAME_PATTERN,
  RETENTION_DAILY_DAYS,
  RETENTION_DAY_OF_MONTH,
  RETENTION_MONTHLY_MONTHS,
  RETENTION_WEEKLY_WEEKS,
  RETENTION_YEARLY_YEARS,
  SCRIPT_POLL_SECONDS,
  SCRIPT_RETRIES,
  SCRIPT_TIMEOUT_SECONDS,
  SOFT_DELETE_RETENTION_DAYS,
  TIER_AFTER_MIN_DURATION,
  VAULT_NAME_PATTERN,
} from "../azure/azureLimits";
import { caseInsensitiveEnum, caseInsensitivelyUnique, flag, intInRange, numberField, patternString, strictObject, tagsSchema, uniqueList } from "./schemaParts";
import { USER_ASSIGNED_IDENTITY_PATTERN, vaultSettingsShape } from "./vaultSettingsSchema";

/**
 * The single schema of the stack configuration (docs/configuration.md). Types are inferred from it,
 * defaults live here, and docs/configuration.md is generated from its descriptions. Rules that
 * involve more than one field live in model/*Rules.ts.
 */

export const DAYS_OF_WEEK = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"] as const;
export const WEEKS_OF_MONTH = ["First", "Second", "Third", "Fourth", "Last"] as const;
export const MONTHS = [
  "January", "February", "March", "April", "May", "June",
  "July", "August", "September", "October", "November", "December",
] as const;

export type DayOfWeek = (typeof DAYS_OF_WEEK)[number];
export type WeekOfMonth = (typeof WEEKS_OF_MONTH)[number];
export type Month = (typeof MONTHS)[number];

const TIME_PATTERN = /^([01]\d|2[0-3]):(00|30)$/;
const KEY_URI_PATTERN =
  /^https:\/\/[a-z0-9-]+\.(vault\.azure\.net|vault\.azure\.cn|vault\.usgovcloudapi\.net|managedhsm\.azure\.net)\/keys\/[a-z0-9-]+(\/[a-z0-9]+)?\/?$/i;

export const VM_ID_PATTERN =
  /^\/subscriptions\/([0-9a-fA-F-]{36})\/resourceGroups\/([-\p{L}\p{N}_.()]{1,90})\/providers\/Microsoft\.Compute\/virtualMachines\/([a-zA-Z0-9][-\w.]{0,63})$/iu;

const daysOfWeek = uniqueList(caseInsensitiveEnum(DAYS_OF_WEEK), `days (${DAYS_OF_WEEK.join(", ")})`);
const weeksOfMonth = uniqueList(caseInsensitiveEnum(WEEKS_OF_MONTH), `weeks (${WEEKS_OF_MONTH.join(", ")})`);
const months = uniqueList(caseInsensitiveEnum(MONTHS), `months (${MONTHS.join(", ")})`);

const dayOfMonth = z.unknown().transform((input, ctx): DayOfMonth => {
  if (typeof input === "string" && input.trim().toLowerCase() === "last") return "Last";
  if (typeof input === "number" && Number.isInteger(input) && input >= RETENTION_DAY_OF_MONTH.min && input <= RETENTION_DAY_OF_MONTH.max) return input;
  ctx.addIssue({
    code: "custom",
    message: `must be a day of the month from ${RETENTION_DAY_OF_MONTH.min} to ${RETENTION_DAY_OF_MONTH.max} or Last (got ${JSON.stringify(input)})`,
  });
  return z.NEVER;
});

const time = patternString(TIME_PATTERN, 'must be a time "HH:MM" on the hour or half hour, e.g. "22:00" or "01:30"')
  .describe('"HH:MM" on the hour or half hour, in the policy time zone: the run time (window start for Hourly).');

export const encryptionSchema = strictObject({
  keyUri: patternString(KEY_URI_PATTERN, "must be a Key Vault key URI like https://<vault>.vault.azure.net/keys/<key>[/<version>]")
    .describe("Key Vault key URI of the customer-managed key. Must be set before any item is protected; cannot be removed."),
  userAssignedIdentityId: patternString(USER_ASSIGNED_IDENTITY_PATTERN, "must be a user-assigned identity resource ID (/subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.ManagedIdentity/userAssignedIdentities/<name>)")
    .optional()
    .describe("User-assigned identity that reads the key (granted access to it beforehand). Omit to use the vault's system-assigned identity, which needs identity.systemAssigned: true deployed and granted first."),
  infrastructureEncryption: flag().default(false).describe("Double encryption at the infrastructure layer. Immutable once set. Default false."),
});

export const vaultSchema = strictObject({
  name: patternString(VAULT_NAME_PATTERN, "must be 2-50 letters, digits or hyphens, starting with a letter").describe("Recovery Services vault name (2-50 chars, starts with a letter)."),
  resourceGroupName: patternString(RESOURCE_GROUP_NAME_PATTERN, "must be 1-90 letters, digits, -, _, ., ( or ), not ending in a period").describe("Resource group the stack creates for the vault."),
  location: z.string().min(1).optional().describe("Azure region of the vault. Default: azure-native:location (or azure:location)."),
  storageRedundancy: caseInsensitiveEnum(["GeoRedundant", "ZoneRedundant", "LocallyRedundant"] as const).default("GeoRedundant")
    .describe("GeoRedundant | ZoneRedundant | LocallyRedundant. Default GeoRedundant. Cannot change once items are protected."),
  crossRegionRestore: flag().default(false).describe("Cross-region restore; GeoRedundant only; cannot be turned off later. Default false."),
  softDelete: caseInsensitiveEnum(["AlwaysOn", "Enabled", "Disabled"] as const).default("AlwaysOn")
    .describe("AlwaysOn | Enabled | Disabled. Default AlwaysOn (irreversible)."),
  softDeleteRetentionDays: intInRange(SOFT_DELETE_RETENTION_DAYS, "days").default(SOFT_DELETE_RETENTION_DAYS.min)
    .describe(`Days soft-deleted backup data is kept, ${SOFT_DELETE_RETENTION_DAYS.min}-${SOFT_DELETE_RETENTION_DAYS.max}. Default ${SOFT_DELETE_RETENTION_DAYS.min}.`),
  immutability: caseInsensitiveEnum(["Disabled", "Unlocked", "Locked"] as const).default("Unlocked")
    .describe("Disabled | Unlocked | Locked. Default Unlocked. Locked is irreversible."),
  publicNetworkAccess: caseInsensitiveEnum(["Disabled", "Enabled"] as const).default("Disabled")
    .describe("Disabled | Enabled. Default Disabled."),
  jobFailureAlerts: flag().default(true).describe("Azure Monitor alerts for every failed backup job. Default true."),
  encryption: encryptionSchema.optional().describe("Customer-managed key encryption. Optional."),
  tags: tagsSchema().optional().describe(`Tags for the vault and its resource group: at most ${MAX_TAGS_PER_RESOURCE}, names up to ${MAX_TAG_NAME_LENGTH} characters without ${TAG_NAME_FORBIDDEN_CHARACTERS}, values up to ${MAX_TAG_VALUE_LENGTH}.`),
  ...vaultSettingsShape,
});

export const scheduleSchema = strictObject({
  frequency: caseInsensitiveEnum(["Daily", "Weekly", "Hourly"] as const).describe("Daily | Weekly | Hourly (Hourly needs tier Enhanced)."),
  time,
  weekDays: daysOfWeek.optional().describe("Weekly only: the days backups run."),
  intervalHours: numberField("hours").optional().describe("Hourly only: 4 | 6 | 8 | 12."),
  windowHours: numberField("hours").optional().describe(`Hourly only: window length ${HOURLY_WINDOW_HOURS.min}-${HOURLY_WINDOW_HOURS.max} h, a multiple of intervalHours.`),
});

const weeklyRetentionSchema = strictObject({
  count: intInRange(RETENTION_WEEKLY_WEEKS, "weeks").describe(`Weeks to keep, ${RETENTION_WEEKLY_WEEKS.min}-${RETENTION_WEEKLY_WEEKS.max}.`),
  days: daysOfWeek.describe("Days of the week whose point is kept (backup days for Weekly schedules)."),
});

const byWeekDescriptions = {
  weeks: "Week-based: weeks of the month (First, Second, Third, Fourth, Last).",
  days: "Week-based: days of the week (backup days for Weekly schedules).",
  daysOfMonth: `Day-based (Daily/Hourly schedules only): dates ${RETENTION_DAY_OF_MONTH.min}-${RETENTION_DAY_OF_MONTH.max} or Last. Never together with weeks/days.`,
};

/** Monthly and yearly points are chosen by week-and-day or by day of month, never both. */
const monthlyRetentionSchema = strictObject({
  count: intInRange(RETENTION_MONTHLY_MONTHS, "months").describe(`Months to keep, ${RETENTION_MONTHLY_MONTHS.min}-${RETENTION_MONTHLY_MONTHS.max}.`),
  weeks: weeksOfMonth.optional().describe(byWeekDescriptions.weeks),
  days: daysOfWeek.optional().describe(byWeekDescriptions.days),
  daysOfMonth: uniqueList(dayOfMonth, `days of the month (${RETENTION_DAY_OF_MONTH.min}-${RETENTION_DAY_OF_MONTH.max} or Last)`).optional().describe(byWeekDescriptions.daysOfMonth),
});

const yearlyRetentionSchema = strictObject({
  count: intInRange(RETENTION_YEARLY_YEARS, "years").describe(`Years to keep, ${RETENTION_YEARLY_YEARS.min}-${RETENTION_YEARLY_YEARS.max}.`),
  months: months.describe("Months of the year whose point is kept (January ... December)."),
  weeks: weeksOfMonth.optional().describe(byWeekDescriptions.weeks),
  days: daysOfWeek.optional().describe(byWeekDescriptions.days),
  daysOfMonth: uniqueList(dayOfMonth, `days of the month (${RETENTION_DAY_OF_MONTH.min}-${RETENTION_DAY_OF_MONTH.max} or Last)`).optional().describe(byWeekDescriptions.daysOfMonth),
});

export const retentionSchema = strictObject({
  daily: intInRange(RETENTION_DAILY_DAYS, "days").optional().describe(`Days, ${RETENTION_DAILY_DAYS.min}-${RETENTION_DAILY_DAYS.max}. Required for Daily and Hourly, forbidden for Weekly.`),
  weekly: weeklyRetentionSchema.optional().describe(`{ count: ${RETENTION_WEEKLY_WEEKS.min}-${RETENTION_WEEKLY_WEEKS.max} weeks, days: [...] }. Required for Weekly.`),
  monthly: monthlyRetentionSchema.optional().describe(`{ count: ${RETENTION_MONTHLY_MONTHS.min}-${RETENTION_MONTHLY_MONTHS.max}, weeks, days } or { count, daysOfMonth: [1-28 | Last] }.`),
  yearly: yearlyRetentionSchema.optional().describe(`{ count: ${RETENTION_YEARLY_YEARS.min}-${RETENTION_YEARLY_YEARS.max}, months, weeks, days } or { count, months, daysOfMonth }.`),
});

export const tieringSchema = strictObject({
  mode: caseInsensitiveEnum(["TierAfter", "TierRecommended", "DoNotTier"] as const).describe("TierAfter | TierRecommended | DoNotTier."),
  after: numberField("units").optional().describe(`TierAfter only: move points older than this many units (at least ${TIER_AFTER_MIN_DURATION}).`),
  unit: caseInsensitiveEnum(["Days", "Weeks", "Months", "Years"] as const).optional().describe("TierAfter only: Days | Weeks | Months | Years."),
});

/**
 * The acknowledgement of a retention cut: a reason, so the plan and the history say why points were given
 * up. Read only by the data-safety rules; never sent to Azure.
 */
const retentionReductionReason = z
  .string({ error: "must be the reason for cutting retention, as text (e.g. \"CHG-1234: daily points no longer needed\")" })
  .trim()
  .min(3, { error: "must be the reason for cutting retention, at least 3 characters" });

export const policySchema = strictObject({
  tier: caseInsensitiveEnum(["Standard", "Enhanced"] as const).default("Standard").describe("Standard (API V1) | Enhanced (API V2). Default Standard."),
  schedule: scheduleSchema.describe("When backups run."),
  timeZone: z.string({ error: "must be a Windows time zone ID such as UTC" }).default("UTC").describe("Windows time zone ID (IANA names are converted). Default UTC."),
  instantRestoreDays: numberField("days").optional().describe("Snapshot days: Standard 1-5 (Weekly: 5, default 2), Enhanced 1-30 (default 7; 4-hourly max 17, 6-hourly max 22)."),
  instantRestoreResourceGroup: strictObject({
    prefix: patternString(/^[-\w.()]{1,80}$/, "must be 1-80 letters, digits, -, _, ., ( or )").describe("Resource group name prefix."),
    suffix: patternString(/^[-\w.()]{1,10}$/, "must be 1-10 letters, digits, -, _, ., ( or )").optional().describe("Optional resource group name suffix."),
  }).optional().describe("Name the snapshot resource group <prefix><n><suffix> instead of AzureBackupRG_<geo>_<n>."),
  crashConsistentOnly: flag().default(false).describe("Crash-consistent snapshots only (Enhanced only). Default false."),
  retention: retentionSchema.describe("How long recovery points are kept."),
  scheduleDate: patternString(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'must be a date "YYYY-MM-DD"').optional()
    .describe("Date written in the policy's date-times (Azure reads only the time of day). Default 2024-01-01; `npm run adopt` keeps the date Azure returned."),
  importId: patternString(/^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.RecoveryServices\/vaults\/[^/]+\/backupPolicies\/[^/]+$/i, "must be a backup policy resource ID (<vault ID>/backupPolicies/<name>)").optional()
    .describe("Adopted policy: its ARM ID; imported, not created (written by `npm run adopt`)."),
  tiering: tieringSchema.optional().describe("Archive tiering of monthly/yearly points: { mode: TierAfter, after: >=3, unit } | { mode: TierRecommended } | { mode: DoNotTier }."),
  allowRetentionReduction: retentionReductionReason.optional()
    .describe("A reason that acknowledges cutting this policy's retention below what Azure holds now (Azure prunes existing points to the new retention). Without it such a cut is an error. Remove it after the deployment."),
});

// ---- VM side (snapshot extension, VSS, Linux scripts, lifecycle, tag discovery) ----

export const EXTENSION_MODES = ["auto", "declare"] as const;
export const VSS_MODES = ["Full", "Copy"] as const;
export const PROTECTION_STATES = ["Protected", "Stopped", "Suspended"] as const;
export const WINDOWS_READINESS_MODES = ["check", "prepare"] as const;

/** Absolute script paths without shell metacharacters: the run command checks them in a shell. */
const SCRIPT_PATH_PATTERN = /^\/[A-Za-z0-9._+\/-]+$/;
const scriptPath = patternString(SCRIPT_PATH_PATTERN, "must be an absolute path of letters, digits, ., _, +, - and /, e.g. /opt/backup/pre.sh");
const scriptParams = z.array(z.string({ error: "must be a string" }), { error: "must be a list of strings" });

export const extensionMode = caseInsensitiveEnum(EXTENSION_MODES);
const windowsReadiness = caseInsensitiveEnum(WINDOWS_READINESS_MODES);

/** Linux pre/post scripts (fields of /etc/azure/VMSnapshotScriptPluginConfig.json, azure-backup-service.md: How a VM backup works 4). */
export const scriptsSchema = strictObject({
  preScript: scriptPath.describe("Full path of the pre-script on the VM (root-owned, mode 700)."),
  postScript: scriptPath.describe("Full path of the post-script on the VM (root-owned, mode 700)."),
  preScriptParams: scriptParams.default([]).describe("Parameters passed to the pre-script. Default []."),
  postScriptParams: scriptParams.default([]).describe("Parameters passed to the post-script. Default []."),
  preScriptRetries: intInRange(SCRIPT_RETRIES).default(SCRIPT_RETRIES.default).describe(`Retries of the pre-script, ${SCRIPT_RETRIES.min}-${SCRIPT_RETRIES.max}. Default ${SCRIPT_RETRIES.default}.`),
  postScriptRetries: intInRange(SCRIPT_RETRIES).default(SCRIPT_RETRIES.default).describe(`Retries of the post-script, ${SCRIPT_RETRIES.min}-${SCRIPT_RETRIES.max}. Default ${SCRIPT_RETRIES.default}.`),
  timeoutSeconds: intInRange(SCRIPT_TIMEOUT_SECONDS, "seconds").default(SCRIPT_TIMEOUT_SECONDS.default)
    .describe(`Timeout of each script, ${SCRIPT_TIMEOUT_SECONDS.min}-${SCRIPT_TIMEOUT_SECONDS.max} s. Default ${SCRIPT_TIMEOUT_SECONDS.default}.`),
  continueBackupOnFailure: flag().default(true).describe("Fall back to a file-system/crash-consistent backup when a script fails. Default true."),
  fsFreeze: flag().default(true).describe("Call fsfreeze during the snapshot. Default true (Microsoft recommends it)."),
  pollSeconds: intInRange(SCRIPT_POLL_SECONDS, "seconds").default(SCRIPT_POLL_SECONDS.default)
    .describe(`Seconds between polls of the script execution, ${SCRIPT_POLL_SECONDS.min}-${SCRIPT_POLL_SECONDS.max}. Default ${SCRIPT_POLL_SECONDS.default}.`),
});

/** Estate defaults applied to every VM entry and selector match. */
export const vmDefaultsSchema = strictObject({
  extension: extensionMode.default("auto").describe("auto (default: Azure Backup installs the snapshot extension) | declare."),
  windowsReadiness: windowsReadiness.optional()
    .describe("check | prepare for every Windows VM (Linux VMs are left alone). Default: unset, no readiness run command."),
});

export const selectorSchema = strictObject({
  tags: tagsSchema()
    .refine((t) => Object.keys(t).length > 0, { error: "must name at least one tag" })
    .describe("Tags a VM must carry (all of them) to be protected."),
  resourceGroups: z.array(patternString(RESOURCE_GROUP_NAME_PATTERN, "must be a resource group name"), { error: "must be a list of resource group names" }).min(1, { error: "must list at least one resource group (omit the key to search the whole subscription)" }).optional()
    .describe("Only VMs in these resource groups. Default: the whole subscription."),
  locations: z.array(z.string({ error: "must be an Azure region name, e.g. westeurope" }).min(1), { error: "must be a list of Azure regions" }).min(1, { error: "must list at least one region (omit the key for every region)" }).optional()
    .describe("Only VMs in these regions (e.g. [westeurope]; `West Europe` also matches). Default: every region of the subscription."),
  policy: z.string({ error: (issue) => (issue.input === undefined ? "is required" : `must be a policy name (got ${JSON.stringify(issue.input)})`) }).describe("Policy for the matched VMs."),
  vault: z.string({ error: "must be a vault key of `vaults`" }).optional().describe("With `vaults`: the vault key the matches go to. Default: the vault of each match's region."),
});

export const vmSchema = strictObject({
  id: patternString(VM_ID_PATTERN, "must be a VM resource ID /subscriptions/<subscription GUID>/resourceGroups/<rg>/providers/Microsoft.Compute/virtualMachines/<name>")
    .describe("Azure resource ID of the VM."),
  policy: z.string({ error: (issue) => (issue.input === undefined ? "is required" : `must be a policy name (got ${JSON.stringify(issue.input)})`) }).describe("Name of a policy under `policies`."),
  os: caseInsensitiveEnum(["Windows", "Linux"] as const).optional().describe("Windows | Linux. Optional where the VM can be looked up."),
  disks: strictObject({
    include: z.array(intInRange(DATA_DISK_LUN)).optional().describe(`Back up the OS disk and only these data-disk LUNs (${DATA_DISK_LUN.min}-${DATA_DISK_LUN.max}).`),
    exclude: z.array(intInRange(DATA_DISK_LUN)).optional().describe(`Back up every disk except these data-disk LUNs (${DATA_DISK_LUN.min}-${DATA_DISK_LUN.max}).`),
  }).optional().describe("Data-disk LUNs: { include: [...] } or { exclude: [...] }. The OS disk is always backed up."),
  protection: caseInsensitiveEnum(PROTECTION_STATES).default("Protected")
    .describe("Protected (default) | Stopped (stop backups, keep recovery points) | Suspended (stop backups, keep points under retention; immutable vault only)."),
  extension: extensionMode.optional().describe("Snapshot extension: auto | declare. Default vmDefaults.extension."),
  vss: caseInsensitiveEnum(VSS_MODES).optional().describe("Windows only: Full | Copy (copy-only VSS backups). Unset leaves the VM's setting alone (Azure's default is Full)."),
  scripts: scriptsSchema.optional().describe("Linux only: app-consistent pre/post scripts."),
  windowsReadiness: windowsReadiness.optional()
    .describe("Windows only: check (fail the deployment if VSS is Disabled or the VM agent is missing) | prepare (set VSS to Automatic). Default vmDefaults.windowsReadiness."),
  importId: patternString(/^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.RecoveryServices\/vaults\/[^/]+\/backupFabrics\/Azure\/protectionContainers\/[^/]+\/protectedItems\/[^/]+$/i, "must be a protected item resource ID (<vault ID>/backupFabrics/Azure/protectionContainers/<container>/protectedItems/<item>)").optional()
    .describe("Adopted protection: the protected item's ARM ID; imported, not created (written by `npm run adopt`)."),
  allowRetentionReduction: retentionReductionReason.optional()
    .describe("A reason that acknowledges moving this VM to a policy with shorter retention than its current one (Azure prunes its existing points). Without it such a move is an error. Remove it after the deployment."),
  vault: z.string({ error: "must be a vault key of `vaults`" }).optional().describe("With `vaults`: the key of the vault that protects this VM. Default: the vault in the VM's region."),
  location: z.string({ error: "must be an Azure region, e.g. westeurope" }).min(1).optional().describe("The VM's region. Optional where the VM can be looked up (then it must agree); routes the VM to its region's vault otherwise."),
});

export const PROVIDERS = ["native", "classic"] as const;

/** The project's own keys (`azure-vm-backup:<key>`). */
export const stackSchema = strictObject({
  provider: caseInsensitiveEnum(PROVIDERS).default("native").describe("native (@pulumi/azure-native, default) | classic (@pulumi/azure)."),
  protect: flag().default(true).describe("Protect the vault, its resource group and protected items from deletion (Pulumi `protect`). Default true."),
  // Sections are parsed one by one (see loadConfig) so that a mistake in one never hides the others.
  vault: z.unknown().optional().describe("The Recovery Services vault (this or `vaults` is required)."),
  vaults: z.unknown().optional().describe("Several Recovery Services vaults, by key (instead of `vault`)."),
  policies: z.record(z.string(), z.unknown(), {
    error: (issue) => (issue.input === undefined ? "is required: a mapping of policy name to policy" : "must be a mapping of policy name to policy"),
  }).superRefine(caseInsensitivelyUnique("policy names", "Azure compares names case-insensitively, so both would be one Azure policy")).describe("Map of policy name to backup policy (names unique ignoring case)."),
  vms: z.array(z.unknown(), { error: "must be a list of VMs" }).default([]).describe("VMs to protect, by Azure resource ID."),
  vmDefaults: z.unknown().optional().describe("Estate defaults for every VM entry and selector match (extension, windowsReadiness)."),
  selectors: z.array(z.unknown(), { error: "must be a list of tag selectors" }).default([]).describe("Tag selectors: VMs carrying the tags are protected with the selector's policy."),
});

export type VaultConfig = z.output<typeof vaultSchema>;
export type ScheduleConfig = z.output<typeof scheduleSchema>;
export type RetentionConfig = z.output<typeof retentionSchema>;
export type PolicyConfig = z.output<typeof policySchema>;
export type VmConfig = z.output<typeof vmSchema>;
export type ProviderName = (typeof PROVIDERS)[number];
export type ScriptsConfig = z.output<typeof scriptsSchema>;
export type VmDefaultsConfig = z.output<typeof vmDefaultsSchema>;
export type SelectorConfig = z.output<typeof selectorSchema>;
export type ExtensionMode = (typeof EXTENSION_MODES)[number];
export type VssMode = (typeof VSS_MODES)[number];
export type ProtectionSetting = (typeof PROTECTION_STATES)[number];
export type WindowsReadinessMode = (typeof WINDOWS_READINESS_MODES)[number];
export type OsType = "Windows" | "Linux";
export type DayOfMonth = number | "Last";
export { POLICY_NAME_PATTERN };
