import * as pulumi from "@pulumi/pulumi";
import { classicRenderer } from "../components/classic/declareClassic";
import { declareEstate } from "../components/declareEstate";
import { nativeRenderer } from "../components/nativeRenderer";
import { declareProtectedItem } from "../components/protectedItem";
import type { BackupModel } from "../model/backupModel";
import type { BackupEstateArgs } from "./estateArgs";
import { checkedItemIds } from "./pendingVm";
import { planEstate } from "./planEstate";

export type { BackupEstateArgs } from "./estateArgs";

/**
 * A whole backup estate from one set of args, in the stack configuration's vocabulary: each vault and
 * its resource group, every policy, each VM's protected item and its VM side. Args are checked with the
 * stack's own rules before anything is registered; a mistake throws a RunError naming every key path.
 */
export class BackupEstate extends pulumi.ComponentResource {
  /** Name of the Recovery Services vault (with `vaults`: the primary vault's, else the first by key). */
  readonly vaultName: pulumi.Output<string>;
  /** Resource ID of that vault. */
  readonly vaultId: pulumi.Output<string>;
  /** Resource group of that vault. */
  readonly resourceGroupName: pulumi.Output<string>;
  /** Policy resource ID by policy name, in that vault. */
  readonly policyIds: pulumi.Output<{ [name: string]: string }>;
  /** Resource ID of every vault by its key (`vault` for a one-vault estate configured under `vault`). */
  readonly vaultIds: pulumi.Output<{ [key: string]: string }>;
  /** Number of VMs protected, in every vault. */
  readonly protectedVmCount: pulumi.Output<number>;

  constructor(name: string, args: BackupEstateArgs, opts?: pulumi.ComponentResourceOptions) {
    const plan = planEstate(args as unknown as Record<string, unknown>);
    super("azure-vm-backup:index:BackupEstate", name, {}, opts);
    const { model } = plan;
    // Same-program VMs are declared here with their IDs from outputs; the rest as the stack declares them.
    const listed: BackupModel = {
      ...model,
      vaults: model.vaults.map((v) => ({ ...v, protectedVms: v.protectedVms.filter((item) => !plan.pending.has(item.key)) })),
      protectedVms: model.protectedVms.filter((item) => !plan.pending.has(item.key)),
    };
    const estate = declareEstate(listed, model.provider === "classic" ? classicRenderer : nativeRenderer, { parent: this });
    const outputsOf = (key: string) => estate.vaults?.[key] ?? estate;
    for (const item of model.protectedVms) {
      const pending = plan.pending.get(item.key);
      if (!pending) continue;
      const vault = model.vaults.find((v) => v.key === pending.vaultKey)!;
      const outputs = outputsOf(vault.key);
      declareProtectedItem(
        this,
        { ...item, key: pending.name },
        { vaultName: outputs.vaultName, resourceGroupName: vault.vault.resourceGroupName, policyId: outputs.policyIds[item.policyName]!, protect: model.protect },
        checkedItemIds(pending, plan.config, this),
      );
    }
    const main = model.vaults.find((v) => v.primary) ?? model.vaults[0]!;
    this.vaultName = estate.vaultName;
    this.vaultId = estate.vaultId;
    this.resourceGroupName = estate.vaultName.apply(() => main.vault.resourceGroupName);
    this.policyIds = pulumi.output(estate.policyIds);
    this.vaultIds = pulumi.output(Object.fromEntries(model.vaults.map((v) => [v.key, outputsOf(v.key).vaultId])));
    this.protectedVmCount = pulumi.output(model.protectedVms.length);
    this.registerOutputs({
      vaultName: this.vaultName,
      vaultId: this.vaultId,
      resourceGroupName: this.resourceGroupName,
      policyIds: this.policyIds,
      vaultIds: this.vaultIds,
      protectedVmCount: this.protectedVmCount,
    });
  }
}
