import type { VmRef } from "./resourceId";

/**
 * Names Azure Backup gives a protected VM (docs/configuration.md). They are derived from the VM's
 * resource group and name only, never from its policy, so changing a VM's policy updates the item
 * in place instead of deleting it and its recovery points.
 */
// Lower case, like the logical name: Azure compares these names case-insensitively, so the casing
// of a VM ID as written must not change them (a changed container name would replace the item).
// Items deployed before with mixed-case names keep them: ProtectedItem ignores changes to both.
export function protectionContainerName(vm: Pick<VmRef, "resourceGroupName" | "name">): string {
  return `iaasvmcontainer;iaasvmcontainerv2;${vm.resourceGroupName};${vm.name}`.toLowerCase();
}

export function protectedItemName(vm: Pick<VmRef, "resourceGroupName" | "name">): string {
  return `vm;iaasvmcontainerv2;${vm.resourceGroupName};${vm.name}`.toLowerCase();
}

/** Inputs a protected item keeps as first deployed: they differ only in casing for one URN (see above). */
export const CASE_ONLY_NAME_INPUTS = ["containerName", "protectedItemName"] as const;

export const BACKUP_FABRIC_NAME = "Azure";

/**
 * The Pulumi logical name of a VM's component: stable under reordering of `vms:` and under
 * changes of ID casing, because Pulumi keys state (and so recovery points) by it.
 */
export function vmLogicalName(vm: Pick<VmRef, "resourceGroupName" | "name">): string {
  return `${vm.resourceGroupName}/${vm.name}`.toLowerCase();
}
