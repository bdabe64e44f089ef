import { describe, expect, it } from "vitest";
import type { PolicyView } from "../../infra/offline/views/estateView";
import { backupWindow, utcOffsetMinutes } from "../../infra/report/backupWindow";

const WINTER = new Date("2026-01-15T12:00:00Z");
const SUMMER = new Date("2026-07-15T12:00:00Z");
const policy = (p: Partial<PolicyView>): PolicyView => ({ name: "p", vaultName: "rsv", tier: "Standard", frequency: "Daily", time: "22:00", weekDays: [], timeZone: "UTC", retention: [], crashConsistentOnly: false, ...p });

describe("utcOffsetMinutes", () => {
  it.each([
    ["UTC", WINTER, 0],
    ["W. Europe Standard Time", WINTER, 60],
    ["W. Europe Standard Time", SUMMER, 120],
    ["Pacific Standard Time", WINTER, -480],
    ["India Standard Time", SUMMER, 330],
  ] as const)("%s on %s is %i minutes from UTC", (zone, date, offset) => expect(utcOffsetMinutes(zone, date)).toBe(offset));
});

describe("backupWindow", () => {
  it("converts a daily 22:00 Berlin policy to 21:00 UTC in winter and 20:00 in summer, with the two-hour start spread", () => {
    const p = policy({ timeZone: "W. Europe Standard Time" });
    expect(backupWindow(p, WINTER)).toMatchObject({ utcStart: "21:00", offsetMinutes: 60, segments: [{ startMinute: 21 * 60, minutes: 120 }] });
    expect(backupWindow(p, SUMMER)).toMatchObject({ utcStart: "20:00", segments: [{ startMinute: 20 * 60, minutes: 120 }] });
  });

  it("splits a window that crosses midnight UTC", () => {
    expect(backupWindow(policy({ time: "23:30" }), WINTER)!.segments).toEqual([
      { startMinute: 23 * 60 + 30, minutes: 30 },
      { startMinute: 0, minutes: 90 },
    ]);
    expect(backupWindow(policy({ time: "01:00", timeZone: "W. Europe Standard Time" }), SUMMER)!.segments).toEqual([
      { startMinute: 23 * 60, minutes: 60 },
      { startMinute: 0, minutes: 60 },
    ]);
  });

  it("spans an hourly policy's whole window", () => {
    const w = backupWindow(policy({ tier: "Enhanced", frequency: "Hourly", time: "06:00", intervalHours: 4, windowHours: 16, timeZone: "Pacific Standard Time" }), WINTER)!;
    expect(w.utcStart).toBe("14:00");
    expect(w.label).toBe("every 4 h for 16 h");
    expect(w.segments).toEqual([{ startMinute: 14 * 60, minutes: 600 }, { startMinute: 0, minutes: 360 }]);
  });
});
