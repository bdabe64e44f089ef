import { describe, expect, it } from "vitest";
import { toVssModel, vssScript } from "../../infra/model/vssSetting";

describe("vssScript", () => {
  it("Copy writes REG_SZ USEVSSCOPYBACKUP=TRUE under HKLM\\SOFTWARE\\Microsoft\\BcdrAgent without recreating the key", () => {
    expect(vssScript("Copy")).toBe([
      "$ErrorActionPreference = 'Stop'",
      "$key = 'HKLM:\\SOFTWARE\\Microsoft\\BcdrAgent'",
      "if (-not (Test-Path -Path $key)) { New-Item -Path $key | Out-Null }",
      "New-ItemProperty -Path $key -Name 'USEVSSCOPYBACKUP' -PropertyType String -Value 'TRUE' -Force | Out-Null",
      "Write-Output 'azure-vm-backup: USEVSSCOPYBACKUP=TRUE, Azure Backup takes copy-only VSS backups'",
    ].join("\n"));
  });

  it("Full removes the value, which returns the VM to full VSS backups", () => {
    expect(vssScript("Full")).toBe([
      "$ErrorActionPreference = 'Stop'",
      "$key = 'HKLM:\\SOFTWARE\\Microsoft\\BcdrAgent'",
      "if (Test-Path -Path $key) { Remove-ItemProperty -Path $key -Name 'USEVSSCOPYBACKUP' -ErrorAction SilentlyContinue }",
      "Write-Output 'azure-vm-backup: USEVSSCOPYBACKUP removed, Azure Backup takes full VSS backups'",
    ].join("\n"));
    expect(vssScript("Full")).not.toContain("New-ItemProperty");
  });
});

describe("toVssModel", () => {
  it("keeps one run command name for both modes, so switching Copy -> Full re-runs it in place", () => {
    const copy = toVssModel("Copy");
    const full = toVssModel("Full");
    expect(copy.runCommand).toEqual({ name: "azure-vm-backup-vss", os: "Windows", script: vssScript("Copy"), timeoutInSeconds: 300, treatFailureAsDeploymentFailure: true });
    expect(full.runCommand.name).toBe(copy.runCommand.name);
  });
});
