import type { BackupModel } from "../../model/backupModel";
import type { StackOutputs } from "../../stack";
import { ClassicBackupVault } from "./backupVault";
import { ClassicProtectedVms } from "./protectedVms";
import { ClassicVmBackupExtensions } from "./vmBackupExtensions";
import { ClassicVmBackupPolicy } from "./vmBackupPolicy";

/**
 * Renders the model with @pulumi/azure (classic): the same components, names and outputs as the native
 * renderer, so plan, review and the equivalence tests read both alike.
 */
export function declareClassic(model: BackupModel): StackOutputs {
  const vault = new ClassicBackupVault(model.vault.name, { vault: model.vault, protect: model.protect });
  const policies = new Map<string, ClassicVmBackupPolicy>();
  for (const policy of model.policies) {
    policies.set(policy.name, new ClassicVmBackupPolicy(policy.name, { vaultName: vault.vaultName, resourceGroupName: vault.resourceGroupName, policy }));
  }
  new ClassicVmBackupExtensions(model.vault.name, { items: model.protectedVms });
  new ClassicProtectedVms(model.vault.name, {
    vaultName: vault.vaultName,
    resourceGroupName: vault.resourceGroupName,
    policyIds: new Map([...policies].map(([name, p]) => [name, p.policyId])),
    items: model.protectedVms,
    protect: model.protect,
  });
  return {
    vaultName: vault.vaultName,
    vaultId: vault.vaultId,
    policyIds: Object.fromEntries([...policies].map(([name, p]) => [name, p.policyId])),
    protectedVmCount: model.protectedVms.length,
  };
}
