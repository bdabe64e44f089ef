import { describe, expect, it } from "vitest";
import { buildBackupModel } from "../../infra/model/backupModel";
import { loadConfig } from "../../infra/validate/loadConfig";
import { baseFixture, toRaw, vmId } from "../fixtures/stackConfig";

const daily = { schedule: { frequency: "Daily", time: "22:00" }, retention: { daily: 30 } };

function twoVaults() {
  const f = baseFixture();
  delete (f as { vault?: unknown }).vault;
  return loadConfig(
    toRaw({
      ...f,
      vaults: {
        weu: { name: "rsv-weu", resourceGroupName: "rg-weu", location: "westeurope", primary: true },
        neu: { name: "rsv-neu", resourceGroupName: "rg-neu", location: "northeurope" },
      },
      policies: { zeta: { ...daily, crashConsistentOnly: true, tier: "Enhanced", schedule: { frequency: "Hourly", time: "06:00", intervalHours: 4, windowHours: 16 } }, alpha: daily, spare: daily },
      vms: [
        { id: vmId("rg-app", "vm-b"), policy: "alpha", vault: "weu", os: "Windows" },
        { id: vmId("rg-app", "vm-a"), policy: "zeta", vault: "neu", os: "Windows" },
        { id: vmId("rg-app", "vm-c"), policy: "alpha", os: "Windows" },
      ],
      vmDefaults: { windowsReadiness: "check" },
    }),
  ).config;
}

describe("buildBackupModel", () => {
  it("puts each VM in its vault, sorted, with the primary vault holding every policy and the others those they use", () => {
    const config = twoVaults();
    const model = buildBackupModel(config, [{ path: "x", message: "w" }], { vaults: new Map([["rg-app/vm-c", "neu"]]) });
    expect(model.provider).toBe("native");
    expect(model.protect).toBe(true);
    expect(model.warnings).toEqual([{ path: "x", message: "w" }]);
    expect(model.policies.map((p) => p.name)).toEqual(["alpha", "spare", "zeta"]);
    expect(model.protectedVms.map((v) => v.key)).toEqual(["rg-app/vm-a", "rg-app/vm-b", "rg-app/vm-c"]);
    expect(model.vaults.map((v) => [v.key, v.primary, v.vault.name, v.policies.map((p) => p.componentName), v.protectedVms.map((i) => i.key)])).toEqual([
      ["neu", false, "rsv-neu", ["rsv-neu/alpha", "rsv-neu/zeta"], ["rg-app/vm-a", "rg-app/vm-c"]],
      ["weu", true, "rsv-weu", ["alpha", "spare", "zeta"], ["rg-app/vm-b"]],
    ]);
    expect(model.vaults[0]!.policies[1]!.policy).toBe(model.policies[2]);
  });

  it("passes the look-ups and the policy's crash-only flag to each VM", () => {
    const config = twoVaults();
    const facts = { id: vmId("rg-app", "vm-a"), location: "northeurope", os: "Linux", securityType: "Standard", powerState: "running", osDisk: {}, dataDisks: [], tags: {} } as const;
    const model = buildBackupModel(config, [], {
      vaults: new Map([["rg-app/vm-c", "weu"]]),
      facts: new Map([["rg-app/vm-a", facts]]),
      sources: new Map([["rg-app/vm-a", "selectors[0]"]]),
      backedUpLuns: new Map([["rg-app/vm-a", [0]]]),
      warnings: new Map([["rg-app/vm-a", [{ path: "vms[1]", message: "deallocated" }]]]),
      alreadyProtected: new Set(["rg-app/vm-a"]),
    });
    const a = model.protectedVms[0]!;
    expect(a).toMatchObject({ os: "Linux", location: "northeurope", source: "selectors[0]", backedUpLuns: [0], warnings: ["vms[1]: deallocated"], consistency: { mode: "crash" } });
    expect(a.inGuestChanges.azureBackupAddsNothing).toBe("already protected: Azure Backup made its changes at the VM's first backup");
    const b = model.protectedVms[1]!;
    expect(b).toMatchObject({ os: "Windows", source: "vms", consistency: { mode: "app" }, windowsReadiness: { mode: "check" } });
    expect(b.inGuestChanges.azureBackupAddsNothing).toBeUndefined();
  });

  it("sends every VM of a one-vault stack to that vault, and refuses a VM no routing placed", () => {
    const { config } = loadConfig(toRaw(baseFixture()));
    const model = buildBackupModel(config);
    expect(model.vaults.map((v) => [v.key, v.policies.map((p) => p.componentName), v.protectedVms.map((i) => i.key)])).toEqual([["vault", ["daily-standard"], ["rg-app/vm-web-01"]]]);
    const several = twoVaults();
    expect(() => buildBackupModel(several)).toThrow("rg-app/vm-c: no vault was chosen; applyVmFacts routes every VM before the model is built");
  });
});
