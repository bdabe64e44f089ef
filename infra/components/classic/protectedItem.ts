import type * as pulumi from "@pulumi/pulumi";
import { ProtectedVM } from "@pulumi/azure/backup";
import { keepsPolicy } from "../../model/lifecycle";
import type { ProtectedVmModel } from "../../model/protectedVm";
import { classicProtectedVmInputs } from "../../providers/classic";
import type { ItemTarget } from "../protectedItem";

/**
 * One Azure VM bound to its policy on the classic provider (`backup.ProtectedVM`), with the same
 * logical name and lifecycle as the native item. Unlike the API, azurerm requires `backupPolicyId`
 * when it creates the item, even as ProtectionStopped (it protects the VM with the policy, then stops
 * protection), so a Stopped item still carries its policy; Azure stops returning it once stopped,
 * so later changes to it are ignored rather than shown as a perpetual diff.
 */
export function declareClassicProtectedItem(parent: pulumi.ComponentResource, item: ProtectedVmModel, target: ItemTarget): ProtectedVM {
  // The item's Azure name comes from the VM ID alone, so a policy change is an in-place update.
  return new ProtectedVM(
    `${item.key}-item`,
    { ...classicProtectedVmInputs(item, target.policyId), recoveryVaultName: target.vaultName, resourceGroupName: target.resourceGroupName },
    { parent, protect: target.protect, retainOnDelete: true, ...(!keepsPolicy(item.protectionState) && { ignoreChanges: ["backupPolicyId"] }) },
  );
}
