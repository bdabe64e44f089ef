import * as pulumi from "@pulumi/pulumi";
import { ProtectedItem } from "@pulumi/azure-native/recoveryservices";
import { keepsPolicy } from "../model/lifecycle";
import type { ProtectedVmModel } from "../model/protectedVm";

export interface ProtectedVmArgs {
  readonly vaultName: pulumi.Input<string>;
  readonly resourceGroupName: pulumi.Input<string>;
  /** ID of the policy the VM is backed up with; changing it updates the item in place. */
  readonly policyId: pulumi.Input<string>;
  readonly item: ProtectedVmModel;
  /**
   * Pulumi `protect`: deleting a protected item stops protection and deletes its recovery points,
   * so removing a VM from the configuration fails `pulumi up` instead. The item is also
   * `retainOnDelete`, so even once unprotected, Pulumi only forgets it: Azure keeps the item and
   * every recovery point (see README, "Removing a VM").
   */
  readonly protect: boolean;
}

/** Binds one Azure VM to a backup policy (the vault's protected item). */
export class ProtectedVm extends pulumi.ComponentResource {
  readonly protectedItemId: pulumi.Output<string>;

  constructor(name: string, args: ProtectedVmArgs, opts?: pulumi.ComponentResourceOptions) {
    super("azure-vm-backup:protection:ProtectedVm", name, {}, opts);
    const { item } = args;
    // Container and item names come from the VM alone (never the policy), so a policy change is an
    // in-place update of `policyId` and never a delete-and-recreate that would drop recovery points.
    const protectedItem = new ProtectedItem(
      `${name}-item`,
      {
        vaultName: args.vaultName,
        resourceGroupName: args.resourceGroupName,
        fabricName: item.fabricName,
        containerName: item.containerName,
        protectedItemName: item.protectedItemName,
        properties: {
          protectedItemType: "Microsoft.Compute/virtualMachines",
          sourceResourceId: item.vm.id,
          // ProtectionStopped keeps every point with no policy; the other states keep the policy.
          // Protected is the state a policyId gives (it also resumes a stopped item), so it is not sent.
          ...(keepsPolicy(item.protectionState) && { policyId: args.policyId }),
          ...(item.protectionState !== "Protected" && { protectionState: item.protectionState }),
          ...(item.diskExclusion && { extendedProperties: { diskExclusionProperties: item.diskExclusion } }),
        },
      },
      { parent: this, protect: args.protect, retainOnDelete: true },
    );
    this.protectedItemId = protectedItem.id;
    this.registerOutputs({ protectedItemId: this.protectedItemId });
  }
}
