import type { ConfigIssue } from "../config/configError";
import type { BackupConfig } from "../config/loadConfig";
import { toPolicyModel, type PolicyModel } from "./policy";
import { toProtectedVmModel, type ProtectedVmModel } from "./protectedVm";
import { toVaultModel, type VaultModel } from "./vault";

/** The whole declared system as plain data: what the components render, nothing else. */
export interface BackupModel {
  readonly provider: BackupConfig["provider"];
  readonly protect: boolean;
  readonly vault: VaultModel;
  readonly policies: readonly PolicyModel[];
  readonly protectedVms: readonly ProtectedVmModel[];
  readonly warnings: readonly ConfigIssue[];
}

/** Builds the model from a validated configuration. Policies and VMs are sorted by name for stable output. */
export function buildBackupModel(config: BackupConfig, warnings: readonly ConfigIssue[] = []): BackupModel {
  return {
    provider: config.provider,
    protect: config.protect,
    vault: toVaultModel(config.vault),
    policies: Object.keys(config.policies)
      .sort()
      .map((name) => toPolicyModel(name, config.policies[name]!)),
    protectedVms: config.vms.map(toProtectedVmModel).sort((a, b) => a.key.localeCompare(b.key)),
    warnings,
  };
}
