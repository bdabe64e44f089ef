import { describe, expect, it } from "vitest";
import { ConfigError, type ConfigIssue } from "../../infra/config/configError";
import { loadConfig } from "../../infra/validate/loadConfig";
import { baseFixture, toRaw, vmId, type ConfigFixture } from "../fixtures/stackConfig";

type Fixture = ReturnType<typeof baseFixture>;

function issuesOf(fixture: ConfigFixture, extra?: Record<string, string>): ConfigIssue[] {
  try {
    loadConfig(toRaw(fixture, extra));
  } catch (err) {
    if (err instanceof ConfigError) return [...err.issues];
    throw err;
  }
  return [];
}

function withPolicy(policy: Record<string, unknown>, mutateVault?: (v: Record<string, unknown>) => void): Fixture {
  const f = baseFixture();
  f.policies = { pol: policy };
  f.vms = [{ id: vmId("rg-app", "vm-web-01"), policy: "pol" }];
  mutateVault?.(f.vault);
  return f;
}

const daily = (over: Record<string, unknown> = {}) => ({ schedule: { frequency: "Daily", time: "22:00" }, retention: { daily: 30 }, ...over });
const weekly = (over: Record<string, unknown> = {}) => ({
  schedule: { frequency: "Weekly", time: "01:00", weekDays: ["Sunday"] },
  retention: { weekly: { count: 12, days: ["Sunday"] } },
  ...over,
});
const hourly = (over: Record<string, unknown> = {}, schedule: Record<string, unknown> = {}) => ({
  tier: "Enhanced",
  schedule: { frequency: "Hourly", time: "06:00", intervalHours: 4, windowHours: 16, ...schedule },
  retention: { daily: 30 },
  ...over,
});

describe("loadConfig", () => {
  it("accepts the base estate and applies the secure defaults", () => {
    const { config, warnings } = loadConfig(toRaw(baseFixture()));
    expect(warnings).toEqual([]);
    expect(config.provider).toBe("native");
    expect(config.protect).toBe(true);
    expect(config.vaults.map((v) => [v.key, v.path, v.primary])).toEqual([["vault", "vault", true]]);
    expect(config.vaults[0]!.settings).toEqual({
      name: "rsv-test",
      resourceGroupName: "rg-backup",
      location: "westeurope",
      storageRedundancy: "GeoRedundant",
      crossRegionRestore: false,
      softDelete: "AlwaysOn",
      softDeleteRetentionDays: 14,
      immutability: "Unlocked",
      publicNetworkAccess: "Disabled",
      jobFailureAlerts: true,
    });
    expect(config.policies["daily-standard"]).toMatchObject({ tier: "Standard", timeZone: "UTC", crashConsistentOnly: false });
  });

  it("matches enumerations case-insensitively and writes the API's spelling", () => {
    const f = baseFixture();
    f.vault.storageRedundancy = "zoneredundant";
    f.vault.softDelete = "ALWAYSON";
    f.policies["daily-standard"]!.tier = "enhanced";
    f.policies["daily-standard"]!.schedule = { frequency: "daily", time: "22:00" };
    const { config } = loadConfig(toRaw(f));
    expect(config.vaults[0]!.settings.storageRedundancy).toBe("ZoneRedundant");
    expect(config.vaults[0]!.settings.softDelete).toBe("AlwaysOn");
    expect(config.policies["daily-standard"]!.tier).toBe("Enhanced");
    expect(config.policies["daily-standard"]!.schedule.frequency).toBe("Daily");
  });

  it("converts IANA time zone names to the Windows IDs Azure expects", () => {
    const { config } = loadConfig(toRaw(withPolicy(daily({ timeZone: "Europe/Berlin" }))));
    expect(config.policies.pol!.timeZone).toBe("W. Europe Standard Time");
  });

  it("accepts Windows time zone IDs in any case", () => {
    const { config } = loadConfig(toRaw(withPolicy(daily({ timeZone: "pacific standard time" }))));
    expect(config.policies.pol!.timeZone).toBe("Pacific Standard Time");
  });

  it("takes the vault location from azure-native:location, azure:location or vault.location", () => {
    expect(loadConfig(toRaw(baseFixture(), { "azure:location": "northeurope" })).config.vaults[0]!.settings.location).toBe("northeurope");
    const f = baseFixture();
    f.vault.location = "swedencentral";
    expect(loadConfig(toRaw(f)).config.vaults[0]!.settings.location).toBe("swedencentral");
  });

  it("reports every problem of every section in one error", () => {
    const f = baseFixture();
    f.vault.storageRedundancy = "GRS";
    f.policies["daily-standard"]!.retention = { daily: 3 };
    f.vms = [{ id: "not-an-id", policy: "daily-standard" }];
    const issues = issuesOf(f);
    expect(issues.map((i) => i.path)).toEqual(["policies.daily-standard.retention.daily", "vault.storageRedundancy", "vms[0].id"]);
  });

  it("still checks every other section when a top-level key is missing or malformed", () => {
    const f = baseFixture();
    f.vault.softDelete = "Sometimes";
    f.vms = [{ id: "bad", policy: "daily-standard" }];
    const issues = issuesOf({ vault: f.vault, vms: f.vms, provider: "azure" });
    expect(issues.map((i) => `${i.path}: ${i.message.split(" (")[0]}`)).toEqual([
      "policies: is required: a mapping of policy name to policy",
      "provider: must be one of native, classic",
      "vault.softDelete: must be one of AlwaysOn, Enabled, Disabled",
      "vms[0].id: must be a VM resource ID /subscriptions/<subscription GUID>/resourceGroups/<rg>/providers/Microsoft.Compute/virtualMachines/<name>",
    ]);
  });

  it("formats the error as one line per issue with the key path first", () => {
    const f = baseFixture();
    f.vault.softDeleteRetentionDays = 200;
    expect(() => loadConfig(toRaw(f))).toThrow(
      "Invalid azure-vm-backup configuration (1 problem):\n  - vault.softDeleteRetentionDays: must be a whole number from 14 to 180 days (got 200)",
    );
  });

  // One failing case per rule: [rule, fixture, expected path, message fragment].
  const cases: Array<[string, () => ConfigFixture, string, string | RegExp, Record<string, string>?]> = [
    // structure
    ["unknown top-level key", () => ({ ...baseFixture(), valut: {} }), "", 'unknown key "valut"'],
    ["vault is required", () => ({ ...baseFixture(), vault: undefined }), "vault", "is required"],
    ["unknown vault key", () => { const f = baseFixture(); f.vault.redundancy = "x"; return f; }, "vault", 'unknown key "redundancy"; allowed keys: name, resourceGroupName'],
    ["provider enumeration", () => ({ ...baseFixture(), provider: "terraform" }), "provider", "must be one of native, classic"],
    ["protect is a boolean", () => ({ ...baseFixture(), protect: "yes" }), "protect", "must be true or false"],
    // vault
    ["vault name pattern", () => { const f = baseFixture(); f.vault.name = "1vault"; return f; }, "vault.name", "must be 2-50 letters, digits or hyphens, starting with a letter"],
    ["vault name length", () => { const f = baseFixture(); f.vault.name = `v${"a".repeat(50)}`; return f; }, "vault.name", "2-50"],
    ["resource group name", () => { const f = baseFixture(); f.vault.resourceGroupName = "rg."; return f; }, "vault.resourceGroupName", "not ending in a period"],
    ["storage redundancy enumeration", () => { const f = baseFixture(); f.vault.storageRedundancy = "GRS"; return f; }, "vault.storageRedundancy", 'must be one of GeoRedundant, ZoneRedundant, LocallyRedundant (got "GRS")'],
    ["cross-region restore needs GeoRedundant", () => { const f = baseFixture(); f.vault.storageRedundancy = "LocallyRedundant"; f.vault.crossRegionRestore = true; return f; }, "vault.crossRegionRestore", "needs storageRedundancy GeoRedundant (got LocallyRedundant)"],
    ["soft delete enumeration", () => { const f = baseFixture(); f.vault.softDelete = "Off"; return f; }, "vault.softDelete", "must be one of AlwaysOn, Enabled, Disabled"],
    ["soft delete retention range", () => { const f = baseFixture(); f.vault.softDeleteRetentionDays = 13; return f; }, "vault.softDeleteRetentionDays", "from 14 to 180"],
    ["immutability enumeration", () => { const f = baseFixture(); f.vault.immutability = "On"; return f; }, "vault.immutability", "must be one of Disabled, Unlocked, Locked"],
    ["public network access enumeration", () => { const f = baseFixture(); f.vault.publicNetworkAccess = "Private"; return f; }, "vault.publicNetworkAccess", "must be one of Disabled, Enabled"],
    ["CMK key URI shape", () => { const f = baseFixture(); f.vault.encryption = { keyUri: "http://kv/keys/k" }; return f; }, "vault.encryption.keyUri", "must be a Key Vault key URI"],
    ["CMK identity shape", () => { const f = baseFixture(); f.vault.encryption = { keyUri: "https://kv-prod.vault.azure.net/keys/k", userAssignedIdentityId: "/subscriptions/x/identities/i" }; return f; }, "vault.encryption.userAssignedIdentityId", "must be a user-assigned identity resource ID"],
    ["location required", () => baseFixture(), "vault.location", "is required: set azure-native:location", {}],
    // policies
    ["at least one policy", () => ({ ...baseFixture(), policies: {}, vms: [] }), "policies", "must define at least one backup policy"],
    ["policy name pattern", () => { const f = baseFixture(); f.policies = { "1p": daily() }; f.vms = []; return f; }, "policies.1p", "policy names must be 3-150"],
    ["tier enumeration", () => withPolicy(daily({ tier: "Premium" })), "policies.pol.tier", "must be one of Standard, Enhanced"],
    ["frequency enumeration", () => withPolicy(daily({ schedule: { frequency: "Monthly", time: "22:00" } })), "policies.pol.schedule.frequency", "must be one of Daily, Weekly, Hourly"],
    ["time on the hour or half hour", () => withPolicy(daily({ schedule: { frequency: "Daily", time: "22:15" } })), "policies.pol.schedule.time", 'on the hour or half hour, e.g. "22:00" or "01:30" (got "22:15")'],
    ["time format", () => withPolicy(daily({ schedule: { frequency: "Daily", time: "10pm" } })), "policies.pol.schedule.time", "HH:MM"],
    ["time zone known to Windows", () => withPolicy(daily({ timeZone: "Mars/Olympus" })), "policies.pol.timeZone", "must be a Windows time zone ID"],
    ["hourly needs Enhanced", () => withPolicy(hourly({ tier: "Standard" })), "policies.pol.schedule.frequency", "Hourly needs tier Enhanced"],
    ["hourly interval values", () => withPolicy(hourly({}, { intervalHours: 5, windowHours: 20 })), "policies.pol.schedule.intervalHours", "must be one of 4, 6, 8, 12 (got 5)"],
    ["hourly interval required", () => withPolicy(hourly({}, { intervalHours: undefined })), "policies.pol.schedule.intervalHours", "is required for Hourly"],
    ["hourly window range", () => withPolicy(hourly({}, { windowHours: 28 })), "policies.pol.schedule.windowHours", "from 4 to 24"],
    ["hourly window multiple of interval", () => withPolicy(hourly({}, { intervalHours: 8, windowHours: 12 })), "policies.pol.schedule.windowHours", "must be a multiple of intervalHours 8 (got 12)"],
    ["interval only for hourly", () => withPolicy(daily({ schedule: { frequency: "Daily", time: "22:00", intervalHours: 4 } })), "policies.pol.schedule.intervalHours", "only allowed for Hourly"],
    ["weekly needs week days", () => withPolicy(weekly({ schedule: { frequency: "Weekly", time: "01:00" } })), "policies.pol.schedule.weekDays", "is required for Weekly"],
    ["week days only for weekly", () => withPolicy(daily({ schedule: { frequency: "Daily", time: "22:00", weekDays: ["Sunday"] } })), "policies.pol.schedule.weekDays", "only allowed for Weekly"],
    ["week day names", () => withPolicy(weekly({ schedule: { frequency: "Weekly", time: "01:00", weekDays: ["Sun"] } })), "policies.pol.schedule.weekDays[0]", "must be one of Sunday, Monday"],
    ["no repeated week days", () => withPolicy(weekly({ schedule: { frequency: "Weekly", time: "01:00", weekDays: ["Sunday", "sunday"] } })), "policies.pol.schedule.weekDays", 'lists "Sunday" more than once'],
    ["weekly forbids daily retention", () => withPolicy(weekly({ retention: { daily: 30, weekly: { count: 4, days: ["Sunday"] } } })), "policies.pol.retention.daily", "not allowed for Weekly"],
    ["weekly needs weekly retention", () => withPolicy(weekly({ retention: {} })), "policies.pol.retention.weekly", "is required for Weekly"],
    ["daily needs daily retention", () => withPolicy(daily({ retention: { weekly: { count: 4, days: ["Sunday"] } } })), "policies.pol.retention.daily", "is required for Daily"],
    ["hourly needs daily retention", () => withPolicy(hourly({ retention: { weekly: { count: 4, days: ["Sunday"] } } })), "policies.pol.retention.daily", "is required for Hourly"],
    ["daily retention range", () => withPolicy(daily({ retention: { daily: 10000 } })), "policies.pol.retention.daily", "from 7 to 9999 days (got 10000)"],
    ["weekly retention range", () => withPolicy(weekly({ retention: { weekly: { count: 5164, days: ["Sunday"] } } })), "policies.pol.retention.weekly.count", "from 1 to 5163 weeks"],
    ["monthly retention range", () => withPolicy(daily({ retention: { daily: 30, monthly: { count: 1189, daysOfMonth: [1] } } })), "policies.pol.retention.monthly.count", "from 1 to 1188 months"],
    ["yearly retention range", () => withPolicy(daily({ retention: { daily: 30, yearly: { count: 100, months: ["January"], daysOfMonth: [1] } } })), "policies.pol.retention.yearly.count", "from 1 to 99 years"],
    ["yearly needs months", () => withPolicy(daily({ retention: { daily: 30, yearly: { count: 1, daysOfMonth: [1] } } })), "policies.pol.retention.yearly.months", "is required"],
    ["monthly is week-based or day-based, not both", () => withPolicy(daily({ retention: { daily: 30, monthly: { count: 6, weeks: ["First"], days: ["Sunday"], daysOfMonth: [1] } } })), "policies.pol.retention.monthly", "not both"],
    ["monthly needs a format", () => withPolicy(daily({ retention: { daily: 30, monthly: { count: 6 } } })), "policies.pol.retention.monthly", "needs weeks and days"],
    ["week-based monthly needs weeks", () => withPolicy(daily({ retention: { daily: 30, monthly: { count: 6, days: ["Sunday"] } } })), "policies.pol.retention.monthly.weeks", "is required with days"],
    ["week-based yearly needs days", () => withPolicy(daily({ retention: { daily: 30, yearly: { count: 2, months: ["May"], weeks: ["Last"] } } })), "policies.pol.retention.yearly.days", "is required with weeks"],
    ["day of month range", () => withPolicy(daily({ retention: { daily: 30, monthly: { count: 6, daysOfMonth: [29] } } })), "policies.pol.retention.monthly.daysOfMonth[0]", "from 1 to 28 or Last (got 29)"],
    ["weekly schedules keep week-based monthly points", () => withPolicy(weekly({ retention: { weekly: { count: 4, days: ["Sunday"] }, monthly: { count: 6, daysOfMonth: [1] } } })), "policies.pol.retention.monthly.daysOfMonth", "only allowed for Daily and Hourly"],
    ["weekly retention days are backup days", () => withPolicy(weekly({ retention: { weekly: { count: 4, days: ["Monday"] } } })), "policies.pol.retention.weekly.days", "must be backup days (Sunday); not backed up: Monday"],
    ["monthly retention days are backup days", () => withPolicy(weekly({ retention: { weekly: { count: 4, days: ["Sunday"] }, monthly: { count: 3, weeks: ["First"], days: ["Friday"] } } })), "policies.pol.retention.monthly.days", "not backed up: Friday"],
    ["yearly retention days are backup days", () => withPolicy(weekly({ retention: { weekly: { count: 4, days: ["Sunday"] }, yearly: { count: 3, months: ["March"], weeks: ["First"], days: ["Friday"] } } })), "policies.pol.retention.yearly.days", "not backed up: Friday"],
    ["Standard instant restore 1-5", () => withPolicy(daily({ instantRestoreDays: 6 })), "policies.pol.instantRestoreDays", "from 1 to 5 for Standard policies (got 6)"],
    ["Standard weekly instant restore is 5", () => withPolicy(weekly({ instantRestoreDays: 3 })), "policies.pol.instantRestoreDays", "must be 5 for Standard Weekly policies (got 3)"],
    ["Enhanced instant restore 1-30", () => withPolicy(daily({ tier: "Enhanced", instantRestoreDays: 31 })), "policies.pol.instantRestoreDays", "from 1 to 30 for Enhanced policies (got 31)"],
    ["4-hourly instant restore cap", () => withPolicy(hourly({ instantRestoreDays: 18 })), "policies.pol.instantRestoreDays", "from 1 to 17 for 4-hourly Enhanced policies (got 18)"],
    ["6-hourly instant restore cap", () => withPolicy(hourly({ instantRestoreDays: 23 }, { intervalHours: 6, windowHours: 12 })), "policies.pol.instantRestoreDays", "from 1 to 22 for 6-hourly"],
    ["instant restore within retention", () => withPolicy(daily({ tier: "Enhanced", instantRestoreDays: 10, retention: { daily: 7 } })), "policies.pol.instantRestoreDays", "must not exceed the retention of 7 days (got 10)"],
    ["instant restore whole days", () => withPolicy(daily({ instantRestoreDays: 2.5 })), "policies.pol.instantRestoreDays", "whole number"],
    ["crash-consistent needs Enhanced", () => withPolicy(daily({ crashConsistentOnly: true })), "policies.pol.crashConsistentOnly", "needs tier Enhanced"],
    ["tiering mode enumeration", () => withPolicy(daily({ retention: { daily: 30, monthly: { count: 12, daysOfMonth: [1] } }, tiering: { mode: "Cold" } })), "policies.pol.tiering.mode", "must be one of TierAfter, TierRecommended, DoNotTier"],
    ["TierAfter at least 3", () => withPolicy(daily({ retention: { daily: 30, monthly: { count: 12, daysOfMonth: [1] } }, tiering: { mode: "TierAfter", after: 2, unit: "Months" } })), "policies.pol.tiering.after", "at least 3 (got 2)"],
    ["TierAfter needs a unit", () => withPolicy(daily({ retention: { daily: 30, monthly: { count: 12, daysOfMonth: [1] } }, tiering: { mode: "TierAfter", after: 3 } })), "policies.pol.tiering.unit", "is required for TierAfter"],
    ["TierRecommended takes no duration", () => withPolicy(daily({ retention: { daily: 30, monthly: { count: 12, daysOfMonth: [1] } }, tiering: { mode: "TierRecommended", after: 3 } })), "policies.pol.tiering.after", "only allowed with mode TierAfter"],
    ["tiering needs monthly or yearly points", () => withPolicy(daily({ tiering: { mode: "TierRecommended" } })), "policies.pol.tiering.mode", "only monthly and yearly recovery points"],
    ["no tiering on ZRS vaults", () => withPolicy(daily({ retention: { daily: 30, monthly: { count: 12, daysOfMonth: [1] } }, tiering: { mode: "TierRecommended" } }), (v) => { v.storageRedundancy = "ZoneRedundant"; }), "policies.pol.tiering.mode", "not available on ZoneRedundant vaults"],
    ["unknown policy key", () => withPolicy(daily({ retentionDays: 30 })), "policies.pol", 'unknown key "retentionDays"'],
    // vms
    ["VM resource ID shape", () => { const f = baseFixture(); f.vms = [{ id: "/subscriptions/abc/vm1", policy: "daily-standard" }]; return f; }, "vms[0].id", "must be a VM resource ID"],
    ["VM policy must exist", () => { const f = baseFixture(); f.vms = [{ id: vmId("rg", "vm1"), policy: "gold" }]; return f; }, "vms[0].policy", 'must be one of the configured policies: daily-standard (got "gold")'],
    ["VM policy required", () => { const f = baseFixture(); f.vms = [{ id: vmId("rg", "vm1") }]; return f; }, "vms[0].policy", "is required"],
    ["duplicate VM IDs (any casing)", () => { const f = baseFixture(); f.vms = [{ id: vmId("rg", "vm1"), policy: "daily-standard" }, { id: vmId("RG", "VM1"), policy: "daily-standard" }]; return f; }, "vms[1].id", "protects the same VM as vms[0].id"],
    ["VM in the vault's subscription", () => { const f = baseFixture(); f.vms = [{ id: vmId("rg", "vm1", "11111111-1111-1111-1111-111111111111"), policy: "daily-standard" }]; return f; }, "vms[0].id", "must be in the vault's subscription", { "azure-native:location": "westeurope", "azure-native:subscriptionId": "6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f" }],
    ["os enumeration", () => { const f = baseFixture(); f.vms[0]!.os = "BSD"; return f; }, "vms[0].os", "must be one of Windows, Linux"],
    ["disks include or exclude, not both", () => { const f = baseFixture(); f.vms[0]!.disks = { include: [0], exclude: [1] }; return f; }, "vms[0].disks", "either include or exclude, not both"],
    ["disks need a selection", () => { const f = baseFixture(); f.vms[0]!.disks = {}; return f; }, "vms[0].disks", "needs include"],
    ["LUN range", () => { const f = baseFixture(); f.vms[0]!.disks = { exclude: [64] }; return f; }, "vms[0].disks.exclude[0]", "from 0 to 63 (got 64)"],
    ["no repeated LUNs", () => { const f = baseFixture(); f.vms[0]!.disks = { exclude: [1, 1] }; return f; }, "vms[0].disks.exclude", "lists LUN 1 more than once"],
    ["at most 32 disks", () => { const f = baseFixture(); f.vms[0]!.disks = { include: Array.from({ length: 32 }, (_, i) => i) }; return f; }, "vms[0].disks.include", "at most 32 disks"],
    ["at most 1000 VMs per vault", () => { const f = baseFixture(); f.vms = Array.from({ length: 1001 }, (_, i) => ({ id: vmId("rg", `vm${i}`), policy: "daily-standard" })); return f; }, "vms", "at most 1000 Azure VMs (got 1001)"],
  ];

  it.each(cases)("rejects: %s", (_rule, build, path, message, extra) => {
    const issues = issuesOf(build(), extra);
    const match = issues.find((i) => i.path === path && (typeof message === "string" ? i.message.includes(message) : message.test(i.message)));
    expect(match, `expected an issue at "${path}" containing "${message}", got:\n${issues.map((i) => `${i.path}: ${i.message}`).join("\n")}`).toBeDefined();
  });

  it("warns, without failing, when a policy protects more than 100 VMs", () => {
    const f = baseFixture();
    f.vms = Array.from({ length: 101 }, (_, i) => ({ id: vmId("rg", `vm${i}`), policy: "daily-standard" }));
    const { warnings } = loadConfig(toRaw(f));
    expect(warnings).toEqual([
      { path: "policies.daily-standard", message: expect.stringContaining("protects 101 VMs; the portal and PowerShell manage at most 100 per policy") },
    ]);
  });

  it("accepts exactly 100 VMs on one policy without a warning", () => {
    const f = baseFixture();
    f.vms = Array.from({ length: 100 }, (_, i) => ({ id: vmId("rg", `vm${i}`), policy: "daily-standard" }));
    expect(loadConfig(toRaw(f)).warnings).toEqual([]);
  });
});
