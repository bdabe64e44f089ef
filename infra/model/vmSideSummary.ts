import type { InGuestChanges } from "./inGuestChanges";
import type { ProtectedVmModel } from "./protectedVm";

/**
 * What the VM-side component states about one VM: its OS, which snapshot extension it gets and whether
 * this stack declares it, the consistency its recovery points reach, and the VM-side settings applied.
 * Plan, review and reports read it back (offline/estateView.ts); the resources show what Azure receives.
 */
export interface VmSideSummary {
  readonly vmId: string;
  readonly os: string;
  /** Config key path the VM comes from: `vms[2]` or `selectors[0]`. */
  readonly source: string;
  readonly extensionPublisher: string;
  /** The extension's type, or `by OS` when the OS is unknown. */
  readonly extensionType: string;
  readonly extensionDeclared: boolean;
  readonly consistency: string;
  readonly consistencyDetail: string;
  /** VSS backup type a run command sets, or `unchanged`. */
  readonly vss: string;
  /** Where a run command writes the script plug-in file, or empty. */
  readonly scriptPluginConfigPath: string;
  /** windowsReadiness a run command applies (check or prepare), or `none`. */
  readonly windowsReadiness: string;
  /** What will change inside the VM and when (this stack's changes first). */
  readonly inGuestChanges: InGuestChanges;
  readonly backedUpLuns: number[] | "unknown";
  readonly protectionState: string;
  readonly warnings: string[];
}

/** The summary of one protected VM, as its VM-side component registers it (both renderers). */
export function toVmSideSummary(item: ProtectedVmModel): VmSideSummary {
  const extension = item.snapshotExtension;
  return {
    vmId: item.vm.id,
    os: item.os ?? "unknown",
    source: item.source,
    extensionPublisher: extension.publisher,
    extensionType: extension.type ?? "by OS",
    extensionDeclared: extension.declared,
    consistency: item.consistency.mode,
    consistencyDetail: item.consistency.detail,
    vss: item.vss?.mode ?? "unchanged",
    scriptPluginConfigPath: item.scriptPlugin?.configPath ?? "",
    windowsReadiness: item.windowsReadiness?.mode ?? "none",
    inGuestChanges: item.inGuestChanges,
    backedUpLuns: item.backedUpLuns ? [...item.backedUpLuns] : "unknown",
    protectionState: item.protectionState,
    warnings: [...item.warnings],
  };
}
