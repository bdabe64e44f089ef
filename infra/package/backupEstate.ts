import * as pulumi from "@pulumi/pulumi";
import { classicRenderer } from "../components/classic/declareClassic";
import { declareEstate } from "../components/declareEstate";
import { nativeRenderer } from "../components/nativeRenderer";
import { declareProtectedItem } from "../components/protectedItem";
import type { BackupEstateArgs } from "./estateArgs";
import { checkedItemIds } from "./pendingVm";
import { planEstate } from "./planEstate";

export type { BackupEstateArgs } from "./estateArgs";

/**
 * A whole backup estate from one set of args, in the stack configuration's vocabulary: the vault and
 * its resource group, every policy, each VM's protected item and its VM side. Args are checked with the
 * stack's own rules before anything is registered; a mistake throws a RunError naming every key path.
 */
export class BackupEstate extends pulumi.ComponentResource {
  /** Name of the Recovery Services vault. */
  readonly vaultName: pulumi.Output<string>;
  /** Resource ID of the vault. */
  readonly vaultId: pulumi.Output<string>;
  /** Resource group of the vault. */
  readonly resourceGroupName: pulumi.Output<string>;
  /** Policy resource ID by policy name. */
  readonly policyIds: pulumi.Output<{ [name: string]: string }>;
  /** Number of VMs protected. */
  readonly protectedVmCount: pulumi.Output<number>;

  constructor(name: string, args: BackupEstateArgs, opts?: pulumi.ComponentResourceOptions) {
    const plan = planEstate(args as unknown as Record<string, unknown>);
    super("azure-vm-backup:index:BackupEstate", name, {}, opts);
    const { model } = plan;
    const listed = { ...model, protectedVms: model.protectedVms.filter((item) => !plan.pending.has(item.key)) };
    const estate = declareEstate(listed, model.provider === "classic" ? classicRenderer : nativeRenderer, { parent: this });
    for (const item of model.protectedVms) {
      const pending = plan.pending.get(item.key);
      if (!pending) continue;
      declareProtectedItem(
        this,
        { ...item, key: pending.name },
        { vaultName: estate.vaultName, resourceGroupName: model.vault.resourceGroupName, policyId: estate.policyIds[item.policyName]!, protect: model.protect },
        checkedItemIds(pending, plan.config, this),
      );
    }
    this.vaultName = estate.vaultName;
    this.vaultId = estate.vaultId;
    this.resourceGroupName = estate.vaultName.apply(() => model.vault.resourceGroupName);
    this.policyIds = pulumi.output(estate.policyIds);
    this.protectedVmCount = pulumi.output(model.protectedVms.length);
    this.registerOutputs({
      vaultName: this.vaultName,
      vaultId: this.vaultId,
      resourceGroupName: this.resourceGroupName,
      policyIds: this.policyIds,
      protectedVmCount: this.protectedVmCount,
    });
  }
}
