import type * as pulumi from "@pulumi/pulumi";
import { ProtectedItem } from "@pulumi/azure-native/recoveryservices";
import { CASE_ONLY_NAME_INPUTS } from "../model/names";
import type { ProtectedVmModel } from "../model/protectedVm";
import { nativeProtectedItemInputs } from "../providers/native";

/** Where one VM's protected item goes, on either renderer. */
export interface ItemTarget {
  readonly vaultName: pulumi.Input<string>;
  readonly resourceGroupName: pulumi.Input<string>;
  /** ID of the policy the VM is backed up with; changing it updates the item in place. */
  readonly policyId: pulumi.Input<string>;
  /** Pulumi `protect` (see ProtectedVmsArgs.protect); items are always `retainOnDelete`. */
  readonly protect: boolean;
}

/**
 * Binds one Azure VM to its backup policy (the vault's protected item). Its logical name is the VM's
 * key, so its URN never depends on the policy, the other VMs or their order.
 */
export function declareProtectedItem(parent: pulumi.ComponentResource, item: ProtectedVmModel, target: ItemTarget): ProtectedItem {
  // Container and item names come from the VM alone (never the policy), so a policy change is an
  // in-place update of `policyId` and never a delete-and-recreate that would drop recovery points.
  return new ProtectedItem(
    `${item.key}-item`,
    { ...nativeProtectedItemInputs(item, target.policyId), vaultName: target.vaultName, resourceGroupName: target.resourceGroupName },
    // For one URN the names can differ only in casing (0.1 kept the ID's casing): keep what is deployed.
    { parent, protect: target.protect, retainOnDelete: true, ignoreChanges: [...CASE_ONLY_NAME_INPUTS], ...(item.importId && { import: item.importId }) },
  );
}
