import type { ConfigIssue } from "../config/configError";
import type { BackupConfig } from "../config/backupConfig";
import { toPolicyModel, type PolicyModel } from "./policy";
import { toProtectedVmModel, type ProtectedVmModel } from "./protectedVm";
import { toVaultModel, type VaultModel } from "./vault";
import { vmLogicalName } from "./names";
import { parseVmId } from "./resourceId";
import type { VmFacts } from "./vmFacts";
import type { DataSafetyReport } from "./dataSafetyReport";

/** What the look-ups found, keyed by vmLogicalName, and where each VM came from in the configuration. */
export interface VmSideContext {
  readonly facts?: ReadonlyMap<string, VmFacts>;
  readonly sources?: ReadonlyMap<string, string>;
  readonly backedUpLuns?: ReadonlyMap<string, readonly number[]>;
  readonly warnings?: ReadonlyMap<string, readonly ConfigIssue[]>;
  /**
   * Keys of the VMs that already have backup in the vault (nothing new is installed in them).
   * Unset or empty plans every VM as newly protected.
   */
  readonly alreadyProtected?: ReadonlySet<string>;
}

/** The whole declared system as plain data: what the components render, nothing else. */
export interface BackupModel {
  readonly provider: BackupConfig["provider"];
  readonly protect: boolean;
  readonly vault: VaultModel;
  readonly policies: readonly PolicyModel[];
  readonly protectedVms: readonly ProtectedVmModel[];
  readonly warnings: readonly ConfigIssue[];
  /** What the deployment does to existing backups, once the backup state was looked up (stack.ts). */
  readonly dataSafety?: DataSafetyReport;
}

/** Builds the model from a validated configuration. Policies and VMs are sorted by name for stable output. */
export function buildBackupModel(config: BackupConfig, warnings: readonly ConfigIssue[] = [], vmSide: VmSideContext = {}): BackupModel {
  return {
    provider: config.provider,
    protect: config.protect,
    vault: toVaultModel(config.vault),
    policies: Object.keys(config.policies)
      .sort()
      .map((name) => toPolicyModel(name, config.policies[name]!)),
    protectedVms: config.vms
      .map((vm) => {
        const key = vmLogicalName(parseVmId(vm.id)!);
        return toProtectedVmModel(vm, {
          source: vmSide.sources?.get(key),
          facts: vmSide.facts?.get(key),
          backedUpLuns: vmSide.backedUpLuns?.get(key),
          warnings: vmSide.warnings?.get(key),
          crashConsistentOnly: config.policies[vm.policy]?.crashConsistentOnly,
          defaultWindowsReadiness: config.vmDefaults.windowsReadiness,
          alreadyProtected: vmSide.alreadyProtected?.has(key) ?? false,
        });
      })
      .sort((a, b) => a.key.localeCompare(b.key)),
    warnings,
  };
}
