import * as pulumi from "@pulumi/pulumi";
import { PolicyVM } from "@pulumi/azure/backup";
import type { PolicyModel } from "../../model/backupModel";
import { classicPolicyInputs } from "../../providers/classic";

export interface ClassicVmBackupPolicyArgs {
  readonly vaultName: pulumi.Input<string>;
  readonly resourceGroupName: pulumi.Input<string>;
  readonly policy: PolicyModel;
  /** Pulumi `protect`; always `retainOnDelete` (see VmBackupPolicyArgs). */
  readonly protect: boolean;
}

/** One VM backup policy on the classic provider (`backup.PolicyVM`); its name is the configured key. */
export class ClassicVmBackupPolicy extends pulumi.ComponentResource {
  readonly policyName: pulumi.Output<string>;
  readonly policyId: pulumi.Output<string>;

  constructor(name: string, args: ClassicVmBackupPolicyArgs, opts?: pulumi.ComponentResourceOptions) {
    super("azure-vm-backup:policy:VmBackupPolicy", name, {}, opts);
    const policy = new PolicyVM(
      `${name}-policy`,
      { ...classicPolicyInputs(args.policy), recoveryVaultName: args.vaultName, resourceGroupName: args.resourceGroupName },
      { parent: this, protect: args.protect, retainOnDelete: true },
    );
    this.policyName = policy.name;
    this.policyId = policy.id;
    this.registerOutputs({ policyName: this.policyName, policyId: this.policyId });
  }
}
