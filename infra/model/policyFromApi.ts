import type { ConfigIssue } from "../config/configError";
import { joinPath } from "../config/configError";

/**
 * Maps a VM backup policy as some program declared it (the raw inputs of an azure-native
 * `ProtectionPolicy` or a classic `backup/policyVM:PolicyVM`) back to this project's configuration
 * vocabulary, so that `parsePolicyConfig` (schema + Azure's cross-field rules) checks a hand-written
 * policy from any stack with exactly the code that checks our own configuration.
 *
 * The result is *raw* config (not yet validated): values are copied as found, so a bad value
 * reaches the schema and is reported with the allowed ones. Shapes the config cannot express
 * (several run times, retention times that differ from the schedule time) are reported here.
 */
export interface PolicyFromApi {
  /** Raw policy configuration, ready for `parsePolicyConfig`. */
  readonly raw: Record<string, unknown>;
  /** Problems only visible in the API shape. */
  readonly issues: ConfigIssue[];
}

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

/** `2024-01-01T22:00:00Z` -> `22:00`; a time with seconds keeps them so the schema rejects it. */
export function timeOfDay(dateTime: unknown): unknown {
  if (typeof dateTime !== "string") return dateTime;
  const m = /T(\d\d):(\d\d)(?::(\d\d)(?:\.\d+)?)?/.exec(dateTime);
  if (!m) return dateTime;
  return m[3] && m[3] !== "00" ? `${m[1]}:${m[2]}:${m[3]}` : `${m[1]}:${m[2]}`;
}

function withoutUndefined(obj: Obj): Obj {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined));
}

/** The one run time of a schedule; the config model (and Azure for VMs) allow exactly one. */
function singleRunTime(times: unknown, path: string, issues: ConfigIssue[]): unknown {
  if (!Array.isArray(times) || times.length === 0) {
    issues.push({ path, message: "must list exactly one run time (got none)" });
    return undefined;
  }
  if (times.length > 1) issues.push({ path, message: `must list exactly one run time: Azure VM backup runs once a day (got ${times.length})` });
  return timeOfDay(times[0]);
}

function nativeSchedule(s: Obj, path: string, issues: ConfigIssue[]): Obj {
  const at = (...p: string[]) => joinPath(path, "schedulePolicy", ...p);
  if (s.schedulePolicyType === "SimpleSchedulePolicyV2") {
    if (isObj(s.hourlySchedule)) {
      const h = s.hourlySchedule;
      return withoutUndefined({ frequency: s.scheduleRunFrequency ?? "Hourly", time: timeOfDay(h.scheduleWindowStartTime), intervalHours: h.interval, windowHours: h.scheduleWindowDuration });
    }
    if (isObj(s.weeklySchedule)) {
      const w = s.weeklySchedule;
      return withoutUndefined({ frequency: s.scheduleRunFrequency ?? "Weekly", time: singleRunTime(w.scheduleRunTimes, at("weeklySchedule", "scheduleRunTimes"), issues), weekDays: w.scheduleRunDays });
    }
    const d: Obj = isObj(s.dailySchedule) ? s.dailySchedule : {};
    return withoutUndefined({ frequency: s.scheduleRunFrequency ?? "Daily", time: singleRunTime(d.scheduleRunTimes, at("dailySchedule", "scheduleRunTimes"), issues) });
  }
  return withoutUndefined({
    frequency: s.scheduleRunFrequency,
    time: singleRunTime(s.scheduleRunTimes, at("scheduleRunTimes"), issues),
    weekDays: s.scheduleRunDays,
  });
}

function nativeMonthlyYearly(r: Obj): Obj {
  if (r.retentionScheduleFormatType === "Daily") {
    const days = (r.retentionScheduleDaily?.daysOfTheMonth ?? []) as Obj[];
    return { daysOfMonth: days.map((d) => (d.isLast ? "Last" : d.date)) };
  }
  const w: Obj = r.retentionScheduleWeekly ?? {};
  return withoutUndefined({ weeks: w.weeksOfTheMonth, days: w.daysOfTheWeek });
}

function nativeRetention(r: Obj, runTime: unknown, path: string, issues: ConfigIssue[]): Obj {
  const out: Obj = {};
  const checkTimes = (schedule: Obj, key: string) => {
    const times = schedule.retentionTimes;
    if (!Array.isArray(times)) return;
    const bad = times.map(timeOfDay).filter((t) => t !== runTime);
    if (bad.length > 0) {
      issues.push({ path: joinPath(path, "retentionPolicy", key, "retentionTimes"), message: `must equal the schedule time ${String(runTime)} (got ${bad.join(", ")}); Azure rejects any other time with BMSUserErrorInvalidPolicyInput` });
    }
  };
  if (isObj(r.dailySchedule)) {
    checkTimes(r.dailySchedule, "dailySchedule");
    out.daily = r.dailySchedule.retentionDuration?.count;
  }
  if (isObj(r.weeklySchedule)) {
    checkTimes(r.weeklySchedule, "weeklySchedule");
    out.weekly = withoutUndefined({ count: r.weeklySchedule.retentionDuration?.count, days: r.weeklySchedule.daysOfTheWeek });
  }
  if (isObj(r.monthlySchedule)) {
    checkTimes(r.monthlySchedule, "monthlySchedule");
    out.monthly = { count: r.monthlySchedule.retentionDuration?.count, ...nativeMonthlyYearly(r.monthlySchedule) };
  }
  if (isObj(r.yearlySchedule)) {
    checkTimes(r.yearlySchedule, "yearlySchedule");
    out.yearly = { count: r.yearlySchedule.retentionDuration?.count, months: r.yearlySchedule.monthsOfYear, ...nativeMonthlyYearly(r.yearlySchedule) };
  }
  return out;
}

/** True when an azure-native ProtectionPolicy's `properties` describe an Azure VM policy. */
export function isVmPolicyProperties(properties: unknown): properties is Obj {
  return isObj(properties) && properties.backupManagementType === "AzureIaasVM";
}

/** Maps `AzureIaaSVMProtectionPolicy` (azure-native `properties`) to raw policy config. */
export function policyFromNative(properties: Obj, path: string): PolicyFromApi {
  const issues: ConfigIssue[] = [];
  const s: Obj = isObj(properties.schedulePolicy) ? properties.schedulePolicy : {};
  const v2Schedule = s.schedulePolicyType === "SimpleSchedulePolicyV2";
  const tier = properties.policyType === "V2" ? "Enhanced" : "Standard";
  if (v2Schedule !== (tier === "Enhanced")) {
    issues.push({
      path: joinPath(path, "policyType"),
      message: `must be V2 with SimpleSchedulePolicyV2 and V1 (or unset) with SimpleSchedulePolicy (got policyType ${String(properties.policyType ?? "unset")} with ${String(s.schedulePolicyType)})`,
    });
  }
  const schedule = nativeSchedule(s, path, issues);
  const rg: Obj | undefined = properties.instantRPDetails;
  const tiering: Obj | undefined = properties.tieringPolicy?.ArchivedRP;
  const raw = withoutUndefined({
    tier,
    schedule,
    timeZone: properties.timeZone ?? "UTC",
    instantRestoreDays: properties.instantRpRetentionRangeInDays,
    instantRestoreResourceGroup: rg?.azureBackupRGNamePrefix ? withoutUndefined({ prefix: rg.azureBackupRGNamePrefix, suffix: rg.azureBackupRGNameSuffix }) : undefined,
    crashConsistentOnly: properties.snapshotConsistencyType === "OnlyCrashConsistent" ? true : undefined,
    retention: nativeRetention(isObj(properties.retentionPolicy) ? properties.retentionPolicy : {}, schedule.time, path, issues),
    tiering: tiering ? withoutUndefined({ mode: tiering.tieringMode, after: tiering.duration, unit: tiering.durationType }) : undefined,
  });
  return { raw, issues };
}

function classicMonthlyYearly(r: Obj): Obj {
  const dates: unknown[] = Array.isArray(r.days) ? [...r.days] : [];
  if (r.includeLastDays === true) dates.push("Last");
  if (dates.length > 0) return { daysOfMonth: dates };
  return withoutUndefined({ weeks: r.weeks, days: r.weekdays });
}

/** Maps classic `azure:backup/policyVM:PolicyVM` inputs to raw policy config. */
export function policyFromClassic(inputs: Obj): PolicyFromApi {
  const b: Obj = isObj(inputs.backup) ? inputs.backup : {};
  const retention: Obj = {};
  if (isObj(inputs.retentionDaily)) retention.daily = inputs.retentionDaily.count;
  if (isObj(inputs.retentionWeekly)) retention.weekly = withoutUndefined({ count: inputs.retentionWeekly.count, days: inputs.retentionWeekly.weekdays });
  if (isObj(inputs.retentionMonthly)) retention.monthly = { count: inputs.retentionMonthly.count, ...classicMonthlyYearly(inputs.retentionMonthly) };
  if (isObj(inputs.retentionYearly)) retention.yearly = { count: inputs.retentionYearly.count, months: inputs.retentionYearly.months, ...classicMonthlyYearly(inputs.retentionYearly) };
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
