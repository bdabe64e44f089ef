import type * as pulumi from "@pulumi/pulumi";
import { VirtualMachineExtension } from "@pulumi/azure-native/compute";
import type { ProtectedVmModel } from "../model/protectedVm";
import type { SnapshotExtensionModel } from "../model/snapshotExtension";
import { nativeExtensionInputs } from "../providers/native";

/**
 * Declares the backup snapshot extension on a VM (`extension: declare`). Its Azure name is the one
 * Azure Backup uses, so the first backup finds it instead of installing a second copy.
 * `retainOnDelete`: removing the VM (or `extension: declare`) leaves the extension on the VM, because
 * later backups of a VM that cannot install extensions itself would fail without it.
 */
export function declareSnapshotExtension(
  parent: pulumi.ComponentResource,
  name: string,
  item: ProtectedVmModel,
  extension: Extract<SnapshotExtensionModel, { declared: true }>,
  location: string,
): VirtualMachineExtension {
  // Forgotten, never deleted, when the VM leaves the stack: a locked-down VM may have no other way to get it.
  return new VirtualMachineExtension(`${name}-snapshot-extension`, nativeExtensionInputs(item, extension, location), { parent, retainOnDelete: true });
}
