import { describe, expect, it } from "vitest";
import { toWindowsReadinessModel, windowsReadinessModeOf, windowsReadinessScript } from "../../infra/model/windowsReadiness";

const startupTypeFunction = [
  "$ErrorActionPreference = 'Stop'",
  "function Get-StartupType([string]$name) {",
  "  $service = Get-CimInstance -ClassName Win32_Service -Filter \"Name='$name'\"",
  "  if (-not $service) { return 'missing' }",
  "  if ($service.StartMode -eq 'Auto') { return 'Automatic' }",
  "  return [string]$service.StartMode",
  "}",
  "$vss = Get-StartupType 'VSS'",
];

describe("windowsReadinessScript", () => {
  it("check changes nothing and fails the deployment when VSS is Disabled or missing, or a VM agent service is missing or Disabled", () => {
    expect(windowsReadinessScript("check")).toBe([
      ...startupTypeFunction,
      'Write-Output "azure-vm-backup: VSS startup type $vss"',
      "$problems = @()",
      "if ($vss -eq 'missing') { $problems += 'the Volume Shadow Copy service (VSS) is missing' }",
      "if ($vss -eq 'Disabled') { $problems += 'the Volume Shadow Copy service (VSS) is Disabled, so backups are only file-consistent: set it to Manual or Automatic (windowsReadiness: prepare sets Automatic)' }",
      "foreach ($name in @('WindowsAzureGuestAgent', 'RdAgent')) {",
      "  $agent = Get-StartupType $name",
      '  Write-Output "azure-vm-backup: VM agent service $name startup type $agent"',
      "  if ($agent -eq 'missing' -or $agent -eq 'Disabled') { $problems += \"the VM agent service $name is $($agent): install or enable the Azure VM agent\" }",
      "}",
      "if ($problems.Count -gt 0) { throw ('azure-vm-backup: not ready for Azure Backup: ' + ($problems -join '; ')) }",
      "Write-Output 'azure-vm-backup: ready for Azure Backup'",
    ].join("\n"));
    expect(windowsReadinessScript("check")).not.toContain("Set-Service");
  });

  it("prepare sets VSS to Automatic when it is not, and reports what it found for VSS and the VM agent", () => {
    expect(windowsReadinessScript("prepare")).toBe([
      ...startupTypeFunction,
      'Write-Output "azure-vm-backup: found VSS startup type $vss"',
      "if ($vss -eq 'missing') { throw 'azure-vm-backup: the Volume Shadow Copy service (VSS) is missing; there is nothing to set to Automatic' }",
      "if ($vss -ne 'Automatic') {",
      "  Set-Service -Name 'VSS' -StartupType Automatic",
      '  Write-Output "azure-vm-backup: set VSS startup type to Automatic (was $vss)"',
      "}",
      "foreach ($name in @('WindowsAzureGuestAgent', 'RdAgent')) { Write-Output \"azure-vm-backup: found VM agent service $name startup type $(Get-StartupType $name)\" }",
    ].join("\n"));
  });
});

describe("toWindowsReadinessModel", () => {
  it("keeps one run command name for both modes, so switching check -> prepare re-runs it in place", () => {
    const check = toWindowsReadinessModel("check");
    expect(check.runCommand).toEqual({
      name: "azure-vm-backup-windows-readiness", os: "Windows", script: windowsReadinessScript("check"), timeoutInSeconds: 300, treatFailureAsDeploymentFailure: true,
    });
    expect(toWindowsReadinessModel("prepare").runCommand.name).toBe(check.runCommand.name);
  });

  it.each([["check"], ["prepare"]] as const)("reads %s back from its script, and nothing from other scripts", (mode) => {
    expect(windowsReadinessModeOf(windowsReadinessScript(mode))).toBe(mode);
    expect(windowsReadinessModeOf("$ErrorActionPreference = 'Stop'")).toBeUndefined();
  });
});
