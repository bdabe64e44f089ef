import * as pulumi from "@pulumi/pulumi";
import { declareProtectedItem } from "../components/protectedItem";
import { itemTarget } from "../components/protectedVms";
import type { VmSettings, VmDefaults } from "./args";
import { checkedItemIds } from "./pendingVm";
import { planEstate } from "./planEstate";
import { standInPolicies, standInVault } from "./standIns";

export interface ProtectedVmsArgs {
  /** Name of the vault. */
  vaultName: pulumi.Input<string>;
  /** Resource group of the vault. */
  resourceGroupName: pulumi.Input<string>;
  /** The vault's region: each VM's stated region must equal it. */
  location: string;
  /** Policy resource ID by policy name; each VM names one. */
  policyIds: { [name: string]: pulumi.Input<string> };
  /** VMs to protect, as the configuration's `vms`. */
  vms: VmSettings[];
  /** Estate defaults for the entries. */
  vmDefaults?: VmDefaults;
  /** Protect the items from deletion (deleting an item deletes its recovery points). Default true. */
  protect?: boolean;
}

/** Each VM's protected item in one vault (its logical name is the VM's, so order and policy never change URNs). */
export class ProtectedVms extends pulumi.ComponentResource {
  /** Number of VMs protected. */
  readonly protectedVmCount: pulumi.Output<number>;

  constructor(name: string, args: ProtectedVmsArgs, opts?: pulumi.ComponentResourceOptions) {
    const policies = standInPolicies(Object.keys(args.policyIds ?? {}));
    const plan = planEstate({ vault: standInVault(args.location), policies, vms: args.vms, vmDefaults: args.vmDefaults, protect: args.protect }, ["vms", "vmDefaults", "protect"]);
    super("azure-vm-backup:index:ProtectedVms", name, {}, opts);
    const policyIds = new Map(Object.entries(args.policyIds));
    const target = { vaultName: args.vaultName, resourceGroupName: args.resourceGroupName, policyIds, items: [], protect: plan.model.protect };
    for (const item of plan.model.protectedVms) {
      const pending = plan.pending.get(item.key);
      const ids = pending && checkedItemIds(pending, plan.config, this);
      declareProtectedItem(this, pending ? { ...item, key: pending.name } : item, itemTarget(target, item), ids);
    }
    this.protectedVmCount = pulumi.output(plan.model.protectedVms.length);
    this.registerOutputs({ protectedVmCount: this.protectedVmCount });
  }
}
