import * as pulumi from "@pulumi/pulumi";
import { ProtectionPolicy } from "@pulumi/azure-native/recoveryservices";
import type { PolicyModel } from "../model/backupModel";
import { nativePolicyInputs } from "../providers/native";

export interface VmBackupPolicyArgs {
  readonly vaultName: pulumi.Input<string>;
  readonly resourceGroupName: pulumi.Input<string>;
  /** The validated policy: V1 (Standard) or V2 (Enhanced) schedule, retention, instant restore, tiering. */
  readonly policy: PolicyModel;
  /**
   * Pulumi `protect` (the stack's `protect` setting). Policies are also always `retainOnDelete`: a removed or
   * renamed policy key is forgotten, never deleted, so its items keep their policy and their points.
   */
  readonly protect: boolean;
}

/** One Azure VM backup policy in the vault. Edits update it in place: its name is the configured key. */
export class VmBackupPolicy extends pulumi.ComponentResource {
  readonly policyName: pulumi.Output<string>;
  readonly policyId: pulumi.Output<string>;

  constructor(name: string, args: VmBackupPolicyArgs, opts?: pulumi.ComponentResourceOptions) {
    super("azure-vm-backup:policy:VmBackupPolicy", name, {}, opts);
    const policy = new ProtectionPolicy(
      `${name}-policy`,
      { ...nativePolicyInputs(args.policy), vaultName: args.vaultName, resourceGroupName: args.resourceGroupName },
      { parent: this, protect: args.protect, retainOnDelete: true, ...(args.policy.config.importId && { import: args.policy.config.importId }) },
    );
    this.policyName = policy.name;
    this.policyId = policy.id;
    this.registerOutputs({ policyName: this.policyName, policyId: this.policyId });
  }
}
