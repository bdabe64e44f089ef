import { findIana } from "windows-iana";
import type { PolicyView } from "../offline/views/estateView";

/** Azure starts a scheduled VM backup within about two hours of the scheduled time (azure-backup-service.md: How a VM backup works). */
export const SCHEDULED_START_SPREAD_MINUTES = 120;

/** One bar of the 24-hour timeline, in UTC minutes from midnight; never crosses midnight. */
export interface WindowSegment {
  readonly startMinute: number;
  readonly minutes: number;
}

export interface BackupWindow {
  readonly policy: string;
  /** The policy's start time in UTC, `HH:MM`. */
  readonly utcStart: string;
  /** Minutes the policy's own zone is ahead of UTC on the reference date. */
  readonly offsetMinutes: number;
  readonly segments: readonly WindowSegment[];
  readonly label: string;
}

/** Minutes `windowsZone` is ahead of UTC on `date` (DST included), via the CLDR mapping windows-iana ships. */
export function utcOffsetMinutes(windowsZone: string, date: Date): number {
  const iana = findIana(windowsZone as Parameters<typeof findIana>[0])?.[0] ?? "UTC";
  const parts = new Intl.DateTimeFormat("en-US", { timeZone: iana, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" })
    .formatToParts(date)
    .reduce<Record<string, number>>((acc, p) => (p.type === "literal" ? acc : { ...acc, [p.type]: Number(p.value) }), {});
  const asUtc = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!);
  return Math.round((asUtc - Math.floor(date.getTime() / 60_000) * 60_000) / 60_000);
}

const DAY = 24 * 60;
const hhmm = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;

function split(start: number, minutes: number): WindowSegment[] {
  const s = ((start % DAY) + DAY) % DAY;
  if (s + minutes <= DAY) return [{ startMinute: s, minutes }];
  return [{ startMinute: s, minutes: DAY - s }, { startMinute: 0, minutes: s + minutes - DAY }];
}

/**
 * When a policy's backups run, in UTC: scheduled policies start within the two-hour spread after
 * their time; hourly policies run through their window. Converted from the policy's time zone.
 */
export function backupWindow(policy: PolicyView, referenceDate: Date): BackupWindow | undefined {
  const m = /^(\d\d):(\d\d)$/.exec(policy.time);
  if (!m) return undefined;
  const offset = utcOffsetMinutes(policy.timeZone, referenceDate);
  const start = Number(m[1]) * 60 + Number(m[2]) - offset;
  const hourly = policy.frequency === "Hourly" && policy.windowHours !== undefined;
  const minutes = hourly ? Math.min(policy.windowHours! * 60, DAY) : SCHEDULED_START_SPREAD_MINUTES;
  const utcStart = hhmm(((start % DAY) + DAY) % DAY);
  const label = hourly ? `every ${policy.intervalHours} h for ${policy.windowHours} h` : policy.frequency === "Weekly" ? `${policy.weekDays.join("/")} start spread` : "daily start spread";
  return { policy: policy.name, utcStart, offsetMinutes: offset, segments: split(start, minutes), label };
}

export { hhmm as minuteToTime };
