import { formatIssue, type ConfigIssue } from "../config/configError";
import type { OsType, VmConfig, WindowsReadinessMode } from "../config/configSchema";
import { toConsistency, type ConsistencyModel } from "./consistency";
import { toProtectionState, type ProtectionState } from "./lifecycle";
import { BACKUP_FABRIC_NAME, protectedItemName, protectionContainerName, vmLogicalName } from "./names";
import { parseVmId, type VmRef } from "./resourceId";
import { toScriptPluginModel, type ScriptPluginModel } from "./scriptPlugin";
import { toSnapshotExtension, type SnapshotExtensionModel } from "./snapshotExtension";
import type { VmFacts } from "./vmFacts";
import { toInGuestChanges, type InGuestChanges } from "./inGuestChanges";
import { toVssModel, type VssModel } from "./vssSetting";
import { toWindowsReadinessModel, type WindowsReadinessModel } from "./windowsReadiness";

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
  /** The entry's disk selection, LUNs sorted: data disks included or excluded (the OS disk is always backed up). */
  readonly disks?: { readonly include?: readonly number[]; readonly exclude?: readonly number[] };
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
  /** Windows: the readiness check or preparation and its run command; absent unless asked for. */
  readonly windowsReadiness?: WindowsReadinessModel;
  /** What will change inside the VM, this stack's changes first, then Azure Backup's at the first backup. */
  readonly inGuestChanges: InGuestChanges;
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
  /** vmDefaults.windowsReadiness, applied to Windows VMs whose entry sets none. */
  readonly defaultWindowsReadiness?: WindowsReadinessMode;
  /**
   * The VM already has backup in the vault, so Azure Backup installs nothing new in it. Default
   * false: every VM is planned as newly protected until the vault's existing items are known.
   */
  readonly alreadyProtected?: boolean;
}

/** Maps a validated VM entry (and, once looked up, its facts) to its protected-item and VM-side model. */
export function toProtectedVmModel(vm: VmConfig, ctx: ProtectedVmContext = {}): ProtectedVmModel {
  const ref = parseVmId(vm.id);
  if (!ref) throw new Error(`invalid VM ID ${vm.id}; loadConfig rejects this before the model is built`);
  const sorted = (luns: readonly number[]) => [...luns].sort((a, b) => a - b);
  const disks = vm.disks?.include ? { include: sorted(vm.disks.include) } : vm.disks?.exclude ? { exclude: sorted(vm.disks.exclude) } : undefined;
  const os = ctx.facts?.os ?? vm.os;
  const vss = vm.vss && os === "Windows" ? toVssModel(vm.vss) : undefined;
  const scriptPlugin = vm.scripts && os === "Linux" ? toScriptPluginModel(vm.scripts) : undefined;
  // The estate default applies to Windows only, so one vmDefaults key can cover a mixed estate.
  const readinessMode = vm.windowsReadiness ?? ctx.defaultWindowsReadiness;
  const windowsReadiness = readinessMode && os === "Windows" ? toWindowsReadinessModel(readinessMode) : undefined;
  const snapshotExtension = toSnapshotExtension(vm.extension ?? "auto", os);
  const protectionState = toProtectionState(vm.protection ?? "Protected");
  return {
    key: vmLogicalName(ref),
    vm: ref,
    policyName: vm.policy,
    os,
    fabricName: BACKUP_FABRIC_NAME,
    containerName: protectionContainerName(ref),
    protectedItemName: protectedItemName(ref),
    disks,
    source: ctx.source ?? "vms",
    protectionState,
    location: ctx.facts?.location,
    snapshotExtension,
    vss,
    scriptPlugin,
    windowsReadiness,
    inGuestChanges: toInGuestChanges({
      os,
      extension: snapshotExtension,
      vss: vss?.mode,
      scripts: scriptPlugin !== undefined,
      windowsReadiness: windowsReadiness?.mode,
      powerState: ctx.facts?.powerState,
      crashConsistentOnly: ctx.crashConsistentOnly ?? false,
      protectionState,
      alreadyProtected: ctx.alreadyProtected ?? false,
    }),
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
