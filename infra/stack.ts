import * as pulumi from "@pulumi/pulumi";
import { BackupVault } from "./components/backupVault";
import { declareClassic } from "./components/classic/declareClassic";
import { registerLightRegistration } from "./components/legacyTypeAliases";
import { ProtectedVm } from "./components/protectedVm";
import { VmBackupPolicy } from "./components/vmBackupPolicy";
import { ConfigError, formatIssue } from "./config/configError";
import { loadConfig, type LoadedConfig } from "./config/loadConfig";
import { buildBackupModel, type BackupModel } from "./model/backupModel";

/** Stack outputs: what other stacks and scripts compose with. */
export interface StackOutputs {
  readonly vaultName: pulumi.Output<string>;
  readonly vaultId: pulumi.Output<string>;
  readonly policyIds: Record<string, pulumi.Output<string>>;
  readonly protectedVmCount: number;
}

/**
 * Reads and validates the configuration. A ConfigError becomes a RunError, which the Pulumi
 * runtime prints without a stack trace; nothing has been declared at that point.
 */
export function readBackupModel(): BackupModel {
  let loaded: LoadedConfig;
  try {
    loaded = loadConfig(pulumi.runtime.allConfig());
  } catch (err) {
    if (err instanceof ConfigError) throw new pulumi.RunError(err.message);
    throw err;
  }
  for (const warning of loaded.warnings) pulumi.log.warn(formatIssue(warning));
  return buildBackupModel(loaded.config, loaded.warnings);
}

/** Renders the model with @pulumi/azure-native components. */
export function declareNative(model: BackupModel): StackOutputs {
  const vault = new BackupVault(model.vault.name, { vault: model.vault, protect: model.protect });
  const policies = new Map<string, VmBackupPolicy>();
  for (const policy of model.policies) {
    policies.set(
      policy.name,
      new VmBackupPolicy(policy.name, { vaultName: vault.vaultName, resourceGroupName: vault.resourceGroupName, policy }),
    );
  }
  for (const item of model.protectedVms) {
    new ProtectedVm(item.key, {
      vaultName: vault.vaultName,
      resourceGroupName: vault.resourceGroupName,
      policyId: policies.get(item.policyName)!.policyId,
      item,
      protect: model.protect,
    });
  }
  return {
    vaultName: vault.vaultName,
    vaultId: vault.vaultId,
    policyIds: Object.fromEntries([...policies].map(([name, p]) => [name, p.policyId])),
    protectedVmCount: model.protectedVms.length,
  };
}

/** The stack program: configuration in, components out. */
export function defineStack(): StackOutputs {
  const model = readBackupModel();
  // Before the first resource: applies to everything declared below (see components/legacyTypeAliases.ts).
  registerLightRegistration();
  switch (model.provider) {
    case "native":
      return declareNative(model);
    case "classic":
      return declareClassic(model);
  }
}
