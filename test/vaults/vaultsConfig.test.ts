import { describe, expect, it } from "vitest";
import { ConfigError } from "../../infra/config/configError";
import type { ConfiguredVault } from "../../infra/config/backupConfig";
import { loadConfig } from "../../infra/validate/loadConfig";
import { policyComponentName, validateRoutedVaults } from "../../infra/model/vaultRouting";
import type { VmEntry } from "../../infra/model/selectors";
import { baseFixture, toRaw, vmId, type ConfigFixture } from "../fixtures/stackConfig";

function issuesOf(fixture: ConfigFixture): string[] {
  try {
    loadConfig(toRaw(fixture));
  } catch (err) {
    if (err instanceof ConfigError) return err.issues.map((i) => `${i.path}: ${i.message}`);
    throw err;
  }
  return [];
}

function withVaults(vaults: Record<string, unknown>): ConfigFixture {
  const fixture: ConfigFixture = { ...baseFixture(), vaults };
  delete fixture.vault;
  return fixture;
}

describe("vaults configuration", () => {
  it("reads every vault with its region, sorted by key, the only vault primary by default", () => {
    const one = loadConfig(toRaw(withVaults({ main: { name: "rsv-a", resourceGroupName: "rg-a" } }))).config;
    expect(one.vaults.map((v) => [v.key, v.path, v.settings.location, v.primary])).toEqual([["main", "vaults.main", "westeurope", true]]);
    const two = loadConfig(toRaw(withVaults({
      b: { name: "rsv-b", resourceGroupName: "rg-b", location: "northeurope" },
      a: { name: "rsv-a", resourceGroupName: "rg-a", primary: true },
    }))).config;
    expect(two.vaults.map((v) => [v.key, v.settings.location, v.primary])).toEqual([["a", "westeurope", true], ["b", "northeurope", false]]);
  });

  it("rejects vault and vaults together", () => {
    expect(issuesOf({ ...baseFixture(), vaults: { a: { name: "rsv-a", resourceGroupName: "rg-a" } } })).toEqual([
      "vaults: is given together with vault; configure one vault under vault or every vault under vaults, not both",
    ]);
  });

  it("reports each vault's mistakes by its key, and names and resource groups used twice", () => {
    expect(issuesOf(withVaults({
      a: { name: "rsv-a", resourceGroupName: "rg-a", storageRedundancy: "LocallyRedundant", crossRegionRestore: true, primary: true },
      b: { name: "RSV-A", resourceGroupName: "rg-a", location: "northeurope", primary: true },
      "9x": { name: "rsv-c", resourceGroupName: "rg-c", softDelete: "sometimes" },
    }))).toEqual([
      'vaults.9x: vault keys must be 1-40 letters, digits, - or _, starting with a letter (got "9x")',
      'vaults.9x.softDelete: must be one of AlwaysOn, Enabled, Disabled (got "sometimes")',
      "vaults.a.crossRegionRestore: needs storageRedundancy GeoRedundant (got LocallyRedundant); set crossRegionRestore: false or use GeoRedundant",
      "vaults.b.name: RSV-A is also the name of vaults.a; each vault needs its own name (it names the vault's Pulumi components)",
      "vaults.b.primary: only one vault can be primary, and vaults.a is too",
      "vaults.b.resourceGroupName: rg-a is also the resourceGroupName of vaults.a; the stack creates one resource group per vault: give each vault its own",
    ]);
  });

  it("checks vms[].vault and selectors[].vault against the vault keys", () => {
    const f = withVaults({ a: { name: "rsv-a", resourceGroupName: "rg-a" }, b: { name: "rsv-b", resourceGroupName: "rg-b", location: "northeurope" } });
    f.vms = [{ id: vmId("rg-app", "vm-1"), policy: "daily-standard", vault: "c" }];
    f.selectors = [{ tags: { backup: "gold" }, policy: "daily-standard", vault: "a" }];
    expect(issuesOf(f)).toEqual(['vms[0].vault: must be one of the vault keys: a, b (got "c")']);
    const single = baseFixture();
    single.vms[0]!.vault = "a";
    expect(issuesOf(single)).toEqual(['vms[0].vault: names a vault of vaults, but this stack configures one vault under vault; remove it (got "a")']);
  });

  it("does not count the VMs of a stack with several vaults against one vault's limit before they are routed", () => {
    const f = withVaults({ a: { name: "rsv-a", resourceGroupName: "rg-a" }, b: { name: "rsv-b", resourceGroupName: "rg-b", location: "northeurope" } });
    f.vms = Array.from({ length: 1200 }, (_, i) => ({ id: vmId("rg-app", `vm-${i}`), policy: "daily-standard", os: "Linux" }));
    expect(issuesOf(f)).toEqual([]);
  });
});

describe("limits per vault, once routed", () => {
  const vault = (key: string, extra: Record<string, unknown> = {}): ConfiguredVault => ({
    key,
    path: `vaults.${key}`,
    primary: key === "a",
    settings: { name: `rsv-${key}`, resourceGroupName: `rg-${key}`, location: "westeurope", storageRedundancy: "GeoRedundant", crossRegionRestore: false, softDelete: "AlwaysOn", softDeleteRetentionDays: 14, immutability: "Unlocked", publicNetworkAccess: "Disabled", jobFailureAlerts: true, ...extra },
  });
  const entry = (i: number, policy = "p"): VmEntry => ({ path: `vms[${i}]`, source: "vms", vm: { id: vmId("rg", `vm-${i}`), policy, protection: "Protected", extension: "auto" } });
  const policies = { p: { tier: "Standard", schedule: { frequency: "Daily", time: "22:00" }, timeZone: "UTC", crashConsistentOnly: false, retention: { daily: 30 } } } as never;

  it("allows 1,000 VMs in each of two vaults and rejects 1,001 in one, naming the vault", () => {
    const entries = Array.from({ length: 2001 }, (_, i) => entry(i));
    const vaultOf = new Map(entries.map((_, i) => [`rg/vm-${i}`, i < 1001 ? "a" : "b"]));
    const { issues, warnings } = validateRoutedVaults([vault("a"), vault("b")], entries, vaultOf, policies);
    expect(issues).toEqual([{
      path: "vaults.a",
      message: "protects 1001 VMs (listed and matched by selectors, routed by region); a vault protects at most 1000 Azure VMs: add a vault in the region and route VMs to it with vault: <key>",
    }]);
    expect(warnings.map((w) => w.message)).toEqual([
      "protects 1001 VMs in vault a; the portal and PowerShell manage at most 100 per policy (the API and CLI accept more): consider splitting it",
      "protects 1000 VMs in vault b; the portal and PowerShell manage at most 100 per policy (the API and CLI accept more): consider splitting it",
    ]);
  });

  it("counts 100 per policy in each vault, not across vaults", () => {
    const entries = Array.from({ length: 200 }, (_, i) => entry(i));
    const vaultOf = new Map(entries.map((_, i) => [`rg/vm-${i}`, i < 100 ? "a" : "b"]));
    expect(validateRoutedVaults([vault("a"), vault("b")], entries, vaultOf, policies)).toEqual({ issues: [], warnings: [] });
  });

  it("rejects Suspended in a vault without immutability, naming that vault", () => {
    const e = { ...entry(0), vm: { ...entry(0).vm, protection: "Suspended" as const } };
    const { issues } = validateRoutedVaults([vault("a"), vault("b", { immutability: "Disabled" })], [e], new Map([["rg/vm-0", "b"]]), policies);
    expect(issues.map((i) => i.path)).toEqual(["vms[0].protection"]);
    expect(issues[0]!.message).toContain("vaults.b.immutability Unlocked or Locked");
  });

  it("names policy components: plain in the primary vault, prefixed with the vault's name elsewhere", () => {
    expect(policyComponentName("daily", vault("a"))).toBe("daily");
    expect(policyComponentName("daily", vault("b"))).toBe("rsv-b/daily");
  });
});
