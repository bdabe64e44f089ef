import { describe, expect, it } from "vitest";
import type { ConfiguredVault } from "../../infra/config/backupConfig";
import { policySchema, vaultSchema } from "../../infra/config/configSchema";
import type { VmEntry } from "../../infra/model/selectors";
import type { VmFacts, VmLookup } from "../../infra/model/vmFacts";
import { policiesInVault, routeVms, validateRoutedVaults, validateVaultReferences } from "../../infra/model/vaultRouting";
import { vmId } from "../fixtures/stackConfig";

// routeVms and the routed-vault rules on their own, without the look-ups of the stack.
const vault = (key: string, location: string, over: Record<string, unknown> = {}, primary = false): ConfiguredVault => ({
  key,
  path: `vaults.${key}`,
  settings: { ...vaultSchema.parse({ name: `rsv-${key}`, resourceGroupName: `rg-${key}`, ...over }), location },
  primary,
});
const WEU = vault("weu", "westeurope");
const NEU = vault("neu", "northeurope");
const WEU2 = vault("weu2", "westeurope");

const entry = (name: string, over: Partial<VmEntry["vm"]> = {}, source: VmEntry["source"] = "vms", path = "vms[0]"): VmEntry => ({
  path,
  source,
  vm: { id: vmId("rg-app", name), policy: "daily", protection: "Protected", extension: "auto", ...over },
});
const found = (name: string, location: string): [string, VmLookup] => [`rg-app/${name}`, { found: true, facts: { location } as VmFacts }];

describe("routeVms", () => {
  it("sends every VM of a one-vault stack to it, checking only a stated region", () => {
    const one = { ...WEU, path: "vault" };
    const result = routeVms([one], [entry("vm-1"), entry("vm-2", { location: "northeurope" }, "vms", "vms[1]"), entry("vm-3", { location: "West Europe" }, "vms", "vms[2]")], new Map([found("vm-1", "northeurope")]));
    expect([...result.vaultOf]).toEqual([["rg-app/vm-1", "weu"], ["rg-app/vm-2", "weu"], ["rg-app/vm-3", "weu"]]);
    expect(result.issues).toEqual([{ path: "vms[1].location", message: "is northeurope but the vault is in westeurope; a VM can only be backed up to a vault in its own region" }]);
    expect(result.warnings).toEqual([]);
  });

  it("routes by the looked-up region, else the stated one, to the one vault there", () => {
    const result = routeVms([WEU, NEU], [entry("vm-1"), entry("vm-2", { location: "northeurope" })], new Map([found("vm-1", "West Europe")]));
    expect([...result.vaultOf]).toEqual([["rg-app/vm-1", "weu"], ["rg-app/vm-2", "neu"]]);
    expect(result.issues).toEqual([]);
  });

  it("follows a pinned vault, checking a stated region against it, and skips an unknown key", () => {
    const result = routeVms([WEU, NEU], [entry("vm-1", { vault: "neu", location: "westeurope" }), entry("vm-2", { vault: "nope" })], new Map());
    expect([...result.vaultOf]).toEqual([["rg-app/vm-1", "neu"]]);
    expect(result.issues).toEqual([{ path: "vms[0].location", message: "is westeurope but the vault neu is in northeurope; a VM can only be backed up to a vault in its own region" }]);
  });

  it("reports a stated region that disagrees with Azure's", () => {
    expect(routeVms([WEU, NEU], [entry("vm-1", { location: "northeurope" })], new Map([found("vm-1", "westeurope")])).issues).toEqual([
      { path: "vms[0].location", message: "says northeurope but Azure reports westeurope; remove location or correct it" },
    ]);
  });

  it("reports a VM with no region, a region without a vault and one with two, per entry or per selector", () => {
    const result = routeVms(
      [WEU, NEU, WEU2],
      [entry("vm-1"), entry("vm-2", { location: "eastus" }, "vms", "vms[1]"), entry("vm-3", {}, "selector", "selectors[0]")],
      new Map([{ found: false as const, reason: "not found" }].map((l) => ["rg-app/vm-1", l] as [string, VmLookup]).concat([found("vm-3", "westeurope")])),
    );
    expect(result.vaultOf.size).toBe(0);
    expect(result.issues).toEqual([
      { path: "vms[0].id", message: "could not be looked up and states no region, so no vault can be chosen for it: state location: <region> or vault: <key> (vaults: weu (westeurope), neu (northeurope), weu2 (westeurope))" },
      { path: "vms[1].id", message: "is VM vm-2 in region eastus, where this stack has no vault (vaults: weu (westeurope), neu (northeurope), weu2 (westeurope)); add a vault in eastus under vaults, or remove the VM" },
      { path: "selectors[0]", message: `matches VM ${vmId("rg-app", "vm-3")}, which is VM vm-3 in region westeurope, where this stack has 2 vaults (weu, weu2); choose one with vault: weu | weu2` },
    ]);
    expect(routeVms([WEU, WEU2], [entry("vm-1", { location: "westeurope" })], new Map()).issues.map((i) => i.path)).toEqual(["vms[0].vault"]);
  });
});

describe("validateVaultReferences", () => {
  it("checks vault keys only in a stack with several vaults", () => {
    expect(validateVaultReferences([{ index: 0, vm: { vault: "weu" } }, { index: 1, vm: { vault: "xyz" } }, { index: 2, vm: {} }], [{ index: 0, selector: { vault: "abc" } }], [WEU, NEU], true)).toEqual([
      { path: "vms[1].vault", message: 'must be one of the vault keys: weu, neu (got "xyz")' },
      { path: "selectors[0].vault", message: 'must be one of the vault keys: weu, neu (got "abc")' },
    ]);
    expect(validateVaultReferences([{ index: 0, vm: { vault: "weu" } }], [], [WEU], false)).toEqual([
      { path: "vms[0].vault", message: 'names a vault of vaults, but this stack configures one vault under vault; remove it (got "weu")' },
    ]);
  });
});

describe("validateRoutedVaults", () => {
  const daily = policySchema.parse({ schedule: { frequency: "Daily", time: "22:00" }, retention: { daily: 30, monthly: { count: 12, weeks: ["First"], days: ["Sunday"] } }, tiering: { mode: "TierRecommended" } });
  const plain = policySchema.parse({ schedule: { frequency: "Daily", time: "22:00" }, retention: { daily: 30 } });

  it("rejects archive tiering in a zone-redundant vault that holds the policy", () => {
    const zrs = vault("zrs", "westeurope", { storageRedundancy: "ZoneRedundant" }, true);
    const vaultOf = new Map([["rg-app/vm-1", "zrs"]]);
    expect(validateRoutedVaults([zrs], [entry("vm-1")], vaultOf, { daily, unused: plain }).issues).toEqual([
      { path: "policies.daily.tiering.mode", message: "archive tiering is not available on ZoneRedundant vaults, and vaults.zrs is ZoneRedundant and holds this policy: use DoNotTier, or keep the policy out of that vault" },
    ]);
    const notTiered = policySchema.parse({ ...daily, tiering: { mode: "DoNotTier" } });
    expect(validateRoutedVaults([zrs], [entry("vm-1")], vaultOf, { daily: notTiered }).issues).toEqual([]);
    expect(validateRoutedVaults([{ ...zrs, primary: false }], [entry("vm-1", { policy: "plain" })], new Map([["rg-app/vm-1", "zrs"]]), { daily, plain }).issues).toEqual([]);
  });

  it("warns of unused policies and of names that change when no vault is primary", () => {
    const result = validateRoutedVaults([WEU, NEU], [entry("vm-1")], new Map([["rg-app/vm-1", "weu"]]), { daily: plain, spare: plain });
    expect(result.warnings).toEqual([
      { path: "policies.spare", message: "no VM uses it and no vault is primary, so no vault creates it (a vault other than the primary one gets the policies its VMs use)" },
      {
        path: "vaults",
        message: "no vault is primary, so every policy component is named <vault name>/<policy>; if this stack had one vault before, mark that vault primary: true, or its policies' URNs change (Pulumi would replace them)",
      },
    ]);
    expect(validateRoutedVaults([{ ...WEU, primary: true }, NEU], [entry("vm-1")], new Map([["rg-app/vm-1", "weu"]]), { daily: plain, spare: plain }).warnings).toEqual([]);
    expect(validateRoutedVaults([WEU], [entry("vm-1")], new Map([["rg-app/vm-1", "weu"]]), { daily: plain }).warnings).toEqual([]);
  });

  it("ignores a selector's Suspended VM and VMs with no vault", () => {
    const disabled = vault("weu", "westeurope", { immutability: "Disabled" }, true);
    expect(validateRoutedVaults([disabled], [entry("vm-1", { protection: "Suspended" }, "selector", "selectors[0]"), entry("vm-2", { protection: "Suspended" })], new Map([["rg-app/vm-1", "weu"]]), { daily: plain }).issues).toEqual([]);
  });
});

describe("policiesInVault", () => {
  it("gives the primary vault every policy and another only those its VMs use", () => {
    expect(policiesInVault({ primary: true }, ["a", "b"], new Set())).toEqual(["a", "b"]);
    expect(policiesInVault({ primary: false }, ["a", "b"], new Set(["b", "c"]))).toEqual(["b"]);
  });
});
