import type * as pulumi from "@pulumi/pulumi";
import type { BackupModel } from "../model/backupModel";
import type { DataSafetyReport } from "../model/dataSafetyReport";
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
  /** What the deployment does to existing backups (the plan's Data section); absent when nothing was looked up. */
  readonly dataSafety?: DataSafetyReport;
}

/** The component classes of one provider family; both families take the same model slices. */
export interface Renderer {
  readonly Vault: new (name: string, args: { vault: VaultModel; protect: boolean }) => {
    readonly vaultName: pulumi.Output<string>;
    readonly resourceGroupName: pulumi.Output<string>;
    readonly vaultId: pulumi.Output<string>;
  };
  readonly Policy: new (
    name: string,
    args: { vaultName: pulumi.Input<string>; resourceGroupName: pulumi.Input<string>; policy: PolicyModel; protect: boolean },
  ) => { readonly policyId: pulumi.Output<string> };
  readonly VmSide: new (name: string, args: { items: readonly ProtectedVmModel[]; fallbackLocation: string }) => unknown;
  readonly ProtectedVms: new (name: string, args: ProtectedVmsArgs) => unknown;
}

/**
 * Composes the estate: vault, one component per policy, then one collection component each for the
 * VM side and the protected items (siblings, so no azure-native resource is parented to another and
 * no component exists per VM). Registration order and names are the same for every renderer.
 */
export function declareEstate(model: BackupModel, renderer: Renderer): StackOutputs {
  const vault = new renderer.Vault(model.vault.name, { vault: model.vault, protect: model.protect });
  const policyIds = new Map<string, pulumi.Output<string>>();
  for (const policy of model.policies) {
    const component = new renderer.Policy(policy.name, { vaultName: vault.vaultName, resourceGroupName: vault.resourceGroupName, policy, protect: model.protect });
    policyIds.set(policy.name, component.policyId);
  }
  new renderer.VmSide(model.vault.name, { items: model.protectedVms, fallbackLocation: model.vault.location });
  new renderer.ProtectedVms(model.vault.name, {
    vaultName: vault.vaultName,
    resourceGroupName: vault.resourceGroupName,
    policyIds,
    items: model.protectedVms,
    protect: model.protect,
  });
  return {
    vaultName: vault.vaultName,
    vaultId: vault.vaultId,
    policyIds: Object.fromEntries(policyIds),
    protectedVmCount: model.protectedVms.length,
    ...(model.dataSafety && { dataSafety: model.dataSafety }),
  };
}
