import * as pulumi from "@pulumi/pulumi";
import { VirtualMachineRunCommandByVirtualMachine } from "@pulumi/azure-native/compute";
import type { ProtectedVmModel } from "../model/protectedVm";
import type { RunCommandModel } from "../model/runCommand";
import { nativeRunCommandInputs } from "../providers/native";

/** The adapter's run-command inputs with each protected parameter a Pulumi secret (the adapter has no Pulumi). */
export function runCommandArgs(item: ProtectedVmModel, command: RunCommandModel, location: string) {
  const inputs = nativeRunCommandInputs(item, command, location);
  return {
    ...inputs,
    // Azure never returns protected parameters; the secret keeps them out of the state's plain text.
    ...(inputs.protectedParameters && { protectedParameters: inputs.protectedParameters.map((p) => ({ name: p.name, value: pulumi.secret(p.value) })) }),
  };
}

/**
 * Declares a managed run command on a VM (VSS backup type, Linux script plug-in, Windows readiness). It runs
 * synchronously and a failing script fails the deployment, so `pulumi up` shows the script's
 * message (e.g. a pre-script without mode 700). Editing the script re-runs it in place.
 * `retainOnDelete`: removing it only forgets it; the VSS setting or script plug-in it wrote stays on the VM.
 */
export function declareRunCommand(
  parent: pulumi.ComponentResource,
  logicalName: string,
  item: ProtectedVmModel,
  command: RunCommandModel,
  location: string,
): VirtualMachineRunCommandByVirtualMachine {
  return new VirtualMachineRunCommandByVirtualMachine(logicalName, runCommandArgs(item, command, location), { parent, retainOnDelete: true });
}
