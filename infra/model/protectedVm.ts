import { formatIssue, type ConfigIssue } from "../config/configError";
import type { OsType, VmConfig } from "../config/configSchema";
import { toConsistency, type ConsistencyModel } from "./consistency";
import { toProtectionState, type ProtectionState } from "./lifecycle";
import { BACKUP_FABRIC_NAME, protectedItemName, protectionContainerName, vmLogicalName } from "./names";
import { parseVmId, type VmRef } from "./resourceId";
import { toScriptPluginModel, type ScriptPluginModel } from "./scriptPlugin";
import { toSnapshotExtension, type SnapshotExtensionModel } from "./snapshotExtension";
import type { VmFacts } from "./vmFacts";
import { toVssModel, type VssModel } from "./vssSetting";

export interface DiskExclusionProperties {
  readonly diskLunList: number[];
  readonly isInclusionList: boolean;
}

/** A VM bound to a policy, with the names Azure Backup uses for it. */
export interface ProtectedVmModel {
  /** Stable Pulumi logical name (resource group/VM, lower case). */
  readonly key: string;
  readonly vm: VmRef;
  readonly policyName: string;
  readonly os?: OsType;
  readonly fabricName: string;
  readonly containerName: string;
  readonly protectedItemName: string;
  readonly diskExclusion?: DiskExclusionProperties;
  /** Where the VM comes from in the configuration: `vms[2]` or `selectors[0]`. */
  readonly source: string;
  /** Protected, ProtectionStopped (no policy, points kept) or BackupsSuspended. */
  readonly protectionState: ProtectionState;
  /** The VM's region (its fact; the vault's region when it could not be looked up). */
  readonly location?: string;
  readonly snapshotExtension: SnapshotExtensionModel;
  /** Windows: the stated VSS backup type and the run command applying it; absent leaves the VM alone. */
  readonly vss?: VssModel;
  /** Linux: the script plug-in file and the run command writing it. */
  readonly scriptPlugin?: ScriptPluginModel;
  readonly consistency: ConsistencyModel;
  /** Data-disk LUNs backed up, when the disks are known from Azure. */
  readonly backedUpLuns?: readonly number[];
  readonly facts?: VmFacts;
  /** Findings about this VM that do not stop deployment (e.g. deallocated), formatted. */
  readonly warnings: readonly string[];
  /** Set when the protection is adopted: the protected item's ARM ID, imported instead of created. */
  readonly importId?: string;
}

/** What the VM-side derivations need beyond the entry: the policy's crash-only flag, Azure's facts, the entry's origin. */
export interface ProtectedVmContext {
  readonly source?: string;
  readonly facts?: VmFacts;
  readonly crashConsistentOnly?: boolean;
  readonly backedUpLuns?: readonly number[];
  readonly warnings?: readonly ConfigIssue[];
}

/** Maps a validated VM entry (and, once looked up, its facts) to its protected-item and VM-side model. */
export function toProtectedVmModel(vm: VmConfig, ctx: ProtectedVmContext = {}): ProtectedVmModel {
  const ref = parseVmId(vm.id);
  if (!ref) throw new Error(`invalid VM ID ${vm.id}; loadConfig rejects this before the model is built`);
  const disks = vm.disks;
  const diskExclusion: DiskExclusionProperties | undefined = disks?.include
    ? { diskLunList: [...disks.include].sort((a, b) => a - b), isInclusionList: true }
    : disks?.exclude
      ? { diskLunList: [...disks.exclude].sort((a, b) => a - b), isInclusionList: false }
      : undefined;
  const os = ctx.facts?.os ?? vm.os;
  const vss = vm.vss && os === "Windows" ? toVssModel(vm.vss) : undefined;
  const scriptPlugin = vm.scripts && os === "Linux" ? toScriptPluginModel(vm.scripts) : undefined;
  return {
    key: vmLogicalName(ref),
    vm: ref,
    policyName: vm.policy,
    os,
    fabricName: BACKUP_FABRIC_NAME,
    containerName: protectionContainerName(ref),
    protectedItemName: protectedItemName(ref),
    diskExclusion,
    source: ctx.source ?? "vms",
    protectionState: toProtectionState(vm.protection ?? "Protected"),
    location: ctx.facts?.location,
    snapshotExtension: toSnapshotExtension(vm.extension ?? "auto", os),
    vss,
    scriptPlugin,
    consistency: toConsistency({
      os,
      crashConsistentOnly: ctx.crashConsistentOnly ?? false,
      vss: vss?.mode,
      scripts: scriptPlugin !== undefined,
      powerState: ctx.facts?.powerState,
    }),
    backedUpLuns: ctx.backedUpLuns,
    facts: ctx.facts,
    warnings: (ctx.warnings ?? []).map(formatIssue),
    ...(vm.importId && { importId: vm.importId }),
  };
}
