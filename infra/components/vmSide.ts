import type * as pulumi from "@pulumi/pulumi";
import type { ProtectedVmModel } from "../model/protectedVm";
import { declareSnapshotExtension } from "./snapshotExtension";
import { declareRunCommand } from "./vmRunCommand";

/**
 * The VM side of one protected VM: the snapshot extension when declared, the VSS backup type and
 * the readiness check or preparation on Windows, and the script plug-in on Linux. Logical names start with the VM's key.
 */
export function declareVmSide(parent: pulumi.ComponentResource, item: ProtectedVmModel, location: string): void {
  const extension = item.snapshotExtension;
  if (extension.declared) declareSnapshotExtension(parent, item.key, item, extension, location);
  if (item.vss) declareRunCommand(parent, `${item.key}-vss`, item, item.vss.runCommand, location);
  if (item.scriptPlugin) declareRunCommand(parent, `${item.key}-snapshot-scripts`, item, item.scriptPlugin.runCommand, location);
  if (item.windowsReadiness) declareRunCommand(parent, `${item.key}-windows-readiness`, item, item.windowsReadiness.runCommand, location);
}
