import type { OsType } from "../config/configSchema";

/**
 * A managed run command (`Microsoft.Compute/virtualMachines/runCommands`) as plain data, so the
 * native renderer (`VirtualMachineRunCommandByVirtualMachine`) and the classic one
 * (`compute.RunCommand`) write the same script.
 */
export interface RunCommandModel {
  /** Azure name of the run command on the VM; stable, so edits re-run it in place. */
  readonly name: string;
  readonly os: OsType;
  /** The script body (PowerShell on Windows, bash on Linux). */
  readonly script: string;
  readonly timeoutInSeconds: number;
  /**
   * A failing script fails the deployment (`treatFailureAsDeploymentFailure`), so a wrong
   * permission or a missing script stops `pulumi up` with the script's message.
   */
  readonly treatFailureAsDeploymentFailure: true;
  /**
   * Values the script reads from its environment, sent as the run command's `protectedParameters`:
   * Azure passes them to the VM but never returns them, and the component marks them as Pulumi
   * secrets, so they appear neither in the script body nor in plain text in the state.
   */
  readonly protectedParameters?: ReadonlyArray<{ readonly name: string; readonly value: string }>;
}

/** Run commands time out after this long; the scripts here finish in seconds. */
export const RUN_COMMAND_TIMEOUT_SECONDS = 300;
