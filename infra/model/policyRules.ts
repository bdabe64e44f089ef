import type { ConfigIssue } from "../config/configError";
import { joinPath } from "../config/configError";
import type { PolicyConfig, RetentionConfig, VaultConfig } from "../config/configSchema";
import {
  ENHANCED_INSTANT_RESTORE_DAYS,
  ENHANCED_INSTANT_RESTORE_MAX_BY_INTERVAL,
  HOURLY_INTERVALS,
  HOURLY_WINDOW_HOURS,
  STANDARD_INSTANT_RESTORE_DAYS,
  TIER_AFTER_MIN_DURATION,
} from "../azure/azureLimits";

/**
 * Azure's cross-field rules for one VM backup policy (azure-backup-service.md: Policy). Each check returns issues
 * instead of throwing so that every problem of every policy reaches the user at once.
 * `path` is the policy's key path, e.g. `policies.daily-standard`.
 */
export function validatePolicy(policy: PolicyConfig, path: string, vault?: Pick<VaultConfig, "storageRedundancy">): ConfigIssue[] {
  return [
    ...validateSchedule(policy, path),
    ...validateRetentionForSchedule(policy, path),
    ...validateInstantRestore(policy, path),
    ...validateTiering(policy, path, vault),
    ...validateConsistency(policy, path),
  ];
}

export function validateSchedule(policy: PolicyConfig, path: string): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const at = (...s: string[]) => joinPath(path, "schedule", ...s);
  const { schedule, tier } = policy;
  if (schedule.frequency === "Hourly" && tier !== "Enhanced") {
    issues.push({ path: at("frequency"), message: `Hourly needs tier Enhanced (got tier ${tier}); use Daily or Weekly, or set tier: Enhanced` });
  }
  if (schedule.frequency === "Weekly" && !schedule.weekDays) {
    issues.push({ path: at("weekDays"), message: "is required for Weekly schedules: list the days backups run, e.g. [Sunday]" });
  }
  if (schedule.frequency !== "Weekly" && schedule.weekDays) {
    issues.push({ path: at("weekDays"), message: `is only allowed for Weekly schedules (frequency is ${schedule.frequency})` });
  }
  if (schedule.frequency === "Hourly") {
    const interval = schedule.intervalHours;
    if (interval === undefined) {
      issues.push({ path: at("intervalHours"), message: `is required for Hourly schedules: one of ${HOURLY_INTERVALS.join(", ")}` });
    } else if (!(HOURLY_INTERVALS as readonly number[]).includes(interval)) {
      issues.push({ path: at("intervalHours"), message: `must be one of ${HOURLY_INTERVALS.join(", ")} (got ${interval})` });
    }
    const window = schedule.windowHours;
    if (window === undefined) {
      issues.push({ path: at("windowHours"), message: `is required for Hourly schedules: ${HOURLY_WINDOW_HOURS.min}-${HOURLY_WINDOW_HOURS.max} hours, a multiple of intervalHours` });
    } else if (!Number.isInteger(window) || window < HOURLY_WINDOW_HOURS.min || window > HOURLY_WINDOW_HOURS.max) {
      issues.push({ path: at("windowHours"), message: `must be a whole number from ${HOURLY_WINDOW_HOURS.min} to ${HOURLY_WINDOW_HOURS.max} hours (got ${window})` });
    } else if (interval !== undefined && window % interval !== 0) {
      issues.push({ path: at("windowHours"), message: `must be a multiple of intervalHours ${interval} (got ${window})` });
    }
  } else {
    for (const key of ["intervalHours", "windowHours"] as const) {
      if (schedule[key] !== undefined) {
        issues.push({ path: at(key), message: `is only allowed for Hourly schedules (frequency is ${schedule.frequency})` });
      }
    }
  }
  return issues;
}

export function validateRetentionForSchedule(policy: PolicyConfig, path: string): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const { retention, schedule } = policy;
  const at = (...s: Array<string | number>) => joinPath(path, "retention", ...s);
  if (schedule.frequency === "Weekly") {
    if (retention.daily !== undefined) {
      issues.push({ path: at("daily"), message: "is not allowed for Weekly schedules: keep weekly points with retention.weekly" });
    }
    if (!retention.weekly) {
      issues.push({ path: at("weekly"), message: "is required for Weekly schedules: { count: <weeks>, days: [<backup days>] }" });
    }
  } else if (retention.daily === undefined) {
    issues.push({ path: at("daily"), message: `is required for ${schedule.frequency} schedules: days to keep daily points (7-9999)` });
  }

  for (const period of ["monthly", "yearly"] as const) {
    const r = retention[period];
    if (!r) continue;
    const byWeek = r.weeks !== undefined || r.days !== undefined;
    if (byWeek && r.daysOfMonth !== undefined) {
      issues.push({ path: at(period), message: "takes either weeks and days (week-based) or daysOfMonth (day-based), not both" });
    } else if (!byWeek && r.daysOfMonth === undefined) {
      issues.push({ path: at(period), message: "needs weeks and days (e.g. weeks: [First], days: [Sunday]) or daysOfMonth (e.g. [1, Last])" });
    } else if (byWeek) {
      if (r.weeks === undefined) issues.push({ path: at(period, "weeks"), message: "is required with days: First, Second, Third, Fourth or Last" });
      if (r.days === undefined) issues.push({ path: at(period, "days"), message: "is required with weeks: the days of the week to keep" });
    } else if (schedule.frequency === "Weekly") {
      // Azure offers only week-based monthly/yearly retention on weekly schedules.
      issues.push({ path: at(period, "daysOfMonth"), message: "is only allowed for Daily and Hourly schedules; use weeks and days with a Weekly schedule" });
    }
  }

  // A retained point can only be one that was taken: on weekly schedules the retention days must be backup days.
  if (schedule.frequency === "Weekly" && schedule.weekDays) {
    const backupDays = new Set<string>(schedule.weekDays);
    const check = (days: readonly string[] | undefined, ...where: string[]) => {
      const missing = (days ?? []).filter((d) => !backupDays.has(d));
      if (missing.length > 0) {
        issues.push({ path: at(...where), message: `must be backup days (${schedule.weekDays!.join(", ")}); not backed up: ${missing.join(", ")}` });
      }
    };
    check(retention.weekly?.days, "weekly", "days");
    check(retention.monthly?.days, "monthly", "days");
    check(retention.yearly?.days, "yearly", "days");
  }
  return issues;
}

/** The instant-restore days the policy gets, defaulted by tier and frequency. */
export function effectiveInstantRestoreDays(policy: Pick<PolicyConfig, "tier" | "schedule" | "instantRestoreDays">): number {
  if (policy.instantRestoreDays !== undefined) return policy.instantRestoreDays;
  if (policy.tier === "Enhanced") return ENHANCED_INSTANT_RESTORE_DAYS.default;
  return policy.schedule.frequency === "Weekly" ? STANDARD_INSTANT_RESTORE_DAYS.weekly : STANDARD_INSTANT_RESTORE_DAYS.default;
}

/** The days a recovery point is kept at the shortest retention the policy declares. */
function shortestRetentionDays(retention: RetentionConfig): number | undefined {
  if (retention.daily !== undefined) return retention.daily;
  if (retention.weekly) return retention.weekly.count * 7;
  return undefined;
}

export function validateInstantRestore(policy: PolicyConfig, path: string): ConfigIssue[] {
  const at = joinPath(path, "instantRestoreDays");
  const days = policy.instantRestoreDays;
  const issues: ConfigIssue[] = [];
  if (days !== undefined) {
    if (!Number.isInteger(days)) return [{ path: at, message: `must be a whole number (got ${days})` }];
    if (policy.tier === "Standard") {
      const r = STANDARD_INSTANT_RESTORE_DAYS;
      if (policy.schedule.frequency === "Weekly" && days !== r.weekly) {
        issues.push({ path: at, message: `must be ${r.weekly} for Standard Weekly policies (got ${days})` });
      } else if (days < r.min || days > r.max) {
        issues.push({ path: at, message: `must be from ${r.min} to ${r.max} for Standard policies (got ${days})` });
      }
    } else {
      const r = ENHANCED_INSTANT_RESTORE_DAYS;
      const interval = policy.schedule.frequency === "Hourly" ? policy.schedule.intervalHours : undefined;
      const capped = interval !== undefined ? ENHANCED_INSTANT_RESTORE_MAX_BY_INTERVAL[interval] : undefined;
      if (days < r.min || days > r.max) {
        issues.push({ path: at, message: `must be from ${r.min} to ${r.max} for Enhanced policies (got ${days})` });
      } else if (capped !== undefined && days > capped) {
        issues.push({ path: at, message: `must be from ${r.min} to ${capped} for ${interval}-hourly Enhanced policies (got ${days})` });
      }
    }
  }
  const effective = effectiveInstantRestoreDays(policy);
  const kept = shortestRetentionDays(policy.retention);
  if (issues.length === 0 && kept !== undefined && effective > kept) {
    issues.push({ path: at, message: `must not exceed the retention of ${kept} days (got ${effective}${days === undefined ? ", the default" : ""})` });
  }
  return issues;
}

export function validateTiering(policy: PolicyConfig, path: string, vault?: Pick<VaultConfig, "storageRedundancy">): ConfigIssue[] {
  const tiering = policy.tiering;
  if (!tiering) return [];
  const at = (...s: string[]) => joinPath(path, "tiering", ...s);
  const issues: ConfigIssue[] = [];
  if (tiering.mode === "TierAfter") {
    if (tiering.after === undefined) {
      issues.push({ path: at("after"), message: `is required for TierAfter: a whole number of at least ${TIER_AFTER_MIN_DURATION}` });
    } else if (!Number.isInteger(tiering.after) || tiering.after < TIER_AFTER_MIN_DURATION) {
      issues.push({ path: at("after"), message: `must be a whole number of at least ${TIER_AFTER_MIN_DURATION} (got ${tiering.after})` });
    }
    if (tiering.unit === undefined) issues.push({ path: at("unit"), message: "is required for TierAfter: Days, Weeks, Months or Years" });
    else if (tiering.after !== undefined && Number.isInteger(tiering.after)) issues.push(...tierAfterDuration(policy, tiering.after, tiering.unit, at));
  } else {
    for (const key of ["after", "unit"] as const) {
      if (tiering[key] !== undefined) issues.push({ path: at(key), message: `is only allowed with mode TierAfter (mode is ${tiering.mode})` });
    }
  }
  if (tiering.mode !== "DoNotTier" && !policy.retention.monthly && !policy.retention.yearly) {
    issues.push({ path: at("mode"), message: "only monthly and yearly recovery points can move to the archive tier: add retention.monthly or retention.yearly, or use DoNotTier" });
  }
  if (tiering.mode !== "DoNotTier" && vault?.storageRedundancy === "ZoneRedundant") {
    issues.push({ path: at("mode"), message: "archive tiering is not available on ZoneRedundant vaults: use DoNotTier or change vault.storageRedundancy" });
  }
  return issues;
}

const MONTHS_PER_UNIT = { Days: 1 / 30, Weeks: 7 / 30, Months: 1, Years: 12 } as const;
/** Azure: "TierAfterDuration needs to be >= 3 months, at least one of monthly or yearly retention should be >= (TierAfterDuration + 6) months". */
const TIER_AFTER_MIN_MONTHS = 3;
const ARCHIVE_MIN_MONTHS = 6;

function tierAfterDuration(policy: PolicyConfig, after: number, unit: keyof typeof MONTHS_PER_UNIT, at: (...s: string[]) => string): ConfigIssue[] {
  const months = after * MONTHS_PER_UNIT[unit];
  const issues: ConfigIssue[] = [];
  if (months < TIER_AFTER_MIN_MONTHS - 1e-9) {
    issues.push({ path: at("after"), message: `must be at least ${TIER_AFTER_MIN_MONTHS} months (90 days, 13 weeks) in all: Azure refuses an earlier move to archive (got ${after} ${unit})` });
  }
  const longest = Math.max(policy.retention.monthly?.count ?? 0, (policy.retention.yearly?.count ?? 0) * 12);
  if (longest > 0 && longest + 1e-9 < months + ARCHIVE_MIN_MONTHS) {
    issues.push({
      path: at("after"),
      message: `${after} ${unit} plus ${ARCHIVE_MIN_MONTHS} months is longer than the longest monthly or yearly retention (${longest} months): Azure needs one of them to be at least tier-after + ${ARCHIVE_MIN_MONTHS} months`,
    });
  }
  return issues;
}

export function validateConsistency(policy: PolicyConfig, path: string): ConfigIssue[] {
  if (policy.crashConsistentOnly && policy.tier !== "Enhanced") {
    return [{ path: joinPath(path, "crashConsistentOnly"), message: "needs tier Enhanced (Standard policies always take app- or file-system-consistent snapshots)" }];
  }
  return [];
}
