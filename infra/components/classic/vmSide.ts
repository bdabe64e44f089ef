import type * as pulumi from "@pulumi/pulumi";
import { Extension } from "@pulumi/azure/compute";
import type { ProtectedVmModel } from "../../model/protectedVm";
import { classicExtensionInputs } from "../../providers/classic";

/**
 * The VM side of one protected VM on the classic provider: the snapshot extension when declared
 * (`compute.Extension`, the name Azure Backup itself uses). VSS, the script plug-in and windowsReadiness need run
 * commands that classic cannot make fail the deployment; classicRules rejects them before this point,
 * and a `compute.RunCommand` here is the place to add them if azurerm gains those inputs.
 */
export function declareClassicVmSide(parent: pulumi.ComponentResource, item: ProtectedVmModel): void {
  if (item.vss || item.scriptPlugin || item.windowsReadiness) throw new Error(`${item.key}: VSS, script plug-in and readiness run commands are native-only; classicRules rejects them`);
  const extension = item.snapshotExtension;
  if (!extension.declared) return;
  new Extension(`${item.key}-snapshot-extension`, classicExtensionInputs(item, extension), { parent, retainOnDelete: true });
}
