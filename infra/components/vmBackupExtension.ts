import * as pulumi from "@pulumi/pulumi";
import type { ProtectedVmModel } from "../model/protectedVm";
import { declareSnapshotExtension } from "./snapshotExtension";
import { declareRunCommand } from "./vmRunCommand";

export interface VmBackupExtensionArgs {
  /** The protected VM with its resolved VM-side settings (extension, VSS, script plug-in). */
  readonly item: ProtectedVmModel;
  /** Region for VM child resources when the VM's own region is not known (it must equal the vault's anyway). */
  readonly fallbackLocation: string;
}

/**
 * The VM side of one protected VM: the snapshot extension when declared, the VSS backup type on
 * Windows and the script plug-in on Linux. Registered for every VM, even with nothing to declare,
 * so that its outputs state which extension and consistency each VM gets.
 */
export class VmBackupExtension extends pulumi.ComponentResource {
  readonly os: string;
  readonly extensionType: string;

  constructor(name: string, args: VmBackupExtensionArgs, opts?: pulumi.ComponentResourceOptions) {
    super("azure-vm-backup:vm:VmBackupExtension", name, {}, opts);
    const { item } = args;
    const location = item.location ?? args.fallbackLocation;
    const extension = item.snapshotExtension;
    if (extension.declared) declareSnapshotExtension(this, name, item, extension, location);
    if (item.vss) declareRunCommand(this, `${name}-vss`, item, item.vss.runCommand, location);
    if (item.scriptPlugin) declareRunCommand(this, `${name}-snapshot-scripts`, item, item.scriptPlugin.runCommand, location);

    this.os = item.os ?? "unknown";
    this.extensionType = extension.type ?? "by OS";
    this.registerOutputs({
      vmId: item.vm.id,
      os: this.os,
      source: item.source,
      extensionPublisher: extension.publisher,
      extensionType: this.extensionType,
      extensionDeclared: extension.declared,
      consistency: item.consistency.mode,
      consistencyDetail: item.consistency.detail,
      vss: item.vss?.mode ?? "unchanged",
      scriptPluginConfigPath: item.scriptPlugin?.configPath ?? "",
      backedUpLuns: item.backedUpLuns ? [...item.backedUpLuns] : "unknown",
      protectionState: item.protectionState,
      warnings: [...item.warnings],
    });
  }
}
