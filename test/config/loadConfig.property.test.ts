import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ConfigError } from "../../infra/config/configError";
import { DAYS_OF_WEEK, MONTHS, WEEKS_OF_MONTH } from "../../infra/config/configSchema";
import { loadConfig } from "../../infra/validate/loadConfig";
import { buildBackupModel } from "../../infra/model/backupModel";
import { nativePolicyProperties } from "../../infra/providers/nativePolicy";
import { toRaw, vmId } from "../fixtures/stackConfig";

// Values near and across Azure's boundaries, valid and invalid, so both outcomes are exercised.
const time = fc.oneof(
  { weight: 30, arbitrary: fc.tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom("00", "30")).map(([h, m]) => `${String(h).padStart(2, "0")}:${m}`) },
  { weight: 1, arbitrary: fc.constantFrom("24:00", "7:00", "12:15", "noon", "") },
);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
// Mostly in range, sometimes one past either end.
const count = (max: number) => fc.oneof({ arbitrary: fc.integer({ min: 7, max }), weight: 9 }, { arbitrary: fc.constantFrom(-1, 0, max + 1), weight: 1 });

const weekDaysArb = fc.subarray([...DAYS_OF_WEEK], { minLength: 1, maxLength: 3 });

/** A coherent policy for one frequency: valid unless a boundary value is drawn. */
const coherentPolicy = fc.constantFrom("Daily", "Weekly", "Hourly").chain((frequency) =>
  fc
    .record({
      tier: frequency === "Hourly" ? fc.constant("Enhanced") : fc.constantFrom("Standard", "Enhanced", "enhanced"),
      time,
      weekDays: weekDaysArb,
      intervalHours: fc.constantFrom(4, 6, 8, 12),
      windowMultiple: fc.integer({ min: 1, max: 6 }),
      timeZone: fc.oneof({ weight: 9, arbitrary: fc.constantFrom("UTC", "W. Europe Standard Time", "Europe/Paris", "utc", "Pacific Standard Time") }, { weight: 1, arbitrary: fc.constant("Nowhere/Zone") }),
      instantRestoreDays: maybe(fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 1, max: 5 }) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 31 }) })),
      crashConsistentOnly: fc.boolean(),
      daily: count(9999),
      weekly: count(5163),
      monthly: maybe(
        fc.oneof(
          fc.record({ count: count(1188), weeks: fc.subarray([...WEEKS_OF_MONTH], { minLength: 1, maxLength: 2 }) }),
          fc.record({ count: count(1188), daysOfMonth: fc.uniqueArray(fc.oneof({ weight: 5, arbitrary: fc.integer({ min: 1, max: 29 }) }, { weight: 1, arbitrary: fc.constant("Last") }), { minLength: 1, maxLength: 3 }) }),
        ),
      ),
      yearly: maybe(fc.record({ count: count(99), months: fc.subarray([...MONTHS], { minLength: 1, maxLength: 2 }) })),
      tiering: maybe(
        fc.oneof(
          // Mostly Azure's 3-month floor or above; sometimes days, which Azure refuses below 90.
          fc.oneof(
            { weight: 4, arbitrary: fc.record({ mode: fc.constant("TierAfter"), after: fc.integer({ min: 2, max: 6 }), unit: fc.constant("Months") }) },
            { weight: 1, arbitrary: fc.record({ mode: fc.constant("TierAfter"), after: fc.constantFrom(3, 89, 90, 120), unit: fc.constant("Days") }) },
          ),
          fc.record({ mode: fc.constantFrom("TierRecommended", "DoNotTier") }),
        ),
      ),
    })
    .map((p) => {
      const backupDays = frequency === "Weekly" ? p.weekDays : ["Sunday"];
      const byWeek = (r: object) => ("weeks" in r ? { weeks: r.weeks, days: [backupDays[0]] } : {});
      return {
        tier: p.tier,
        schedule: {
          frequency,
          time: p.time,
          ...(frequency === "Weekly" && { weekDays: p.weekDays }),
          ...(frequency === "Hourly" && { intervalHours: p.intervalHours, windowHours: Math.min(24, p.intervalHours * p.windowMultiple) }),
        },
        timeZone: p.timeZone,
        instantRestoreDays: p.instantRestoreDays,
        crashConsistentOnly: p.crashConsistentOnly && p.tier !== "Standard",
        retention: {
          ...(frequency !== "Weekly" && { daily: p.daily }),
          ...(frequency === "Weekly" && { weekly: { count: p.weekly, days: [backupDays[0]] } }),
          ...(p.monthly && { monthly: { count: p.monthly.count, ...byWeek(p.monthly), ...("daysOfMonth" in p.monthly && (frequency !== "Weekly" || p.crashConsistentOnly) && { daysOfMonth: p.monthly.daysOfMonth }) } }),
          ...(p.yearly && { yearly: { count: p.yearly.count, months: p.yearly.months, weeks: ["First"], days: [backupDays[0]] } }),
        },
        ...(p.tiering && { tiering: p.tiering }),
      };
    }),
);

/** One field set to a value drawn from anywhere, valid or not. */
const mutation = fc.constantFrom<Array<(p: Record<string, any>) => void>>( // eslint-disable-line @typescript-eslint/no-explicit-any
  (p) => { p.tier = "Premium"; },
  (p) => { p.schedule = { ...p.schedule, frequency: "Hourly" }; },
  (p) => { p.schedule = { ...p.schedule, weekDays: ["Funday"] }; },
  (p) => { p.retention = {}; },
  (p) => { p.tiering = { mode: "TierAfter" }; },
  (p) => { p.instantRestoreDays = "five"; },
  (p) => { p.extra = true; },
);

const policy = fc.tuple(coherentPolicy, fc.oneof({ weight: 6, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: mutation })).map(([p, m]) => {
  if (m) m(p as Record<string, unknown>);
  return p;
});

const estate = fc.record({
  vault: fc.record({
    name: fc.oneof({ weight: 9, arbitrary: fc.constantFrom("rsv-a", "rsv-b") }, { weight: 1, arbitrary: fc.constantFrom("r", "9bad") }),
    resourceGroupName: fc.constant("rg-backup"),
    storageRedundancy: fc.constantFrom("GeoRedundant", "ZoneRedundant", "LocallyRedundant"),
    crossRegionRestore: fc.oneof({ weight: 4, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
    softDeleteRetentionDays: fc.integer({ min: 12, max: 182 }),
  }),
  policies: fc.record({ gold: policy, silver: policy, "bronze-weekly": policy }, { requiredKeys: ["gold"] }),
  vms: fc.array(
    fc.record({
      id: fc.tuple(fc.constantFrom("rg-a", "rg-b"), fc.constantFrom("vm1", "vm2", "vm3", "vm4", "vm5", "vm6", "vm7", "VM1")).map(([rg, vm]) => vmId(rg, vm)),
      policy: fc.constantFrom("gold", "gold", "gold", "gold", "silver", "missing"),
      disks: maybe(fc.oneof(fc.record({ exclude: fc.array(fc.integer({ min: 0, max: 64 }), { maxLength: 3 }) }), fc.record({ include: fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 2 }) }))),
    }),
    { maxLength: 3 },
  ),
});

describe("loadConfig on generated configurations", () => {
  it("either validates or fails with a ConfigError whose every issue names a key path, never anything else", () => {
    let valid = 0;
    let invalid = 0;
    fc.assert(
      fc.property(estate, (config) => {
        try {
          const { config: loaded } = loadConfig(toRaw(config));
          buildBackupModel(loaded);
          valid++;
        } catch (err) {
          expect(err).toBeInstanceOf(ConfigError);
          const issues = (err as ConfigError).issues;
          expect(issues.length).toBeGreaterThan(0);
          for (const issue of issues) {
            expect(issue.path).toMatch(/^(vault|policies|vms)(\.|\[|$)/);
            expect(issue.message.length).toBeGreaterThan(5);
          }
          invalid++;
        }
      }),
      { numRuns: 400, seed: 20261124 },
    );
    // The generator must exercise both outcomes or the property proves nothing.
    expect(valid).toBeGreaterThan(10);
    expect(invalid).toBeGreaterThan(40);
  });

  it("writes every retention time equal to the schedule time in every valid policy", () => {
    fc.assert(
      fc.property(estate, (config) => {
        let loaded;
        try {
          loaded = loadConfig(toRaw(config)).config;
        } catch {
          return;
        }
        for (const p of buildBackupModel(loaded).policies) {
          const s = nativePolicyProperties(p.config).schedulePolicy;
          const runTime =
            "hourlySchedule" in s ? s.hourlySchedule.scheduleWindowStartTime
            : "dailySchedule" in s ? s.dailySchedule.scheduleRunTimes[0]
            : "weeklySchedule" in s ? s.weeklySchedule.scheduleRunTimes[0]
            : s.scheduleRunTimes[0];
          expect(runTime).toMatch(/^2024-01-01T([01]\d|2[0-3]):(00|30):00Z$/);
          const r = nativePolicyProperties(p.config).retentionPolicy;
          for (const sched of [r.dailySchedule, r.weeklySchedule, r.monthlySchedule, r.yearlySchedule]) {
            if (sched) expect(sched.retentionTimes).toEqual([runTime]);
          }
        }
      }),
      { numRuns: 400, seed: 7 },
    );
  });

  it("gives the same model whatever the order of vms", () => {
    fc.assert(
      fc.property(estate, fc.nat(), (config, shift) => {
        let a;
        try {
          a = buildBackupModel(loadConfig(toRaw(config)).config);
        } catch {
          return;
        }
        const k = config.vms.length ? shift % config.vms.length : 0;
        const rotated = { ...config, vms: [...config.vms.slice(k), ...config.vms.slice(0, k)] };
        const b = buildBackupModel(loadConfig(toRaw(rotated)).config);
        expect(b.protectedVms).toEqual(a.protectedVms);
      }),
      { numRuns: 300, seed: 11 },
    );
  });
});
