import type * as pulumi from "@pulumi/pulumi";
import type { BackupModel, PolicyModel, VaultEstateModel, VaultModel } from "../model/backupModel";
import type { DataSafetyReport } from "../model/dataSafetyReport";
import type { ProtectedVmModel } from "../model/protectedVm";
import type { ProtectedVmsArgs } from "./protectedVms";

/** What other stacks and scripts compose with, for one vault. */
export interface VaultOutputs {
  readonly vaultName: pulumi.Output<string>;
  readonly vaultId: pulumi.Output<string>;
  readonly policyIds: Record<string, pulumi.Output<string>>;
  readonly protectedVmCount: number;
  /** What the deployment does to existing backups (the plan's Data section); absent when nothing was looked up. */
  readonly dataSafety?: DataSafetyReport;
}

/**
 * Stack outputs: the primary vault's (else the first vault's, by key) as in a one-vault stack, and
 * with several vaults `vaults`, every vault's by key.
 */
export interface StackOutputs extends VaultOutputs {
  readonly vaults?: Record<string, VaultOutputs>;
}

/** The component classes of one provider family; both families take the same model slices. */
export interface Renderer {
  readonly Vault: new (name: string, args: { vault: VaultModel; protect: boolean }, opts?: pulumi.ComponentResourceOptions) => {
    readonly vaultName: pulumi.Output<string>;
    readonly resourceGroupName: pulumi.Output<string>;
    readonly vaultId: pulumi.Output<string>;
  };
  readonly Policy: new (
    name: string,
    args: { vaultName: pulumi.Input<string>; resourceGroupName: pulumi.Input<string>; policy: PolicyModel; protect: boolean },
    opts?: pulumi.ComponentResourceOptions,
  ) => { readonly policyId: pulumi.Output<string> };
  readonly VmSide: new (name: string, args: { items: readonly ProtectedVmModel[]; fallbackLocation: string }, opts?: pulumi.ComponentResourceOptions) => unknown;
  readonly ProtectedVms: new (name: string, args: ProtectedVmsArgs, opts?: pulumi.ComponentResourceOptions) => unknown;
}

/**
 * Composes the estate vault by vault: the vault, one component per policy it holds, then one
 * collection component each for the VM side and the protected items (siblings, so no azure-native
 * resource is parented to another and no component exists per VM). Registration order and names are
 * the same for every renderer; a one-vault stack registers exactly what it did before `vaults`.
 * The stack program passes no `opts` (its components sit at the stack's root, as in every release);
 * the library's BackupEstate passes `{ parent: this }`.
 */
export function declareEstate(model: BackupModel, renderer: Renderer, opts?: pulumi.ComponentResourceOptions): StackOutputs {
  const perVault = model.vaults.map((estate) => declareVault(estate, model.protect, renderer, opts));
  const main = perVault[model.vaults.findIndex((v) => v.primary)] ?? perVault[0]!;
  return {
    ...main,
    // One vault's figures stand for the stack when it has one vault; the total otherwise.
    protectedVmCount: model.protectedVms.length,
    ...(model.dataSafety && { dataSafety: model.dataSafety }),
    ...(perVault.length > 1 && { vaults: Object.fromEntries(model.vaults.map((v, i) => [v.key, perVault[i]!])) }),
  };
}

function declareVault(estate: VaultEstateModel, protect: boolean, renderer: Renderer, opts?: pulumi.ComponentResourceOptions): VaultOutputs {
  const name = estate.vault.name;
  const vault = new renderer.Vault(name, { vault: estate.vault, protect }, opts);
  const policyIds = new Map<string, pulumi.Output<string>>();
  for (const { componentName, policy } of estate.policies) {
    const component = new renderer.Policy(componentName, { vaultName: vault.vaultName, resourceGroupName: vault.resourceGroupName, policy, protect }, opts);
    policyIds.set(policy.name, component.policyId);
  }
  new renderer.VmSide(name, { items: estate.protectedVms, fallbackLocation: estate.vault.location }, opts);
  new renderer.ProtectedVms(name, {
    vaultName: vault.vaultName,
    resourceGroupName: vault.resourceGroupName,
    policyIds,
    items: estate.protectedVms,
    protect,
  }, opts);
  return {
    vaultName: vault.vaultName,
    vaultId: vault.vaultId,
    policyIds: Object.fromEntries(policyIds),
    protectedVmCount: estate.protectedVms.length,
  };
}
