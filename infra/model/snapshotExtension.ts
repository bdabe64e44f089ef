import type { ExtensionMode, OsType } from "../config/configSchema";
import { SNAPSHOT_EXTENSION, SNAPSHOT_EXTENSION_PUBLISHER } from "../azure/azureLimits";

/**
 * The snapshot extension a VM runs. With `auto` (Microsoft's recommendation) Azure Backup installs
 * it at the first backup; with `declare` the stack declares it, for estates where nothing may be
 * installed outside deployments. Either way the type comes from the VM's OS fact.
 */
export type SnapshotExtensionModel =
  | { readonly declared: false; readonly publisher: string; readonly type?: string }
  | {
      readonly declared: true;
      /** Azure name of the extension on the VM: the name Azure Backup itself uses, so it never installs a second copy. */
      readonly name: string;
      readonly publisher: string;
      readonly type: string;
      readonly typeHandlerVersion: string;
      readonly autoUpgradeMinorVersion: true;
    };

/**
 * Chooses the extension for a VM.
 * @param os the OS fact; undefined only when the VM could not be looked up and states no os, in
 * which case `declare` is rejected by the fact rules before this is called.
 */
export function toSnapshotExtension(mode: ExtensionMode, os: OsType | undefined): SnapshotExtensionModel {
  const chosen = os ? SNAPSHOT_EXTENSION[os] : undefined;
  if (mode === "auto" || !chosen) return { declared: false, publisher: SNAPSHOT_EXTENSION_PUBLISHER, type: chosen?.type };
  return {
    declared: true,
    name: chosen.type,
    publisher: SNAPSHOT_EXTENSION_PUBLISHER,
    type: chosen.type,
    typeHandlerVersion: chosen.typeHandlerVersion,
    autoUpgradeMinorVersion: true,
  };
}
