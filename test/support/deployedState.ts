import type { RawStackConfig } from "../../infra/config/backupConfig";
import { defaultInventoryPath, inventoryInvokeHandler, readInventoryFile, type Inventory } from "../../infra/offline/engine/inventory";
import type { InvokeHandler } from "../../infra/offline/engine/mockEngine";
import { protectedItemName, protectionContainerName } from "../../infra/model/names";
import { nativePolicyProperties } from "../../infra/providers/nativePolicy";
import { parseVmId } from "../../infra/model/resourceId";
import { loadConfig } from "../../infra/validate/loadConfig";

const SUB = "6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f";
export const vaultIdOf = (rg: string, vault: string) => `/subscriptions/${SUB}/resourceGroups/${rg}/providers/Microsoft.RecoveryServices/vaults/${vault}`;

type Body = NonNullable<Inventory["protectedItems"]>[number];

/**
 * A protected item's GET body in the shape of Azure's REST example `Compute_ProtectedItem_Get.json`
 * (API 2024-10-01): Azure's casing of the container and item names, read-only fields included.
 */
export function itemBody(vmId: string, vault: { rg: string; name: string }, policyName: string | undefined, extra: Record<string, unknown> = {}): Body {
  const vm = parseVmId(vmId)!;
  const container = protectionContainerName(vm).replace(/^iaasvmcontainer;/, "IaasVMContainer;");
  const item = protectedItemName(vm).replace(/^vm;/, "VM;");
  return {
    id: `${vaultIdOf(vault.rg, vault.name)}/backupFabrics/Azure/protectionContainers/${container}/protectedItems/${item}`,
    name: item,
    type: "Microsoft.RecoveryServices/vaults/backupFabrics/protectionContainers/protectedItems",
    properties: {
      friendlyName: vm.name,
      virtualMachineId: vmId,
      protectionStatus: "Healthy",
      protectionState: "Protected",
      healthStatus: "Passed",
      lastBackupStatus: "Completed",
      protectedItemType: "Microsoft.Compute/virtualMachines",
      backupManagementType: "AzureIaasVM",
      workloadType: "VM",
      sourceResourceId: vmId,
      ...(policyName && { policyId: `${vaultIdOf(vault.rg, vault.name)}/backupPolicies/${policyName}`, policyName }),
      ...extra,
    },
  } as Body;
}

/**
 * What Azure holds after the given configuration was deployed: its policies as their GET bodies
 * (properties exactly as declared) and an item per explicit VM, on its policy, in the configured vault.
 */
export function deployedState(config: RawStackConfig): Pick<Inventory, "protectedItems" | "backupPolicies"> {
  const { config: c } = loadConfig(config);
  const only = c.vaults[0]!.settings;
  const vault = { rg: only.resourceGroupName, name: only.name };
  return {
    backupPolicies: Object.entries(c.policies).map(([name, p]) => ({
      id: `${vaultIdOf(vault.rg, vault.name)}/backupPolicies/${name}`,
      name,
      type: "Microsoft.RecoveryServices/vaults/backupPolicies",
      properties: { ...nativePolicyProperties(p), protectedItemsCount: 1 } as unknown as NonNullable<Inventory["backupPolicies"]>[number]["properties"],
    })),
    protectedItems: c.vms.map((vm) => itemBody(vm.id, vault, vm.policy)),
  };
}

/** The dev inventory's VMs plus the given backup sections. */
export function devInventoryWith(state: Pick<Inventory, "protectedItems" | "backupPolicies">): InvokeHandler {
  const base = readInventoryFile(defaultInventoryPath("dev"));
  return inventoryInvokeHandler({ file: "test", inventory: { ...base.inventory, ...state } });
}
