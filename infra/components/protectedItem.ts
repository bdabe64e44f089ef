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

/** A VM's ID and item names when they are outputs (a VM declared in the same program). */
export interface ItemIds {
  readonly sourceResourceId: pulumi.Input<string>;
  readonly containerName: pulumi.Input<string>;
  readonly protectedItemName: pulumi.Input<string>;
}

/**
 * Binds one Azure VM to its backup policy (the vault's protected item). Its logical name is the VM's
 * key, so its URN never depends on the policy, the other VMs or their order.
 */
export function declareProtectedItem(parent: pulumi.ComponentResource, item: ProtectedVmModel, target: ItemTarget, ids?: ItemIds): ProtectedItem {
  // Container and item names come from the VM alone (never the policy), so a policy change is an
  // in-place update of `policyId` and never a delete-and-recreate that would drop recovery points.
  return new ProtectedItem(
    `${item.key}-item`,
    withIds(nativeProtectedItemInputs(item, target.policyId), target, ids),
    // For one URN the names can differ only in casing (0.1 kept the ID's casing): keep what is deployed.
    { parent, protect: target.protect, retainOnDelete: true, ignoreChanges: [...CASE_ONLY_NAME_INPUTS], ...(item.importId && { import: item.importId }) },
  );
}

/**
 * The adapter's inputs, with the names and source VM a library user's same-program VM only knows as
 * outputs (`ids`) in place of the model's.
 */
function withIds<T extends ReturnType<typeof nativeProtectedItemInputs<pulumi.Input<string>>>>(inputs: T, target: ItemTarget, ids?: ItemIds) {
  return {
    ...inputs,
    vaultName: target.vaultName,
    resourceGroupName: target.resourceGroupName,
    containerName: ids?.containerName ?? inputs.containerName,
    protectedItemName: ids?.protectedItemName ?? inputs.protectedItemName,
    properties: { ...inputs.properties, sourceResourceId: ids?.sourceResourceId ?? inputs.properties.sourceResourceId },
  };
}
