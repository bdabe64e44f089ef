import type { VmRef } from "./resourceId";

/**
 * Names Azure Backup gives a protected VM (CONTRACT section 2). They are derived from the VM's
 * resource group and name only, never from its policy, so changing a VM's policy updates the item
 * in place instead of deleting it and its recovery points.
 */
export function protectionContainerName(vm: Pick<VmRef, "resourceGroupName" | "name">): string {
  return `iaasvmcontainer;iaasvmcontainerv2;${vm.resourceGroupName};${vm.name}`;
}

export function protectedItemName(vm: Pick<VmRef, "resourceGroupName" | "name">): string {
  return `vm;iaasvmcontainerv2;${vm.resourceGroupName};${vm.name}`;
}

export const BACKUP_FABRIC_NAME = "Azure";

/**
 * The Pulumi logical name of a VM's component: stable under reordering of `vms:` and under
 * changes of ID casing, because Pulumi keys state (and so recovery points) by it.
 */
export function vmLogicalName(vm: Pick<VmRef, "resourceGroupName" | "name">): string {
  return `${vm.resourceGroupName}/${vm.name}`.toLowerCase();
}
