import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ConfigError, type ConfigIssue } from "../../infra/config/configError";
import { loadConfig } from "../../infra/validate/loadConfig";
import { toRaw, vmId, type ConfigFixture } from "../fixtures/stackConfig";

/** An estate with room for independent mistakes: three policies of each kind and three VMs. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a mistake may reach into any field of a policy
type Policies = Record<string, Record<string, any>>;

function estate(): ConfigFixture & { vault: Record<string, unknown>; policies: Policies; vms: Array<Record<string, unknown>>; vmDefaults: Record<string, unknown> } {
  return {
    vault: { name: "rsv-test", resourceGroupName: "rg-backup" },
    policies: {
      daily: { schedule: { frequency: "Daily", time: "22:00" }, timeZone: "UTC", instantRestoreDays: 2, retention: { daily: 30 } },
      weekly: { schedule: { frequency: "Weekly", time: "23:00", weekDays: ["Sunday"] }, instantRestoreDays: 5, retention: { weekly: { count: 12, days: ["Sunday"] } } },
      hourly: { tier: "Enhanced", schedule: { frequency: "Hourly", time: "08:00", intervalHours: 4, windowHours: 12 }, retention: { daily: 14 } },
    },
    vms: [
      { id: vmId("rg-app", "vm-a"), policy: "daily", os: "Linux" },
      { id: vmId("rg-app", "vm-b"), policy: "weekly", os: "Linux" },
      { id: vmId("rg-app", "vm-c"), policy: "hourly", os: "Windows" },
    ],
    vmDefaults: { extension: "auto" },
  };
}

type Estate = ReturnType<typeof estate>;

/**
 * Mistakes in different places: schema-level (a value out of range, a bad enum, an unknown key) and
 * rule-level (a cross-field rule), several of them in the same policy so that a refused field must
 * not hide the policy's other rules.
 */
const MISTAKES: ReadonlyArray<{ path: string; apply: (e: Estate) => void }> = [
  { path: "vault.name", apply: (e) => { e.vault.name = "1-starts-with-a-digit"; } },
  { path: "vault.softDeleteRetentionDays", apply: (e) => { e.vault.softDeleteRetentionDays = 5; } },
  { path: "vault.crossRegionRestore", apply: (e) => { e.vault.storageRedundancy = "LocallyRedundant"; e.vault.crossRegionRestore = true; } },
  { path: "policies.daily.retention.daily", apply: (e) => { e.policies.daily.retention.daily = 2; } },
  { path: "policies.daily.timeZone", apply: (e) => { e.policies.daily.timeZone = "Nowhere/Zone"; } },
  { path: "policies.daily.instantRestoreDays", apply: (e) => { e.policies.daily.instantRestoreDays = 9; } },
  { path: "policies.weekly.schedule.time", apply: (e) => { e.policies.weekly.schedule.time = "7:15"; } },
  { path: "policies.weekly.instantRestoreDays", apply: (e) => { e.policies.weekly.instantRestoreDays = 3; } },
  { path: "policies.hourly.schedule.intervalHours", apply: (e) => { e.policies.hourly.schedule.intervalHours = 5; } },
  // Unknown keys are reported on the object that holds them, naming the key.
  { path: "policies.hourly", apply: (e) => { e.policies.hourly.retension = { daily: 7 }; } },
  { path: "vms[0].policy", apply: (e) => { e.vms[0].policy = "no-such-policy"; } },
  { path: "vms[1].id", apply: (e) => { e.vms[1].id = "not-a-resource-id"; } },
  { path: "vms[1].policy", apply: (e) => { e.vms[1].policy = "another-missing-policy"; } },
  { path: "vms[2].disks", apply: (e) => { e.vms[2].disks = { include: [1], exclude: [2] }; } },
  { path: "vmDefaults.extension", apply: (e) => { e.vmDefaults.extension = "sometimes"; } },
];

function issuesOf(fixture: ConfigFixture): readonly ConfigIssue[] {
  try {
    loadConfig(toRaw(fixture));
    return [];
  } catch (err) {
    if (err instanceof ConfigError) return err.issues;
    throw err;
  }
}

const reported = (issues: readonly ConfigIssue[], path: string) => issues.some((i) => i.path === path || i.path.startsWith(`${path}.`) || i.path.startsWith(`${path}[`));

describe("one pass: every problem is reported in one run", () => {
  it("the base estate is valid", () => {
    expect(issuesOf(estate())).toEqual([]);
  });

  it("a bad vault name, a 2-day daily retention and an unknown time zone are three problems", () => {
    const e = estate();
    e.vault.name = "1-bad";
    e.policies.daily.retention.daily = 2;
    e.policies.daily.timeZone = "Nowhere/Zone";
    const issues = issuesOf(e);
    expect(issues.map((i) => i.path)).toEqual(["policies.daily.retention.daily", "policies.daily.timeZone", "vault.name"]);
  });

  it("each mistake alone is reported at its path", () => {
    for (const mistake of MISTAKES) {
      const e = estate();
      mistake.apply(e);
      const issues = issuesOf(e);
      expect(reported(issues, mistake.path), `${mistake.path}: ${JSON.stringify(issues)}`).toBe(true);
    }
  });

  it("k independent mistakes give at least k problems, each at its own path", () => {
    fc.assert(
      fc.property(fc.subarray([...MISTAKES], { minLength: 1 }), (mistakes) => {
        const e = estate();
        for (const m of mistakes) m.apply(e);
        const issues = issuesOf(e);
        expect(issues.length).toBeGreaterThanOrEqual(mistakes.length);
        for (const m of mistakes) expect(reported(issues, m.path), `${m.path} missing from ${JSON.stringify(issues)}`).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it("a refused value does not produce a second, derived complaint about the same field", () => {
    const e = estate();
    e.policies.daily.retention.daily = 2;
    expect(issuesOf(e).filter((i) => i.path.startsWith("policies.daily")).map((i) => i.path)).toEqual(["policies.daily.retention.daily"]);
  });
});
