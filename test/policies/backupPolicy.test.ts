import { describe, expect, it } from "vitest";
import { configureMinimumRetention } from "../../policies/backupPolicy/configureMinimumRetention";
import { configureTimeZone } from "../../policies/backupPolicy/configureTimeZone";
import { enforceServiceRules } from "../../policies/backupPolicy/enforceServiceRules";
import { CLASSIC, DAILY_POLICY, HOURLY_POLICY, NATIVE, classicPolicyProps, nativePolicyProps, resource } from "../fixtures/reviewFixtures";
import { evaluate, messages } from "./evaluate";

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const native = (name: string, raw: unknown = DAILY_POLICY) => resource(NATIVE.policy, nativePolicyProps(name, raw));
/** A native policy whose API body a hand-written program changed. */
function nativeWith(name: string, mutate: (p: Obj) => void, raw: unknown = DAILY_POLICY) {
  const props = structuredClone(nativePolicyProps(name, raw)) as Obj;
  mutate(props.properties);
  return resource(NATIVE.policy, props);
}
const classic = (overrides: Obj = {}) => resource(CLASSIC.policy, classicPolicyProps(overrides));

describe("recoveryservices-backuppolicy-enforce-service-rules", () => {
  it("passes the project's rendered policies and a valid classic policy", async () => {
    expect(await messages(enforceServiceRules, [native("daily-standard"), native("hourly-enhanced", HOURLY_POLICY), classic()])).toEqual([]);
  });

  it("checks a hand-written native policy with the configuration's own rules: 3-day retention and hourly on V1", async () => {
    const short = nativeWith("short", (p) => (p.retentionPolicy.dailySchedule.retentionDuration.count = 3));
    const hourlyV1 = nativeWith("hourly-v1", (p) => (p.policyType = "V1"), HOURLY_POLICY);
    expect(await messages(enforceServiceRules, [short, hourlyV1])).toEqual([
      "mandatory hourly-v1: hourly-v1.instantRestoreDays: must be from 1 to 5 for Standard policies (got 7)",
      "mandatory hourly-v1: hourly-v1.policyType: must be V2 with SimpleSchedulePolicyV2 and V1 (or unset) with SimpleSchedulePolicy (got policyType V1 with SimpleSchedulePolicyV2)",
      "mandatory hourly-v1: hourly-v1.schedule.frequency: Hourly needs tier Enhanced (got tier Standard); use Daily or Weekly, or set tier: Enhanced",
      "mandatory short: short.retention.daily: must be a whole number from 7 to 9999 days (got 3)",
    ]);
  });

  it("checks classic policies the same way: bad hour interval, instant restore above the V1 maximum", async () => {
    const bad = classic({ policyType: "V2", backup: { frequency: "Hourly", time: "06:00", hourInterval: 5, hourDuration: 12 }, instantRestoreRetentionDays: 7, retentionMonthly: undefined, retentionYearly: undefined });
    const tooManySnapshots = classic({ name: "snapshots", instantRestoreRetentionDays: 6 });
    expect(await messages(enforceServiceRules, [bad, tooManySnapshots])).toEqual([
      "mandatory daily-classic: daily-classic.schedule.intervalHours: must be one of 4, 6, 8, 12 (got 5)",
      "mandatory daily-classic: daily-classic.schedule.windowHours: must be a multiple of intervalHours 5 (got 12)",
      "mandatory snapshots: snapshots.instantRestoreDays: must be from 1 to 5 for Standard policies (got 6)",
    ]);
  });

  it("is not applicable to protection policies of other workloads", async () => {
    const sql = resource(NATIVE.policy, { policyName: "sql", vaultName: "v", resourceGroupName: "rg", properties: { backupManagementType: "AzureWorkload", workLoadType: "SQLDataBase" } });
    const result = await evaluate(enforceServiceRules, [sql]);
    expect(result.violations).toEqual([]);
    expect(result.notApplicable.map((n) => n.reason)).toContain("not an Azure VM (AzureIaasVM) backup policy");
    expect(result.evaluations[0]!.checked).toBe(0);
  });
});

describe("recoveryservices-backuppolicy-configure-minimum-retention", () => {
  it("passes the defaults (daily 7 days) on both families", async () => {
    expect(await messages(configureMinimumRetention, [native("daily-standard"), classic()])).toEqual([]);
  });

  it("enforces configured minimums per period on both families", async () => {
    const weekly = native("weekly", { schedule: { frequency: "Weekly", time: "01:00", weekDays: ["Sunday"] }, instantRestoreDays: 5, retention: { weekly: { count: 4, days: ["Sunday"] } } });
    const config = { minimumDailyDays: 35, minimumWeeklyWeeks: 8, minimumMonthlyMonths: 24, minimumYearlyYears: 0 };
    expect(await messages(configureMinimumRetention, [native("daily-standard"), weekly, classic()], config)).toEqual([
      "mandatory daily-classic: Policy daily-classic keeps daily recovery points 30 days; set retentionDaily.count to at least 35.",
      "mandatory daily-classic: Policy daily-classic keeps monthly recovery points 12 months; set retentionMonthly.count to at least 24.",
      "mandatory daily-standard: Policy daily-standard keeps daily recovery points 30 days; set properties.retentionPolicy.dailySchedule.retentionDuration.count to at least 35.",
      "mandatory daily-standard: Policy daily-standard keeps monthly recovery points 12 months; set properties.retentionPolicy.monthlySchedule.retentionDuration.count to at least 24.",
      "mandatory weekly: Policy weekly keeps no monthly recovery points; add properties.retentionPolicy.monthlySchedule.retentionDuration.count of at least 24 months.",
      "mandatory weekly: Policy weekly keeps weekly recovery points 4 weeks; set properties.retentionPolicy.weeklySchedule.retentionDuration.count to at least 8.",
    ]);
  });

  it("reports a 3-day daily retention under the default minimum", async () => {
    const short = nativeWith("short", (p) => (p.retentionPolicy.dailySchedule.retentionDuration.count = 3));
    expect(await messages(configureMinimumRetention, [short, classic({ retentionDaily: { count: 3 } })])).toEqual([
      "mandatory daily-classic: Policy daily-classic keeps daily recovery points 3 days; set retentionDaily.count to at least 7.",
      "mandatory short: Policy short keeps daily recovery points 3 days; set properties.retentionPolicy.dailySchedule.retentionDuration.count to at least 7.",
    ]);
  });
});

describe("recoveryservices-backuppolicy-configure-time-zone (advisory)", () => {
  it("advises an explicit time zone on both families", async () => {
    const noZone = nativeWith("no-zone", (p) => delete p.timeZone);
    expect(await messages(configureTimeZone, [native("daily-standard"), classic(), noZone, classic({ name: "classic-no-zone", timezone: undefined })])).toEqual([
      "advisory classic-no-zone: Policy classic-no-zone declares no time zone, so its schedule runs in UTC; set timezone (a Windows time zone ID such as W. Europe Standard Time) to make the backup window explicit.",
      "advisory no-zone: Policy no-zone declares no time zone, so its schedule runs in UTC; set properties.timeZone (a Windows time zone ID such as W. Europe Standard Time) to make the backup window explicit.",
    ]);
  });
});
