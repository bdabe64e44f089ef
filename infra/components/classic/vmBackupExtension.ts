import * as pulumi from "@pulumi/pulumi";
import { Extension } from "@pulumi/azure/compute";
import type { ProtectedVmModel } from "../../model/protectedVm";

export interface ClassicVmBackupExtensionArgs {
  /** The protected VM with its resolved VM-side settings. */
  readonly item: ProtectedVmModel;
}

/**
 * The VM side of one protected VM on the classic provider: the snapshot extension when declared
 * (`compute.Extension`, the name Azure Backup itself uses). Same type token and outputs as the native
 * component, so plan and review read both alike. VSS and the script plug-in need run commands that
 * classic cannot make fail the deployment; classicRules rejects them before this point, and a
 * `compute.RunCommand` here is the place to add them if azurerm gains those inputs.
 */
export class ClassicVmBackupExtension extends pulumi.ComponentResource {
  constructor(name: string, args: ClassicVmBackupExtensionArgs, opts?: pulumi.ComponentResourceOptions) {
    super("azure-vm-backup:vm:VmBackupExtension", name, {}, opts);
    const { item } = args;
    const extension = item.snapshotExtension;
    if (item.vss || item.scriptPlugin) throw new Error(`${item.key}: VSS and script plug-in run commands are native-only; classicRules rejects them`);
    if (extension.declared) {
      new Extension(
        `${name}-snapshot-extension`,
        {
          name: extension.name,
          virtualMachineId: item.vm.id,
          publisher: extension.publisher,
          type: extension.type,
          typeHandlerVersion: extension.typeHandlerVersion,
          autoUpgradeMinorVersion: extension.autoUpgradeMinorVersion,
        },
        { parent: this },
      );
    }
    this.registerOutputs({
      vmId: item.vm.id,
      os: item.os ?? "unknown",
      source: item.source,
      extensionPublisher: extension.publisher,
      extensionType: extension.type ?? "by OS",
      extensionDeclared: extension.declared,
      consistency: item.consistency.mode,
      consistencyDetail: item.consistency.detail,
      vss: "unchanged",
      scriptPluginConfigPath: "",
      backedUpLuns: item.backedUpLuns ? [...item.backedUpLuns] : "unknown",
      protectionState: item.protectionState,
      warnings: [...item.warnings],
    });
  }
}
