import { describe, expect, it } from "vitest";
import { describeInGuestChange, toInGuestChanges, type InGuestInput } from "../../infra/model/inGuestChanges";
import { toSnapshotExtension } from "../../infra/model/snapshotExtension";

const windows = (over: Partial<InGuestInput> = {}): InGuestInput => ({
  os: "Windows", extension: toSnapshotExtension("auto", "Windows"), scripts: false, crashConsistentOnly: false, protectionState: "Protected", powerState: "running", ...over,
});
const linux = (over: Partial<InGuestInput> = {}): InGuestInput => ({
  os: "Linux", extension: toSnapshotExtension("auto", "Linux"), scripts: false, crashConsistentOnly: false, protectionState: "Protected", powerState: "running", ...over,
});
const lines = (input: InGuestInput) => toInGuestChanges(input).changes.map(describeInGuestChange);

const VC = "at the first backup: installs Microsoft Visual C++ 2013 Redistributable (x64) 12.0.40660";
const VSS_STARTUP = "at the first backup: changes the Volume Shadow Copy (VSS) service startup type from Manual to Automatic";
const PROVIDER = "at the first backup: adds the Windows service IaaSVmProvider";

describe("toInGuestChanges", () => {
  it("lists what Azure Backup installs in a Windows VM at its first backup", () => {
    expect(toInGuestChanges(windows())).toEqual({
      changes: [
        { when: "firstBackup", change: "installs the VMSnapshot extension (Microsoft.Azure.RecoveryServices)" },
        { when: "firstBackup", change: "installs Microsoft Visual C++ 2013 Redistributable (x64) 12.0.40660" },
        { when: "firstBackup", change: "changes the Volume Shadow Copy (VSS) service startup type from Manual to Automatic" },
        { when: "firstBackup", change: "adds the Windows service IaaSVmProvider" },
      ],
    });
  });

  it("puts this stack's changes first: the declared extension and the VSS registry value at this deployment", () => {
    expect(lines(windows({ extension: toSnapshotExtension("declare", "Windows"), vss: "Copy" }))).toEqual([
      "at this deployment: installs the VMSnapshot 1.9 extension (Microsoft.Azure.RecoveryServices), declared by this stack",
      "at this deployment: sets registry value HKLM\\SOFTWARE\\Microsoft\\BcdrAgent\\USEVSSCOPYBACKUP = TRUE (REG_SZ, copy-only VSS backups) by run command azure-vm-backup-vss",
      VC, VSS_STARTUP, PROVIDER,
    ]);
    expect(lines(windows({ vss: "Full" }))[0]).toBe("at this deployment: removes registry value HKLM\\SOFTWARE\\Microsoft\\BcdrAgent\\USEVSSCOPYBACKUP (full VSS backups) by run command azure-vm-backup-vss");
  });

  it("windowsReadiness: check changes nothing; prepare sets VSS to Automatic at this deployment, so Azure Backup has no startup change left", () => {
    expect(lines(windows({ windowsReadiness: "check" }))[0]).toBe(
      "at this deployment: checks the Volume Shadow Copy service and the VM agent by run command azure-vm-backup-windows-readiness (changes nothing; fails the deployment if VSS is Disabled or the agent is missing)",
    );
    expect(lines(windows({ windowsReadiness: "check" }))).toContain(VSS_STARTUP);
    const prepared = lines(windows({ windowsReadiness: "prepare" }));
    expect(prepared[0]).toBe("at this deployment: sets the Volume Shadow Copy (VSS) service startup type to Automatic by run command azure-vm-backup-windows-readiness");
    expect(prepared).not.toContain(VSS_STARTUP);
    expect(prepared).toContain(PROVIDER);
  });

  it("lists the Linux extension, and the plug-in file this stack writes when scripts are declared", () => {
    expect(lines(linux())).toEqual(["at the first backup: installs the VMSnapshotLinux extension (Microsoft.Azure.RecoveryServices)"]);
    expect(lines(linux({ scripts: true }))).toEqual([
      "at this deployment: writes /etc/azure/VMSnapshotScriptPluginConfig.json (owner root, mode 600) by run command azure-vm-backup-snapshot-scripts, after checking the pre/post scripts are owned by root with mode 700",
      "at the first backup: installs the VMSnapshotLinux extension (Microsoft.Azure.RecoveryServices)",
    ]);
    expect(lines(linux({ extension: toSnapshotExtension("declare", "Linux") }))).toEqual([
      "at this deployment: installs the VMSnapshotLinux 1.0 extension (Microsoft.Azure.RecoveryServices), declared by this stack",
    ]);
  });

  it("says a deallocated VM gets the extension at the first backup after it starts", () => {
    expect(lines(windows({ powerState: "deallocated" }))[0]).toBe(
      "at the first backup: installs the VMSnapshot extension (Microsoft.Azure.RecoveryServices); the VM is deallocated, so at the first backup after it starts",
    );
  });

  it.each<[string, Partial<InGuestInput>, string]>([
    ["a VM that already has backup", { alreadyProtected: true }, "already protected: Azure Backup made its changes at the VM's first backup"],
    ["a VM whose protection is stopped", { protectionState: "ProtectionStopped" }, "protection ProtectionStopped: no backups run"],
    ["a VM under a crash-consistent-only policy", { crashConsistentOnly: true }, "crash-consistent-only policy: Azure Backup needs no extension in the VM"],
  ])("installs nothing new from Azure Backup in %s, and keeps this stack's own changes", (_name, over, reason) => {
    expect(toInGuestChanges(windows({ vss: "Copy", ...over }))).toEqual({
      changes: [{ when: "deployment", change: "sets registry value HKLM\\SOFTWARE\\Microsoft\\BcdrAgent\\USEVSSCOPYBACKUP = TRUE (REG_SZ, copy-only VSS backups) by run command azure-vm-backup-vss" }],
      azureBackupAddsNothing: reason,
    });
  });

  it("treats a VM as newly protected unless told it already has backup", () => {
    expect(toInGuestChanges(windows({ alreadyProtected: false }))).toEqual(toInGuestChanges(windows()));
  });
});
