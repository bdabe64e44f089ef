import * as pulumi from "@pulumi/pulumi";
import type { ProtectedVmModel } from "../model/protectedVm";
import { declareProtectedItem, type ItemTarget } from "./protectedItem";

export interface ProtectedVmsArgs {
  readonly vaultName: pulumi.Input<string>;
  readonly resourceGroupName: pulumi.Input<string>;
  /** Policy ID by policy name; moving a VM to another policy updates its item in place. */
  readonly policyIds: ReadonlyMap<string, pulumi.Input<string>>;
  /** Every protected VM of the vault. */
  readonly items: readonly ProtectedVmModel[];
  /**
   * Pulumi `protect`: deleting a protected item stops protection and deletes its recovery points,
   * so removing a VM from the configuration fails `pulumi up` instead. Items are also
   * `retainOnDelete`, so even once unprotected, Pulumi only forgets them: Azure keeps the item and
   * every recovery point (see README, "Removing a VM").
   */
  readonly protect: boolean;
}

/** Where a VM's item goes: the vault and its policy's ID (buildBackupModel only binds VMs to declared policies). */
export function itemTarget(args: ProtectedVmsArgs, item: ProtectedVmModel): ItemTarget {
  const policyId = args.policyIds.get(item.policyName);
  if (policyId === undefined) throw new Error(`${item.key}: policy ${item.policyName} is not declared; buildBackupModel rejects this before rendering`);
  return { vaultName: args.vaultName, resourceGroupName: args.resourceGroupName, policyId, protect: args.protect };
}

/**
 * Every protected item of one vault, under one component named after the vault. One component per
 * vault rather than per VM: the SDK's cost of a component (~0.4 ms and its promises under mocks)
 * was most of the project's overhead at 1,000 VMs (README, "Performance"). Each item keeps its own
 * VM-keyed logical name, so adding, removing or reordering VMs touches only their own items.
 */
export class ProtectedVms extends pulumi.ComponentResource {
  /** Protected item ID by VM key (`<resource group>/<vm>`, lower case). */
  readonly protectedItemIds: Record<string, pulumi.Output<string>>;

  constructor(name: string, args: ProtectedVmsArgs, opts?: pulumi.ComponentResourceOptions) {
    super("azure-vm-backup:protection:ProtectedVms", name, {}, opts);
    this.protectedItemIds = Object.fromEntries(args.items.map((item) => [item.key, declareProtectedItem(this, item, itemTarget(args, item)).id]));
    this.registerOutputs({ protectedItemIds: this.protectedItemIds });
  }
}
