import type * as pulumi from "@pulumi/pulumi";
import type { BackupModel } from "../model/backupModel";
import type { PolicyModel } from "../model/policy";
import type { ProtectedVmModel } from "../model/protectedVm";
import type { VaultModel } from "../model/vault";
import type { ProtectedVmsArgs } from "./protectedVms";

/** Stack outputs: what other stacks and scripts compose with. */
export interface StackOutputs {
  readonly vaultName: pulumi.Output<string>;
  readonly vaultId: pulumi.Output<string>;
  readonly policyIds: Record<string, pulumi.Output<string>>;
  readonly protectedVmCount: number;
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
    args: { vaultName: pulumi.Input<string>; resourceGroupName: pulumi.Input<string>; policy: PolicyModel },
    opts?: pulumi.ComponentResourceOptions,
  ) => { readonly policyId: pulumi.Output<string> };
  readonly VmSide: new (name: string, args: { items: readonly ProtectedVmModel[]; fallbackLocation: string }, opts?: pulumi.ComponentResourceOptions) => unknown;
  readonly ProtectedVms: new (name: string, args: ProtectedVmsArgs, opts?: pulumi.ComponentResourceOptions) => unknown;
}

/**
 * Composes the estate: vault, one component per policy, then one collection component each for the
 * VM side and the protected items (siblings, so no azure-native resource is parented to another and
 * no component exists per VM). Registration order and names are the same for every renderer.
 * The stack program passes no `opts` (its components sit at the stack's root, as in every release);
 * the library's BackupEstate passes `{ parent: this }`.
 */
export function declareEstate(model: BackupModel, renderer: Renderer, opts?: pulumi.ComponentResourceOptions): StackOutputs {
  const vault = new renderer.Vault(model.vault.name, { vault: model.vault, protect: model.protect }, opts);
  const policyIds = new Map<string, pulumi.Output<string>>();
  for (const policy of model.policies) {
    const component = new renderer.Policy(policy.name, { vaultName: vault.vaultName, resourceGroupName: vault.resourceGroupName, policy }, opts);
    policyIds.set(policy.name, component.policyId);
  }
  new renderer.VmSide(model.vault.name, { items: model.protectedVms, fallbackLocation: model.vault.location }, opts);
  new renderer.ProtectedVms(model.vault.name, {
    vaultName: vault.vaultName,
    resourceGroupName: vault.resourceGroupName,
    policyIds,
    items: model.protectedVms,
    protect: model.protect,
  }, opts);
  return {
    vaultName: vault.vaultName,
    vaultId: vault.vaultId,
    policyIds: Object.fromEntries(policyIds),
    protectedVmCount: model.protectedVms.length,
  };
}
