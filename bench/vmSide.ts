import { VirtualMachineExtension, VirtualMachineRunCommandByVirtualMachine } from "@pulumi/azure-native/compute";
import { Extension, RunCommand } from "@pulumi/azure/compute";
import type { ProviderName } from "../infra/config/configSchema";
import { syntheticVm } from "./syntheticEstate";

/** A pre-snapshot script of the size users write (flush, freeze hooks): what a run command carries. */
const PRE_SCRIPT = ["#!/bin/sh", "set -eu", "sync", "logger -t backup 'pre-snapshot hook'", "exit 0"].join("\n");
const SNAPSHOT_PUBLISHER = "Microsoft.Azure.RecoveryServices";

/**
 * The VM side of a synthetic estate: one snapshot extension and one run command per VM, declared
 * directly until the VM-side components land. The project and baseline programs both call this, so
 * the comparison measures only how the backup part is declared.
 */
export function declareSyntheticVmSide(provider: ProviderName, vmCount: number, location: string): void {
  for (let i = 0; i < vmCount; i++) {
    const vm = syntheticVm(i);
    const type = vm.os === "Windows" ? "VMSnapshot" : "VMSnapshotLinux";
    const key = `${vm.resourceGroupName}/${vm.name}`.toLowerCase();
    if (provider === "native") {
      new VirtualMachineExtension(`${key}-snapshot`, {
        resourceGroupName: vm.resourceGroupName,
        vmName: vm.name,
        vmExtensionName: type,
        location,
        publisher: SNAPSHOT_PUBLISHER,
        type,
        typeHandlerVersion: "1.0",
        autoUpgradeMinorVersion: true,
      });
      new VirtualMachineRunCommandByVirtualMachine(`${key}-pre-script`, {
        resourceGroupName: vm.resourceGroupName,
        vmName: vm.name,
        runCommandName: "backup-pre-script",
        location,
        source: { script: PRE_SCRIPT },
      });
    } else {
      new Extension(`${key}-snapshot`, {
        name: type,
        virtualMachineId: vm.id,
        publisher: SNAPSHOT_PUBLISHER,
        type,
        typeHandlerVersion: "1.0",
        autoUpgradeMinorVersion: true,
      });
      new RunCommand(`${key}-pre-script`, {
        name: "backup-pre-script",
        virtualMachineId: vm.id,
        location,
        source: { script: PRE_SCRIPT },
      });
    }
  }
}
