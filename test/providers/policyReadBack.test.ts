import * as fs from "node:fs";
import * as path from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { parsePolicyConfig } from "../../infra/validate/loadConfig";
import { policyFromClassic } from "../../infra/providers/classic";
import { nativePolicyProperties, policyFromNative } from "../../infra/providers/nativePolicy";
import { timeOfDay } from "../../infra/providers/readBack";

const devPolicies = (parse(fs.readFileSync(path.join(__dirname, "..", "..", "Pulumi.dev.yaml"), "utf8")) as { config: Record<string, unknown> }).config[
  "azure-vm-backup:policies"
] as Record<string, unknown>;

describe("policyFromNative", () => {
  it.each(Object.keys(devPolicies))("reads the rendered API body of dev policy %s back to the same validated configuration", (name) => {
    const { policy } = parsePolicyConfig(devPolicies[name], name);
    const properties = nativePolicyProperties(policy!);
    const back = policyFromNative(structuredClone(properties) as never, name);
    expect(back.issues).toEqual([]);
    const reparsed = parsePolicyConfig(back.raw, name);
    expect(reparsed.issues).toEqual([]);
    expect(reparsed.policy).toEqual(policy);
  });

  it("reports retention times that differ from the schedule time and several run times", () => {
    const { policy } = parsePolicyConfig({ schedule: { frequency: "Daily", time: "22:00" }, retention: { daily: 30 } }, "p");
    const properties = structuredClone(nativePolicyProperties(policy!)) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    properties.schedulePolicy.scheduleRunTimes = ["2024-01-01T22:00:00Z", "2024-01-01T10:00:00Z"];
    properties.retentionPolicy.dailySchedule.retentionTimes = ["2024-01-01T23:00:00Z"];
    expect(policyFromNative(properties, "p").issues).toEqual([
      { path: "p.schedulePolicy.scheduleRunTimes", message: "must list exactly one run time: Azure VM backup runs once a day (got 2)" },
      { path: "p.retentionPolicy.dailySchedule.retentionTimes", message: "must equal the schedule time 22:00 (got 23:00); Azure rejects any other time with BMSUserErrorInvalidPolicyInput" },
    ]);
  });

  it("reports a V2 schedule on a policy without policyType V2", () => {
    const { policy } = parsePolicyConfig({ tier: "Enhanced", schedule: { frequency: "Daily", time: "22:00" }, retention: { daily: 30 } }, "p");
    const properties = { ...nativePolicyProperties(policy!), policyType: undefined };
    expect(policyFromNative(properties as never, "p").issues).toEqual([
      { path: "p.policyType", message: "must be V2 with SimpleSchedulePolicyV2 and V1 (or unset) with SimpleSchedulePolicy (got policyType unset with SimpleSchedulePolicyV2)" },
    ]);
  });
});

describe("policyFromClassic", () => {
  it("maps an azurerm backup_policy_vm to the configuration vocabulary, day-of-month retention included", () => {
    const mapped = policyFromClassic({
      name: "classic",
      policyType: "V2",
      timezone: "UTC",
      backup: { frequency: "Hourly", time: "06:00", hourInterval: 6, hourDuration: 12 },
      instantRestoreRetentionDays: 7,
      retentionDaily: { count: 14 },
      retentionMonthly: { count: 12, days: [1, 15], includeLastDays: true },
      consistencyType: "OnlyCrashConsistent",
      tieringPolicy: { archivedRestorePoint: { mode: "TierAfter", duration: 3, durationType: "Months" } },
    });
    expect(mapped.raw).toEqual({
      tier: "Enhanced",
      schedule: { frequency: "Hourly", time: "06:00", intervalHours: 6, windowHours: 12 },
      timeZone: "UTC",
      instantRestoreDays: 7,
      crashConsistentOnly: true,
      retention: { daily: 14, monthly: { count: 12, daysOfMonth: [1, 15, "Last"] } },
      tiering: { mode: "TierAfter", after: 3, unit: "Months" },
    });
    expect(parsePolicyConfig(mapped.raw, "classic").issues).toEqual([]);
  });
});

describe("timeOfDay", () => {
  it.each([
    ["2024-01-01T22:00:00Z", "22:00"],
    ["2024-01-01T22:30:00.000Z", "22:30"],
    ["2024-01-01T22:15:30Z", "22:15:30"],
    ["22:00", "22:00"],
  ])("reads %s as %s", (input, expected) => expect(timeOfDay(input)).toBe(expected));
});
