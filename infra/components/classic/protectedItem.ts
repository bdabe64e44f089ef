import type * as pulumi from "@pulumi/pulumi";
import { ProtectedVM } from "@pulumi/azure/backup";
import { toClassicProtectedVmArgs } from "../../model/classicShapes";
import { keepsPolicy } from "../../model/lifecycle";
import type { ProtectedVmModel } from "../../model/protectedVm";
import type { ItemTarget } from "../protectedItem";

/**
 * One Azure VM bound to its policy on the classic provider (`backup.ProtectedVM`), with the same
 * logical name and lifecycle as the native item: Stopped sends no policy, Suspended keeps it.
 */
export function declareClassicProtectedItem(parent: pulumi.ComponentResource, item: ProtectedVmModel, target: ItemTarget): ProtectedVM {
  const state = item.protectionState;
  // The item's Azure name comes from the VM ID alone, so a policy change is an in-place update.
  return new ProtectedVM(
    `${item.key}-item`,
    {
      ...toClassicProtectedVmArgs(item),
      recoveryVaultName: target.vaultName,
      resourceGroupName: target.resourceGroupName,
      ...(keepsPolicy(state) && { backupPolicyId: target.policyId }),
      ...(state !== "Protected" && { protectionState: state }),
    },
    { parent, protect: target.protect, retainOnDelete: true },
  );
}
