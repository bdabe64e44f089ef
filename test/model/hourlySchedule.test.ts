import { describe, expect, it } from "vitest";
import { policySchema } from "../../infra/config/configSchema";
import { validateInstantRestore, validateSchedule } from "../../infra/model/policyRules";

const hourly = (schedule: Record<string, unknown>) =>
  policySchema.parse({ tier: "Enhanced", schedule: { frequency: "Hourly", time: "06:00", ...schedule }, retention: { daily: 30 } });
const standardDaily = (instantRestoreDays: number) => policySchema.parse({ schedule: { frequency: "Daily", time: "22:00" }, retention: { daily: 30 }, instantRestoreDays });

describe("validateSchedule: Hourly windows", () => {
  it("asks for the interval and the window", () => {
    expect(validateSchedule(hourly({}), "policies.h")).toEqual([
      { path: "policies.h.schedule.intervalHours", message: "is required for Hourly schedules: one of 4, 6, 8, 12" },
      { path: "policies.h.schedule.windowHours", message: "is required for Hourly schedules: 4-24 hours, a multiple of intervalHours" },
    ]);
  });

  it("accepts a window at both bounds and refuses one beyond them or fractional", () => {
    expect(validateSchedule(hourly({ intervalHours: 4, windowHours: 4 }), "p")).toEqual([]);
    expect(validateSchedule(hourly({ intervalHours: 4, windowHours: 24 }), "p")).toEqual([]);
    const outside = (w: number) => [{ path: "p.schedule.windowHours", message: `must be a whole number from 4 to 24 hours (got ${w})` }];
    expect(validateSchedule(hourly({ intervalHours: 4, windowHours: 3 }), "p")).toEqual(outside(3));
    expect(validateSchedule(hourly({ intervalHours: 4, windowHours: 28 }), "p")).toEqual(outside(28));
    expect(validateSchedule(hourly({ intervalHours: 4, windowHours: 4.5 }), "p")).toEqual(outside(4.5));
  });

  it("refuses a window that is not a multiple of the interval", () => {
    expect(validateSchedule(hourly({ intervalHours: 8, windowHours: 12 }), "p")).toEqual([{ path: "p.schedule.windowHours", message: "must be a multiple of intervalHours 8 (got 12)" }]);
    expect(validateSchedule(hourly({ intervalHours: 5, windowHours: 12 }), "p")).toEqual([{ path: "p.schedule.intervalHours", message: "must be one of 4, 6, 8, 12 (got 5)" }, { path: "p.schedule.windowHours", message: "must be a multiple of intervalHours 5 (got 12)" }]);
  });
});

describe("validateInstantRestore: Standard bounds", () => {
  it("accepts 1 to 5 days and refuses beyond", () => {
    expect(validateInstantRestore(standardDaily(1), "p")).toEqual([]);
    expect(validateInstantRestore(standardDaily(5), "p")).toEqual([]);
    expect(validateInstantRestore(standardDaily(0), "p")).toEqual([{ path: "p.instantRestoreDays", message: "must be from 1 to 5 for Standard policies (got 0)" }]);
    expect(validateInstantRestore(standardDaily(6), "p")).toEqual([{ path: "p.instantRestoreDays", message: "must be from 1 to 5 for Standard policies (got 6)" }]);
  });
});
