import type { ConfigIssue } from "../config/configError";
import { joinPath } from "../config/configError";
import type { DayOfMonth, DayOfWeek, Month, PolicyConfig, ScheduleConfig, WeekOfMonth } from "../config/configSchema";
import { SCHEDULE_REFERENCE_DATE } from "../azure/azureLimits";
import { effectiveInstantRestoreDays } from "../model/policyRules";
import { isObj, timeOfDay, withoutUndefined, type Obj, type PolicyReadBack } from "./readBack";

/**
 * The azure-native adapter's policy half: a validated policy to the `AzureIaaSVMProtectionPolicy`
 * body of a `recoveryservices.ProtectionPolicy`, and any such body back to the configuration.
 */

/** V1 (Standard) schedule: one run a day or on chosen week days. */
export interface SimpleSchedulePolicy {
  readonly schedulePolicyType: "SimpleSchedulePolicy";
  readonly scheduleRunFrequency: "Daily" | "Weekly";
  readonly scheduleRunTimes: string[];
  readonly scheduleRunDays?: DayOfWeek[];
}

/** V2 (Enhanced) schedule: exactly one of hourly, daily or weekly. */
export type SimpleSchedulePolicyV2 = {
  readonly schedulePolicyType: "SimpleSchedulePolicyV2";
} & (
  | { readonly scheduleRunFrequency: "Hourly"; readonly hourlySchedule: { readonly interval: number; readonly scheduleWindowStartTime: string; readonly scheduleWindowDuration: number } }
  | { readonly scheduleRunFrequency: "Daily"; readonly dailySchedule: { readonly scheduleRunTimes: string[] } }
  | { readonly scheduleRunFrequency: "Weekly"; readonly weeklySchedule: { readonly scheduleRunDays: DayOfWeek[]; readonly scheduleRunTimes: string[] } }
);

type Duration<T extends string> = { readonly count: number; readonly durationType: T };
interface WeeklyFormat {
  readonly retentionScheduleFormatType: "Weekly";
  readonly retentionScheduleWeekly: { readonly daysOfTheWeek: DayOfWeek[]; readonly weeksOfTheMonth: WeekOfMonth[] };
}
interface DailyFormat {
  readonly retentionScheduleFormatType: "Daily";
  readonly retentionScheduleDaily: { readonly daysOfTheMonth: Array<{ readonly date: number; readonly isLast: boolean }> };
}

/** `LongTermRetentionPolicy` as the API takes it. */
export interface LongTermRetentionPolicy {
  readonly retentionPolicyType: "LongTermRetentionPolicy";
  readonly dailySchedule?: { readonly retentionTimes: string[]; readonly retentionDuration: Duration<"Days"> };
  readonly weeklySchedule?: { readonly daysOfTheWeek: DayOfWeek[]; readonly retentionTimes: string[]; readonly retentionDuration: Duration<"Weeks"> };
  readonly monthlySchedule?: (WeeklyFormat | DailyFormat) & { readonly retentionTimes: string[]; readonly retentionDuration: Duration<"Months"> };
  readonly yearlySchedule?: (WeeklyFormat | DailyFormat) & { readonly monthsOfYear: Month[]; readonly retentionTimes: string[]; readonly retentionDuration: Duration<"Years"> };
}

/** `AzureIaaSVMProtectionPolicy` as the API takes it. */
export interface VmPolicyProperties {
  readonly backupManagementType: "AzureIaasVM";
  readonly policyType: "V1" | "V2";
  readonly schedulePolicy: SimpleSchedulePolicy | SimpleSchedulePolicyV2;
  readonly retentionPolicy: LongTermRetentionPolicy;
  readonly instantRpRetentionRangeInDays: number;
  readonly instantRPDetails?: { readonly azureBackupRGNamePrefix: string; readonly azureBackupRGNameSuffix?: string };
  readonly timeZone: string;
  readonly tieringPolicy?: { readonly ArchivedRP: { readonly tieringMode: string; readonly duration?: number; readonly durationType?: string } };
  readonly snapshotConsistencyType?: "OnlyCrashConsistent";
}

// ---------------------------------------------------------------- configuration -> inputs

/**
 * The full date-time Azure wants for a `HH:MM` time: a fixed date and seconds 0, so the same
 * configuration always produces the same inputs (no perpetual diff on time strings).
 */
export function toScheduleDateTime(time: string, date: string = SCHEDULE_REFERENCE_DATE): string {
  return `${date}T${time}:00Z`;
}

function exhaustive(value: never): never {
  throw new Error(`unhandled case ${JSON.stringify(value)}`);
}

/** A validated schedule as the API's V1 or V2 schedule object. */
function toSchedulePolicy(policy: Pick<PolicyConfig, "tier" | "schedule" | "scheduleDate">): SimpleSchedulePolicy | SimpleSchedulePolicyV2 {
  const s: ScheduleConfig = policy.schedule;
  const runTimes = [toScheduleDateTime(s.time, policy.scheduleDate)];
  if (policy.tier === "Standard") {
    switch (s.frequency) {
      case "Daily":
        return { schedulePolicyType: "SimpleSchedulePolicy", scheduleRunFrequency: "Daily", scheduleRunTimes: runTimes };
      case "Weekly":
        return { schedulePolicyType: "SimpleSchedulePolicy", scheduleRunFrequency: "Weekly", scheduleRunTimes: runTimes, scheduleRunDays: s.weekDays ?? [] };
      case "Hourly":
        throw new Error("Hourly schedules need an Enhanced policy; validatePolicy rejects this before rendering");
      default:
        return exhaustive(s.frequency);
    }
  }
  switch (s.frequency) {
    case "Hourly":
      return {
        schedulePolicyType: "SimpleSchedulePolicyV2",
        scheduleRunFrequency: "Hourly",
        hourlySchedule: { interval: s.intervalHours!, scheduleWindowStartTime: runTimes[0]!, scheduleWindowDuration: s.windowHours! },
      };
    case "Daily":
      return { schedulePolicyType: "SimpleSchedulePolicyV2", scheduleRunFrequency: "Daily", dailySchedule: { scheduleRunTimes: runTimes } };
    case "Weekly":
      return { schedulePolicyType: "SimpleSchedulePolicyV2", scheduleRunFrequency: "Weekly", weeklySchedule: { scheduleRunDays: s.weekDays ?? [], scheduleRunTimes: runTimes } };
    default:
      return exhaustive(s.frequency);
  }
}

/** `Last` is written as `{date: 0, isLast: true}`, other days as `{date: n, isLast: false}`. */
export function toDayOfMonth(day: DayOfMonth): { date: number; isLast: boolean } {
  return day === "Last" ? { date: 0, isLast: true } : { date: day, isLast: false };
}

function toFormat(r: { weeks?: WeekOfMonth[]; days?: DayOfWeek[]; daysOfMonth?: DayOfMonth[] }): WeeklyFormat | DailyFormat {
  if (r.daysOfMonth) return { retentionScheduleFormatType: "Daily", retentionScheduleDaily: { daysOfTheMonth: r.daysOfMonth.map(toDayOfMonth) } };
  return { retentionScheduleFormatType: "Weekly", retentionScheduleWeekly: { daysOfTheWeek: r.days ?? [], weeksOfTheMonth: r.weeks ?? [] } };
}

/**
 * Validated retention in the API shape. Every `retentionTimes` equals the schedule time (the window
 * start for hourly policies): Azure rejects any other value with `BMSUserErrorInvalidPolicyInput`.
 */
function toRetentionPolicy(policy: Pick<PolicyConfig, "retention" | "schedule" | "scheduleDate">): LongTermRetentionPolicy {
  const times = [toScheduleDateTime(policy.schedule.time, policy.scheduleDate)];
  const r = policy.retention;
  return {
    retentionPolicyType: "LongTermRetentionPolicy",
    ...(r.daily !== undefined && { dailySchedule: { retentionTimes: times, retentionDuration: { count: r.daily, durationType: "Days" } } }),
    ...(r.weekly && { weeklySchedule: { daysOfTheWeek: r.weekly.days, retentionTimes: times, retentionDuration: { count: r.weekly.count, durationType: "Weeks" } } }),
    ...(r.monthly && { monthlySchedule: { ...toFormat(r.monthly), retentionTimes: times, retentionDuration: { count: r.monthly.count, durationType: "Months" } } }),
    ...(r.yearly && {
      yearlySchedule: { ...toFormat(r.yearly), monthsOfYear: r.yearly.months, retentionTimes: times, retentionDuration: { count: r.yearly.count, durationType: "Years" } },
    }),
  };
}

/** A validated policy as the `properties` of an azure-native ProtectionPolicy. */
export function nativePolicyProperties(policy: PolicyConfig): VmPolicyProperties {
  const rg = policy.instantRestoreResourceGroup;
  return {
    backupManagementType: "AzureIaasVM",
    policyType: policy.tier === "Enhanced" ? "V2" : "V1",
    schedulePolicy: toSchedulePolicy(policy),
    retentionPolicy: toRetentionPolicy(policy),
    instantRpRetentionRangeInDays: effectiveInstantRestoreDays(policy),
    // Left out rather than `{}` when unset: the service returns no object and `{}` would diff forever.
    ...(rg && { instantRPDetails: { azureBackupRGNamePrefix: rg.prefix, ...(rg.suffix && { azureBackupRGNameSuffix: rg.suffix }) } }),
    timeZone: policy.timeZone,
    ...(policy.tiering && {
      tieringPolicy: {
        ArchivedRP: { tieringMode: policy.tiering.mode, ...(policy.tiering.mode === "TierAfter" && { duration: policy.tiering.after, durationType: policy.tiering.unit }) },
      },
    }),
    ...(policy.crashConsistentOnly && { snapshotConsistencyType: "OnlyCrashConsistent" as const }),
  };
}

// ---------------------------------------------------------------- inputs -> configuration

/** The one run time of a schedule; the configuration (and Azure for VMs) allow exactly one. */
function singleRunTime(times: unknown, path: string, issues: ConfigIssue[]): unknown {
  if (!Array.isArray(times) || times.length === 0) {
    issues.push({ path, message: "must list exactly one run time (got none)" });
    return undefined;
  }
  if (times.length > 1) issues.push({ path, message: `must list exactly one run time: Azure VM backup runs once a day (got ${times.length})` });
  return timeOfDay(times[0]);
}

function readSchedule(s: Obj, path: string, issues: ConfigIssue[]): Obj {
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
  return withoutUndefined({ frequency: s.scheduleRunFrequency, time: singleRunTime(s.scheduleRunTimes, at("scheduleRunTimes"), issues), weekDays: s.scheduleRunDays });
}

function readPoints(r: Obj): Obj {
  if (r.retentionScheduleFormatType === "Daily") {
    const days = (r.retentionScheduleDaily?.daysOfTheMonth ?? []) as Obj[];
    return { daysOfMonth: days.map((d) => (d.isLast ? "Last" : d.date)) };
  }
  const w: Obj = r.retentionScheduleWeekly ?? {};
  return withoutUndefined({ weeks: w.weeksOfTheMonth, days: w.daysOfTheWeek });
}

function readRetention(r: Obj, runTime: unknown, path: string, issues: ConfigIssue[]): Obj {
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
    out.monthly = { count: r.monthlySchedule.retentionDuration?.count, ...readPoints(r.monthlySchedule) };
  }
  if (isObj(r.yearlySchedule)) {
    checkTimes(r.yearlySchedule, "yearlySchedule");
    out.yearly = { count: r.yearlySchedule.retentionDuration?.count, months: r.yearlySchedule.monthsOfYear, ...readPoints(r.yearlySchedule) };
  }
  return out;
}

/** The date of the schedule's first date-time, when it is not the one the configuration writes by default. */
function scheduleDateOf(s: Obj): string | undefined {
  const first = [s.scheduleRunTimes?.[0], s.hourlySchedule?.scheduleWindowStartTime, s.dailySchedule?.scheduleRunTimes?.[0], s.weeklySchedule?.scheduleRunTimes?.[0]].find(
    (t): t is string => typeof t === "string",
  );
  const date = first && /^(\d{4}-\d{2}-\d{2})T/.exec(first)?.[1];
  return date && date !== SCHEDULE_REFERENCE_DATE ? date : undefined;
}

/** True when an azure-native ProtectionPolicy's `properties` describe an Azure VM policy. */
export function isVmPolicyProperties(properties: unknown): properties is Obj {
  return isObj(properties) && properties.backupManagementType === "AzureIaasVM";
}

/** The `properties` of an azure-native ProtectionPolicy (`AzureIaaSVMProtectionPolicy`) as raw policy configuration. */
export function policyFromNative(properties: Obj, path: string): PolicyReadBack {
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
  const schedule = readSchedule(s, path, issues);
  const rg: Obj | undefined = properties.instantRPDetails;
  const tiering: Obj | undefined = properties.tieringPolicy?.ArchivedRP;
  const raw = withoutUndefined({
    tier,
    schedule,
    timeZone: properties.timeZone ?? "UTC",
    instantRestoreDays: properties.instantRpRetentionRangeInDays,
    instantRestoreResourceGroup: rg?.azureBackupRGNamePrefix ? withoutUndefined({ prefix: rg.azureBackupRGNamePrefix, suffix: rg.azureBackupRGNameSuffix }) : undefined,
    crashConsistentOnly: properties.snapshotConsistencyType === "OnlyCrashConsistent" ? true : undefined,
    retention: readRetention(isObj(properties.retentionPolicy) ? properties.retentionPolicy : {}, schedule.time, path, issues),
    tiering: tiering ? withoutUndefined({ mode: tiering.tieringMode, after: tiering.duration, unit: tiering.durationType }) : undefined,
    scheduleDate: scheduleDateOf(s),
  });
  return { raw, issues };
}
