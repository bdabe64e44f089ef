import * as pulumi from "@pulumi/pulumi";
import { ProtectedVM } from "@pulumi/azure/backup";
import { toClassicProtectedVmArgs } from "../../model/classicShapes";
import type { ProtectedVmModel } from "../../model/protectedVm";

export interface ClassicProtectedVmArgs {
  readonly vaultName: pulumi.Input<string>;
  readonly resourceGroupName: pulumi.Input<string>;
  /** ID of the policy; changing it updates the item in place. */
  readonly policyId: pulumi.Input<string>;
  readonly item: ProtectedVmModel;
  /** `ProtectionStopped` or `BackupsSuspended`; unset keeps the item protected. */
  readonly protectionState?: "ProtectionStopped" | "BackupsSuspended";
  /** Pulumi `protect`: deleting a protected item stops protection and deletes its recovery points. */
  readonly protect: boolean;
}

/**
 * One Azure VM bound to a policy on the classic provider (`backup.ProtectedVM`). The VM-side resources
 * of a VM (`compute.Extension`, `compute.RunCommand`) belong in this component as further children:
 * classic resources carry no type aliases, so parenting them here costs nothing.
 */
export class ClassicProtectedVm extends pulumi.ComponentResource {
  readonly protectedItemId: pulumi.Output<string>;

  constructor(name: string, args: ClassicProtectedVmArgs, opts?: pulumi.ComponentResourceOptions) {
    super("azure-vm-backup:protection:ProtectedVm", name, {}, opts);
    // The item's Azure name comes from the VM ID alone, so a policy change is an in-place update.
    const item = new ProtectedVM(
      `${name}-item`,
      {
        ...toClassicProtectedVmArgs(args.item),
        recoveryVaultName: args.vaultName,
        resourceGroupName: args.resourceGroupName,
        backupPolicyId: args.policyId,
        ...(args.protectionState && { protectionState: args.protectionState }),
      },
      { parent: this, protect: args.protect },
    );
    this.protectedItemId = item.id;
    this.registerOutputs({ protectedItemId: this.protectedItemId });
  }
}
