import * as pulumi from "@pulumi/pulumi";
import { VmBackupPolicy as PolicyResource } from "../components/vmBackupPolicy";
import type { PolicySettings } from "./args";
import { checkArgs } from "./checkArgs";
import type { StorageRedundancy } from "./enums";
import { standInVault } from "./standIns";

export interface VmBackupPolicyArgs {
  /** Name of the vault the policy goes in. */
  vaultName: pulumi.Input<string>;
  /** Resource group of the vault. */
  resourceGroupName: pulumi.Input<string>;
  /** Azure name of the policy. Default: the component's name. */
  policyName?: string;
  /** The policy, as one entry of the configuration's `policies`. */
  policy: PolicySettings;
  /** The vault's storage redundancy, for the rules that depend on it. Default GeoRedundant. */
  storageRedundancy?: StorageRedundancy;
  /** Protect the policy from deletion (it is also never deleted when removed: Pulumi only forgets it). Default true. */
  protect?: boolean;
}

/** One Azure VM backup policy (Standard or Enhanced), checked with the stack's rules; edits update it in place. */
export class VmBackupPolicy extends pulumi.ComponentResource {
  /** Name of the policy. */
  readonly policyName: pulumi.Output<string>;
  /** Resource ID of the policy. */
  readonly policyId: pulumi.Output<string>;

  constructor(name: string, args: VmBackupPolicyArgs, opts?: pulumi.ComponentResourceOptions) {
    const policyName = args.policyName ?? name;
    const vault = { ...standInVault(undefined), storageRedundancy: args.storageRedundancy };
    const { config } = checkArgs({ vault, policies: { [policyName]: args.policy }, protect: args.protect }, ["policies", "protect"]).loaded;
    super("azure-vm-backup:index:VmBackupPolicy", name, {}, opts);
    const policy = new PolicyResource(name, { vaultName: args.vaultName, resourceGroupName: args.resourceGroupName, policy: { name: policyName, config: config.policies[policyName]! }, protect: config.protect }, { parent: this });
    this.policyName = policy.policyName;
    this.policyId = policy.policyId;
    this.registerOutputs({ policyName: this.policyName, policyId: this.policyId });
  }
}
