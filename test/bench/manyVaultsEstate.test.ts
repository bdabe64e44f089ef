import { describe, expect, it } from "vitest";
import { syntheticInventory, syntheticStackConfig } from "../../bench/syntheticEstate";
import { inventoryInvokeHandler } from "../../infra/offline/engine/inventory";
import { runProgram } from "../../infra/offline/engine/runProgram";

// The multi-vault bench case plans what it claims: N vaults in N regions, each VM routed by its region.
describe("benchmark estate of several vaults", () => {
  it("plans 5 vaults of 20 VMs, each item in the vault of its VM's region with that vault's policy", async () => {
    const config = syntheticStackConfig(20, "native", false, 5);
    const run = await runProgram({ config, invoke: inventoryInvokeHandler({ inventory: syntheticInventory(20, 5) }) });
    const vaults = run.resources.filter((r) => r.type === "azure-native:recoveryservices:Vault");
    expect(vaults.map((v) => v.inputs.location)).toEqual(["westeurope", "northeurope", "francecentral", "germanywestcentral", "swedencentral"]);
    const items = run.resources.filter((r) => r.type === "azure-native:recoveryservices:ProtectedItem");
    expect(items).toHaveLength(100);
    const perVault = new Map<string, number>();
    for (const item of items) {
      const vault = String(item.inputs.vaultName);
      perVault.set(vault, (perVault.get(vault) ?? 0) + 1);
      expect(String((item.inputs.properties as { policyId: string }).policyId)).toContain(`/vaults/${vault}/backupPolicies/`);
    }
    expect([...perVault.values()]).toEqual([20, 20, 20, 20, 20]);
    expect(run.resources.filter((r) => r.type === "azure-native:recoveryservices:ProtectionPolicy")).toHaveLength(5 * 4);
  });
});
