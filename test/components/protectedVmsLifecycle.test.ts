import { describe, expect, it } from "vitest";
import { inventoryInvokeHandler } from "../../infra/offline/engine/inventory";
import { runProgram } from "../../infra/offline/engine/runProgram";
import { baseInventory, toRaw, vmSideKeys } from "../fixtures/vmSide";

async function items(protection: string | undefined, extra: Record<string, unknown> = {}) {
  const keys = { ...vmSideKeys(), ...extra };
  keys.vms = [{ ...keys.vms[0], ...(protection && { protection }) }];
  const run = await runProgram({ config: toRaw(keys), invoke: inventoryInvokeHandler({ inventory: baseInventory() }) });
  return run.resources.filter((r) => r.type === "azure-native:recoveryservices:ProtectedItem");
}
const POLICY_ID = "/subscriptions/6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f/resourceGroups/rg-backup/providers/Microsoft.RecoveryServices/vaults/rsv-test/backupPolicies/daily-standard";

describe("ProtectedVms lifecycle", () => {
  it("Protected (default) binds the policy and sends no protectionState", async () => {
    const [item] = await items(undefined);
    expect(item!.inputs.properties).toEqual({
      protectedItemType: "Microsoft.Compute/virtualMachines",
      sourceResourceId: "/subscriptions/6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f/resourceGroups/rg-app/providers/Microsoft.Compute/virtualMachines/vm-win-01",
      policyId: POLICY_ID,
    });
  });

  it("Stopped stops backups and keeps every recovery point: ProtectionStopped with no policy", async () => {
    const [item] = await items("Stopped");
    expect(item!.inputs.properties).toEqual({
      protectedItemType: "Microsoft.Compute/virtualMachines",
      sourceResourceId: "/subscriptions/6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f/resourceGroups/rg-app/providers/Microsoft.Compute/virtualMachines/vm-win-01",
      protectionState: "ProtectionStopped",
    });
  });

  it("Suspended keeps the policy's retention: BackupsSuspended with the policy", async () => {
    const [item] = await items("Suspended");
    expect(item!.inputs.properties).toMatchObject({ protectionState: "BackupsSuspended", policyId: POLICY_ID });
  });

  it("keeps the same item name in every state, so changing state updates in place", async () => {
    const names = await Promise.resolve().then(async () => [
      (await items("Protected"))[0]!.urn,
      (await items("Stopped"))[0]!.urn,
      (await items("Suspended"))[0]!.urn,
    ]);
    expect(new Set(names).size).toBe(1);
  });

  it("never deletes recovery points when a VM leaves the configuration: protect blocks the delete and retainOnDelete keeps Azure's item", async () => {
    const [item] = await items(undefined);
    expect([item!.protect, item!.retainOnDelete]).toEqual([true, true]);
  });

  it("keeps retainOnDelete even when the stack opts out of protect", async () => {
    const [item] = await items(undefined, { protect: false });
    expect([item!.protect, item!.retainOnDelete]).toEqual([false, true]);
  });
});
