import type { DayOfWeek, PolicyConfig, ScheduleConfig } from "../config/configSchema";
import { SCHEDULE_REFERENCE_DATE } from "../azure/azureLimits";

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

/**
 * The full date-time Azure wants for a `HH:MM` time: a fixed date and seconds 0, so the same
 * configuration always produces the same inputs (no perpetual diff on time strings).
 */
export function toScheduleDateTime(time: string, date: string = SCHEDULE_REFERENCE_DATE): string {
  return `${date}T${time}:00Z`;
}

/** Maps a validated schedule to the API's V1 or V2 schedule object. */
export function toSchedulePolicy(policy: Pick<PolicyConfig, "tier" | "schedule" | "scheduleDate">): SimpleSchedulePolicy | SimpleSchedulePolicyV2 {
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
      return {
        schedulePolicyType: "SimpleSchedulePolicyV2",
        scheduleRunFrequency: "Weekly",
        weeklySchedule: { scheduleRunDays: s.weekDays ?? [], scheduleRunTimes: runTimes },
      };
    default:
      return exhaustive(s.frequency);
  }
}

export function exhaustive(value: never): never {
  throw new Error(`unhandled case ${JSON.stringify(value)}`);
}
