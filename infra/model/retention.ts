import type { DayOfMonth, DayOfWeek, Month, PolicyConfig, WeekOfMonth } from "../config/configSchema";
import { toScheduleDateTime } from "./schedule";

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
  readonly yearlySchedule?: (WeeklyFormat | DailyFormat) & {
    readonly monthsOfYear: Month[];
    readonly retentionTimes: string[];
    readonly retentionDuration: Duration<"Years">;
  };
}

/** `Last` is written as `{date: 0, isLast: true}`, other days as `{date: n, isLast: false}`. */
export function toDayOfMonth(day: DayOfMonth): { date: number; isLast: boolean } {
  return day === "Last" ? { date: 0, isLast: true } : { date: day, isLast: false };
}

function toFormat(r: { weeks?: WeekOfMonth[]; days?: DayOfWeek[]; daysOfMonth?: DayOfMonth[] }): WeeklyFormat | DailyFormat {
  if (r.daysOfMonth) {
    return { retentionScheduleFormatType: "Daily", retentionScheduleDaily: { daysOfTheMonth: r.daysOfMonth.map(toDayOfMonth) } };
  }
  return { retentionScheduleFormatType: "Weekly", retentionScheduleWeekly: { daysOfTheWeek: r.days ?? [], weeksOfTheMonth: r.weeks ?? [] } };
}

/**
 * Maps validated retention to the API shape. Every `retentionTimes` equals the schedule time
 * (the window start for hourly policies): Azure rejects any other value with `BMSUserErrorInvalidPolicyInput`.
 */
export function toRetentionPolicy(policy: Pick<PolicyConfig, "retention" | "schedule" | "scheduleDate">): LongTermRetentionPolicy {
  const times = [toScheduleDateTime(policy.schedule.time, policy.scheduleDate)];
  const r = policy.retention;
  return {
    retentionPolicyType: "LongTermRetentionPolicy",
    ...(r.daily !== undefined && { dailySchedule: { retentionTimes: times, retentionDuration: { count: r.daily, durationType: "Days" } } }),
    ...(r.weekly && {
      weeklySchedule: { daysOfTheWeek: r.weekly.days, retentionTimes: times, retentionDuration: { count: r.weekly.count, durationType: "Weeks" } },
    }),
    ...(r.monthly && {
      monthlySchedule: { ...toFormat(r.monthly), retentionTimes: times, retentionDuration: { count: r.monthly.count, durationType: "Months" } },
    }),
    ...(r.yearly && {
      yearlySchedule: {
        ...toFormat(r.yearly),
        monthsOfYear: r.yearly.months,
        retentionTimes: times,
        retentionDuration: { count: r.yearly.count, durationType: "Years" },
      },
    }),
  };
}
