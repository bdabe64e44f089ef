import * as pulumi from "@pulumi/pulumi";
import { ProtectedVM } from "@pulumi/azure/backup";
import { toClassicProtectedVmArgs } from "../../model/classicShapes";
import { keepsPolicy } from "../../model/lifecycle";
import type { ProtectedVmModel } from "../../model/protectedVm";

export interface ClassicProtectedVmArgs {
  readonly vaultName: pulumi.Input<string>;
  readonly resourceGroupName: pulumi.Input<string>;
  /** ID of the policy; changing it updates the item in place. */
  readonly policyId: pulumi.Input<string>;
  readonly item: ProtectedVmModel;
  /**
   * Pulumi `protect`: deleting a protected item stops protection and deletes its recovery points.
   * The item is also `retainOnDelete`, as on the native renderer (README, "Removing a VM").
   */
  readonly protect: boolean;
}

/**
 * One Azure VM bound to a policy on the classic provider (`backup.ProtectedVM`), with the same
 * lifecycle as the native item: Stopped sends no policy, Suspended keeps it.
 */
export class ClassicProtectedVm extends pulumi.ComponentResource {
  readonly protectedItemId: pulumi.Output<string>;

  constructor(name: string, args: ClassicProtectedVmArgs, opts?: pulumi.ComponentResourceOptions) {
    super("azure-vm-backup:protection:ProtectedVm", name, {}, opts);
    const state = args.item.protectionState;
    // The item's Azure name comes from the VM ID alone, so a policy change is an in-place update.
    const item = new ProtectedVM(
      `${name}-item`,
      {
        ...toClassicProtectedVmArgs(args.item),
        recoveryVaultName: args.vaultName,
        resourceGroupName: args.resourceGroupName,
        ...(keepsPolicy(state) && { backupPolicyId: args.policyId }),
        ...(state !== "Protected" && { protectionState: state }),
      },
      { parent: this, protect: args.protect, retainOnDelete: true },
    );
    this.protectedItemId = item.id;
    this.registerOutputs({ protectedItemId: this.protectedItemId });
  }
}
