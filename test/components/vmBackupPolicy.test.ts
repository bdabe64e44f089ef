import { describe, expect, it } from "vitest";
import { baseFixture } from "../fixtures/stackConfig";
import { ofType, onlyOfType, runFixture } from "../support/runConfig";

const POLICY = "azure-native:recoveryservices:ProtectionPolicy";

async function policyInputs(policy: Record<string, unknown>, vault: Record<string, unknown> = {}) {
  const f = baseFixture();
  f.vault = { ...f.vault, ...vault };
  f.policies = { "test-policy": policy };
  f.vms = [];
  const run = await runFixture(f);
  return onlyOfType(run, POLICY);
}

describe("VmBackupPolicy", () => {
  it("sends a Standard daily policy as V1 SimpleSchedulePolicy with every retention time equal to the run time", async () => {
    const r = await policyInputs({
      schedule: { frequency: "Daily", time: "22:00" },
      timeZone: "W. Europe Standard Time",
      instantRestoreDays: 3,
      retention: {
        daily: 30,
        weekly: { count: 12, days: ["Sunday"] },
        monthly: { count: 12, weeks: ["First"], days: ["Sunday"] },
        yearly: { count: 5, months: ["January"], weeks: ["First"], days: ["Sunday"] },
      },
    });
    const t = ["2024-01-01T22:00:00Z"];
    expect(r.inputs).toEqual({
      policyName: "test-policy",
      vaultName: "rsv-test",
      resourceGroupName: "rg-backup",
      properties: {
        backupManagementType: "AzureIaasVM",
        policyType: "V1",
        schedulePolicy: { schedulePolicyType: "SimpleSchedulePolicy", scheduleRunFrequency: "Daily", scheduleRunTimes: t },
        retentionPolicy: {
          retentionPolicyType: "LongTermRetentionPolicy",
          dailySchedule: { retentionTimes: t, retentionDuration: { count: 30, durationType: "Days" } },
          weeklySchedule: { daysOfTheWeek: ["Sunday"], retentionTimes: t, retentionDuration: { count: 12, durationType: "Weeks" } },
          monthlySchedule: {
            retentionScheduleFormatType: "Weekly",
            retentionScheduleWeekly: { daysOfTheWeek: ["Sunday"], weeksOfTheMonth: ["First"] },
            retentionTimes: t,
            retentionDuration: { count: 12, durationType: "Months" },
          },
          yearlySchedule: {
            retentionScheduleFormatType: "Weekly",
            retentionScheduleWeekly: { daysOfTheWeek: ["Sunday"], weeksOfTheMonth: ["First"] },
            monthsOfYear: ["January"],
            retentionTimes: t,
            retentionDuration: { count: 5, durationType: "Years" },
          },
        },
        instantRpRetentionRangeInDays: 3,
        timeZone: "W. Europe Standard Time",
      },
    });
  });

  it("sends a Standard weekly policy with monthly and yearly retention in weekly format and 5 snapshot days", async () => {
    const r = await policyInputs({
      schedule: { frequency: "Weekly", time: "01:30", weekDays: ["Saturday", "Sunday"] },
      retention: {
        weekly: { count: 26, days: ["Sunday"] },
        monthly: { count: 6, weeks: ["First", "Third"], days: ["Saturday"] },
        yearly: { count: 3, months: ["January", "July"], weeks: ["Last"], days: ["Sunday"] },
      },
    });
    const t = ["2024-01-01T01:30:00Z"];
    expect(r.inputs.properties).toEqual({
      backupManagementType: "AzureIaasVM",
      policyType: "V1",
      schedulePolicy: { schedulePolicyType: "SimpleSchedulePolicy", scheduleRunFrequency: "Weekly", scheduleRunTimes: t, scheduleRunDays: ["Saturday", "Sunday"] },
      retentionPolicy: {
        retentionPolicyType: "LongTermRetentionPolicy",
        weeklySchedule: { daysOfTheWeek: ["Sunday"], retentionTimes: t, retentionDuration: { count: 26, durationType: "Weeks" } },
        monthlySchedule: {
          retentionScheduleFormatType: "Weekly",
          retentionScheduleWeekly: { daysOfTheWeek: ["Saturday"], weeksOfTheMonth: ["First", "Third"] },
          retentionTimes: t,
          retentionDuration: { count: 6, durationType: "Months" },
        },
        yearlySchedule: {
          retentionScheduleFormatType: "Weekly",
          retentionScheduleWeekly: { daysOfTheWeek: ["Sunday"], weeksOfTheMonth: ["Last"] },
          monthsOfYear: ["January", "July"],
          retentionTimes: t,
          retentionDuration: { count: 3, durationType: "Years" },
        },
      },
      instantRpRetentionRangeInDays: 5,
      timeZone: "UTC",
    });
  });

  it("sends an Enhanced hourly policy as V2 hourlySchedule with the window start as retention time", async () => {
    const r = await policyInputs({
      tier: "Enhanced",
      schedule: { frequency: "Hourly", time: "06:00", intervalHours: 4, windowHours: 16 },
      instantRestoreDays: 10,
      instantRestoreResourceGroup: { prefix: "rg-snap-", suffix: "-01" },
      crashConsistentOnly: true,
      retention: { daily: 14, weekly: { count: 8, days: ["Sunday"] } },
    });
    const t = ["2024-01-01T06:00:00Z"];
    expect(r.inputs.properties).toEqual({
      backupManagementType: "AzureIaasVM",
      policyType: "V2",
      schedulePolicy: {
        schedulePolicyType: "SimpleSchedulePolicyV2",
        scheduleRunFrequency: "Hourly",
        hourlySchedule: { interval: 4, scheduleWindowStartTime: "2024-01-01T06:00:00Z", scheduleWindowDuration: 16 },
      },
      retentionPolicy: {
        retentionPolicyType: "LongTermRetentionPolicy",
        dailySchedule: { retentionTimes: t, retentionDuration: { count: 14, durationType: "Days" } },
        weeklySchedule: { daysOfTheWeek: ["Sunday"], retentionTimes: t, retentionDuration: { count: 8, durationType: "Weeks" } },
      },
      instantRpRetentionRangeInDays: 10,
      instantRPDetails: { azureBackupRGNamePrefix: "rg-snap-", azureBackupRGNameSuffix: "-01" },
      timeZone: "UTC",
      snapshotConsistencyType: "OnlyCrashConsistent",
    });
  });

  it("sends an Enhanced daily policy with day-of-month retention and archive tiering", async () => {
    const r = await policyInputs({
      tier: "Enhanced",
      schedule: { frequency: "Daily", time: "23:30" },
      timeZone: "Pacific Standard Time",
      retention: {
        daily: 30,
        monthly: { count: 60, daysOfMonth: [1, 15, "Last"] },
        yearly: { count: 10, months: ["December"], daysOfMonth: ["Last"] },
      },
      tiering: { mode: "TierAfter", after: 3, unit: "Months" },
    });
    const t = ["2024-01-01T23:30:00Z"];
    expect(r.inputs.properties).toEqual({
      backupManagementType: "AzureIaasVM",
      policyType: "V2",
      schedulePolicy: { schedulePolicyType: "SimpleSchedulePolicyV2", scheduleRunFrequency: "Daily", dailySchedule: { scheduleRunTimes: t } },
      retentionPolicy: {
        retentionPolicyType: "LongTermRetentionPolicy",
        dailySchedule: { retentionTimes: t, retentionDuration: { count: 30, durationType: "Days" } },
        monthlySchedule: {
          retentionScheduleFormatType: "Daily",
          retentionScheduleDaily: { daysOfTheMonth: [{ date: 1, isLast: false }, { date: 15, isLast: false }, { date: 0, isLast: true }] },
          retentionTimes: t,
          retentionDuration: { count: 60, durationType: "Months" },
        },
        yearlySchedule: {
          retentionScheduleFormatType: "Daily",
          retentionScheduleDaily: { daysOfTheMonth: [{ date: 0, isLast: true }] },
          monthsOfYear: ["December"],
          retentionTimes: t,
          retentionDuration: { count: 10, durationType: "Years" },
        },
      },
      instantRpRetentionRangeInDays: 7,
      timeZone: "Pacific Standard Time",
      tieringPolicy: { ArchivedRP: { tieringMode: "TierAfter", duration: 3, durationType: "Months" } },
    });
  });

  it("sends an Enhanced weekly policy as V2 weeklySchedule", async () => {
    const r = await policyInputs({
      tier: "Enhanced",
      schedule: { frequency: "Weekly", time: "03:00", weekDays: ["Wednesday"] },
      retention: { weekly: { count: 4, days: ["Wednesday"] } },
    });
    expect(r.inputs.properties).toMatchObject({
      policyType: "V2",
      schedulePolicy: {
        schedulePolicyType: "SimpleSchedulePolicyV2",
        scheduleRunFrequency: "Weekly",
        weeklySchedule: { scheduleRunDays: ["Wednesday"], scheduleRunTimes: ["2024-01-01T03:00:00Z"] },
      },
      instantRpRetentionRangeInDays: 7,
    });
  });

  it("gives each policy a component of its own, parented by the component, and names the policy exactly as configured", async () => {
    const f = baseFixture();
    f.policies = {
      "gold-daily": { schedule: { frequency: "Daily", time: "22:00" }, retention: { daily: 30 } },
      "silver-weekly": { schedule: { frequency: "Weekly", time: "02:00", weekDays: ["Sunday"] }, retention: { weekly: { count: 4, days: ["Sunday"] } } },
    };
    f.vms = [];
    const run = await runFixture(f);
    const components = ofType(run, "azure-vm-backup:policy:VmBackupPolicy");
    const policies = ofType(run, POLICY);
    expect(components.map((c) => c.name).sort()).toEqual(["gold-daily", "silver-weekly"]);
    expect(policies.map((p) => [p.name, p.inputs.policyName, p.parent]).sort()).toEqual([
      ["gold-daily-policy", "gold-daily", "urn:pulumi:dev::azure-vm-backup::azure-vm-backup:policy:VmBackupPolicy::gold-daily"],
      ["silver-weekly-policy", "silver-weekly", "urn:pulumi:dev::azure-vm-backup::azure-vm-backup:policy:VmBackupPolicy::silver-weekly"],
    ]);
    expect(policies.every((p) => p.version === "3.28.0")).toBe(true);
  });
});
