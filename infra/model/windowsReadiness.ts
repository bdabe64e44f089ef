import type { WindowsReadinessMode } from "../config/configSchema";
import { VSS_SERVICE, WINDOWS_VM_AGENT_SERVICES } from "../azure/inGuestFacts";
import { RUN_COMMAND_TIMEOUT_SECONDS, type RunCommandModel } from "./runCommand";

/** One name for both modes, so switching check <-> prepare re-runs the same run command in place. */
export const WINDOWS_READINESS_RUN_COMMAND_NAME = "azure-vm-backup-windows-readiness";

export interface WindowsReadinessModel {
  readonly mode: WindowsReadinessMode;
  readonly runCommand: RunCommandModel;
}

const agents = WINDOWS_VM_AGENT_SERVICES.map((s) => `'${s}'`).join(", ");

/**
 * Startup types are read from Win32_Service rather than Get-Service's StartType, which needs .NET
 * 4.6.1 and is empty on older Windows Server images: there a Disabled VSS would pass the check
 * silently. Win32_Service spells Automatic `Auto`; the function reports Automatic.
 */
const startupTypeFunction = [
  "function Get-StartupType([string]$name) {",
  "  $service = Get-CimInstance -ClassName Win32_Service -Filter \"Name='$name'\"",
  "  if (-not $service) { return 'missing' }",
  "  if ($service.StartMode -eq 'Auto') { return 'Automatic' }",
  "  return [string]$service.StartMode",
  "}",
];

/**
 * The PowerShell of the readiness run command. `check` changes nothing and fails the deployment
 * when the VSS service is Disabled (every backup would silently fall back to file-consistent) or
 * missing, or when a VM agent service is missing or Disabled (no snapshot extension could run).
 * `prepare` sets VSS to Automatic, the change Azure Backup makes at the first backup anyway, and
 * reports what it found; it fails only when there is no VSS service to set.
 */
export function windowsReadinessScript(mode: WindowsReadinessMode): string {
  const vss = VSS_SERVICE.name;
  const common = ["$ErrorActionPreference = 'Stop'", ...startupTypeFunction, `$vss = Get-StartupType '${vss}'`];
  switch (mode) {
    case "check":
      return [
        ...common,
        `Write-Output "azure-vm-backup: ${vss} startup type $vss"`,
        "$problems = @()",
        `if ($vss -eq 'missing') { $problems += 'the ${VSS_SERVICE.displayName} service (${vss}) is missing' }`,
        `if ($vss -eq 'Disabled') { $problems += 'the ${VSS_SERVICE.displayName} service (${vss}) is Disabled, so backups are only file-consistent: set it to Manual or Automatic (windowsReadiness: prepare sets Automatic)' }`,
        `foreach ($name in @(${agents})) {`,
        "  $agent = Get-StartupType $name",
        '  Write-Output "azure-vm-backup: VM agent service $name startup type $agent"',
        "  if ($agent -eq 'missing' -or $agent -eq 'Disabled') { $problems += \"the VM agent service $name is $($agent): install or enable the Azure VM agent\" }",
        "}",
        "if ($problems.Count -gt 0) { throw ('azure-vm-backup: not ready for Azure Backup: ' + ($problems -join '; ')) }",
        "Write-Output 'azure-vm-backup: ready for Azure Backup'",
      ].join("\n");
    case "prepare":
      return [
        ...common,
        `Write-Output "azure-vm-backup: found ${vss} startup type $vss"`,
        `if ($vss -eq 'missing') { throw 'azure-vm-backup: the ${VSS_SERVICE.displayName} service (${vss}) is missing; there is nothing to set to ${VSS_SERVICE.startupAfter}' }`,
        `if ($vss -ne '${VSS_SERVICE.startupAfter}') {`,
        `  Set-Service -Name '${vss}' -StartupType ${VSS_SERVICE.startupAfter}`,
        `  Write-Output "azure-vm-backup: set ${vss} startup type to ${VSS_SERVICE.startupAfter} (was $vss)"`,
        "}",
        `foreach ($name in @(${agents})) { Write-Output "azure-vm-backup: found VM agent service $name startup type $(Get-StartupType $name)" }`,
      ].join("\n");
    // Stryker disable all: unreachable, the type checker proves every mode is handled above
    default: {
      const never: never = mode;
      throw new Error(`unknown windowsReadiness mode ${String(never)}`);
    }
    // Stryker restore all
  }
}

/** The run command that checks or prepares a Windows VM for Azure Backup. */
export function toWindowsReadinessModel(mode: WindowsReadinessMode): WindowsReadinessModel {
  return {
    mode,
    runCommand: {
      name: WINDOWS_READINESS_RUN_COMMAND_NAME,
      os: "Windows",
      script: windowsReadinessScript(mode),
      timeoutInSeconds: RUN_COMMAND_TIMEOUT_SECONDS,
      treatFailureAsDeploymentFailure: true,
    },
  };
}

/** Reads the mode back out of a run command script written by windowsReadinessScript (plan views). */
export function windowsReadinessModeOf(script: string): WindowsReadinessMode | undefined {
  if (!script.includes("function Get-StartupType")) return undefined;
  return script.includes("Set-Service") ? "prepare" : "check";
}
