import type { VssMode } from "../config/configSchema";
import { VSS_REGISTRY_KEY, VSS_REGISTRY_VALUE } from "../azure/azureLimits";
import { RUN_COMMAND_TIMEOUT_SECONDS, type RunCommandModel } from "./runCommand";

export const VSS_RUN_COMMAND_NAME = "azure-vm-backup-vss";

export interface VssModel {
  readonly mode: VssMode;
  readonly runCommand: RunCommandModel;
}

/**
 * The PowerShell that sets the VSS backup type (azure-backup-service.md: How a VM backup works 3). `Copy` writes
 * REG_SZ USEVSSCOPYBACKUP=TRUE so SQL Server log chains survive backups; `Full` removes the value,
 * which is how a VM goes back to full VSS backups.
 */
export function vssScript(mode: VssMode): string {
  const common = ["$ErrorActionPreference = 'Stop'", `$key = '${VSS_REGISTRY_KEY}'`];
  switch (mode) {
    case "Copy":
      return [
        ...common,
        // New-Item -Force would recreate an existing key and drop its other values: create it only when missing.
        "if (-not (Test-Path -Path $key)) { New-Item -Path $key | Out-Null }",
        `New-ItemProperty -Path $key -Name '${VSS_REGISTRY_VALUE}' -PropertyType String -Value 'TRUE' -Force | Out-Null`,
        `Write-Output 'azure-vm-backup: ${VSS_REGISTRY_VALUE}=TRUE, Azure Backup takes copy-only VSS backups'`,
      ].join("\n");
    case "Full":
      return [
        ...common,
        `if (Test-Path -Path $key) { Remove-ItemProperty -Path $key -Name '${VSS_REGISTRY_VALUE}' -ErrorAction SilentlyContinue }`,
        `Write-Output 'azure-vm-backup: ${VSS_REGISTRY_VALUE} removed, Azure Backup takes full VSS backups'`,
      ].join("\n");
    // Stryker disable all: unreachable, the type checker proves every mode is handled above
    default: {
      const never: never = mode;
      throw new Error(`unknown VSS mode ${String(never)}`);
    }
    // Stryker restore all
  }
}

/** The run command that applies a stated VSS mode on a Windows VM. */
export function toVssModel(mode: VssMode): VssModel {
  return {
    mode,
    runCommand: {
      name: VSS_RUN_COMMAND_NAME,
      os: "Windows",
      script: vssScript(mode),
      timeoutInSeconds: RUN_COMMAND_TIMEOUT_SECONDS,
      treatFailureAsDeploymentFailure: true,
    },
  };
}
