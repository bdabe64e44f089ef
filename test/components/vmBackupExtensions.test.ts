import { describe, expect, it } from "vitest";
import { inventoryInvokeHandler } from "../../infra/offline/engine/inventory";
import type { RecordedResource } from "../../infra/offline/engine/recordedResource";
import { runProgram } from "../../infra/offline/engine/runProgram";
import { decodeScriptPluginJson } from "../../infra/model/scriptPlugin";
import { vssScript } from "../../infra/model/vssSetting";
import { baseInventory, toRaw, vmSideKeys } from "../fixtures/vmSide";

// Exact inputs Azure receives for the VM side, per OS. Mocks cannot prove URN parentage in a real
// engine; the recorder reads the parent from the register request, which is what the engine uses.

async function plan(vms: Array<Record<string, unknown>>, extra: Record<string, unknown> = {}) {
  const keys = { ...vmSideKeys(), ...extra };
  keys.vms = vms.map((vm, i) => ({ ...keys.vms[i], ...vm }));
  return runProgram({ config: toRaw(keys), invoke: inventoryInvokeHandler({ inventory: baseInventory() }) });
}
const ofType = (rs: readonly RecordedResource[], type: string) => rs.filter((r) => r.type === type);
const COMPONENT = "azure-vm-backup:vm:VmBackupExtensions";
/** The one VM-side component of the vault and its per-VM summaries. */
function vmSide(rs: readonly RecordedResource[]) {
  const components = ofType(rs, COMPONENT);
  expect(components).toHaveLength(1);
  return { component: components[0]!, vms: components[0]!.outputs!.vms as Record<string, Record<string, unknown>> };
}

describe("VmBackupExtensions", () => {
  it("declares VMSnapshot on Windows and VMSnapshotLinux on Linux, chosen from the OS fact", async () => {
    const run = await plan([{ extension: "declare" }, {}], { vmDefaults: { extension: "declare" } });
    const extensions = ofType(run.resources, "azure-native:compute:VirtualMachineExtension");
    expect(extensions.map((r) => [r.name, r.inputs])).toEqual([
      ["rg-app/vm-lnx-01-snapshot-extension", {
        resourceGroupName: "rg-app", vmName: "vm-lnx-01", vmExtensionName: "VMSnapshotLinux", location: "westeurope",
        publisher: "Microsoft.Azure.RecoveryServices", type: "VMSnapshotLinux", typeHandlerVersion: "1.0", autoUpgradeMinorVersion: true,
      }],
      ["rg-app/vm-win-01-snapshot-extension", {
        resourceGroupName: "rg-app", vmName: "vm-win-01", vmExtensionName: "VMSnapshot", location: "westeurope",
        publisher: "Microsoft.Azure.RecoveryServices", type: "VMSnapshot", typeHandlerVersion: "1.9", autoUpgradeMinorVersion: true,
      }],
    ]);
  });

  it("declares nothing on the VM with extension auto (the default), and says which extension Azure Backup installs", async () => {
    const run = await plan([{}, {}]);
    expect(ofType(run.resources, "azure-native:compute:VirtualMachineExtension")).toEqual([]);
    expect(ofType(run.resources, "azure-native:compute:VirtualMachineRunCommandByVirtualMachine")).toEqual([]);
    // The component is registered with nothing under it: its outputs are the VM side's summary.
    const { component, vms } = vmSide(run.resources);
    expect(component.name).toBe("rsv-test");
    expect(run.resources.filter((r) => r.parent === component.urn)).toEqual([]);
    expect(Object.entries(vms).map(([key, v]) => [key, v.os, v.extensionType, v.extensionDeclared, v.consistency]).sort()).toEqual([
      ["rg-app/vm-lnx-01", "Linux", "VMSnapshotLinux", false, "file"],
      ["rg-app/vm-win-01", "Windows", "VMSnapshot", false, "app"],
    ]);
  });

  it("sets copy-only VSS on Windows through a managed run command", async () => {
    const run = await plan([{ vss: "Copy" }, {}]);
    const [command, ...rest] = ofType(run.resources, "azure-native:compute:VirtualMachineRunCommandByVirtualMachine");
    expect(rest).toEqual([]);
    expect(command!.name).toBe("rg-app/vm-win-01-vss");
    expect(command!.inputs).toEqual({
      resourceGroupName: "rg-app", vmName: "vm-win-01", runCommandName: "azure-vm-backup-vss", location: "westeurope",
      source: { script: vssScript("Copy") }, asyncExecution: false, treatFailureAsDeploymentFailure: true, timeoutInSeconds: 300,
    });
  });

  it("going back to Full keeps the same run command and removes the value", async () => {
    const run = await plan([{ vss: "Full" }, {}]);
    const [command] = ofType(run.resources, "azure-native:compute:VirtualMachineRunCommandByVirtualMachine");
    expect([command!.name, (command!.inputs.runCommandName as string)]).toEqual(["rg-app/vm-win-01-vss", "azure-vm-backup-vss"]);
    expect((command!.inputs.source as { script: string }).script).toContain("Remove-ItemProperty -Path $key -Name 'USEVSSCOPYBACKUP'");
  });

  it("writes the Linux script plug-in file through a managed run command", async () => {
    const scripts = { preScript: "/opt/backup/pre.sh", postScript: "/opt/backup/post.sh", preScriptParams: ["a"], timeoutSeconds: 90, pollSeconds: 1 };
    const run = await plan([{}, { scripts }]);
    const [command] = ofType(run.resources, "azure-native:compute:VirtualMachineRunCommandByVirtualMachine");
    expect(command!.name).toBe("rg-app/vm-lnx-01-snapshot-scripts");
    expect(command!.inputs).toMatchObject({
      resourceGroupName: "rg-app", vmName: "vm-lnx-01", runCommandName: "azure-vm-backup-snapshot-scripts", location: "westeurope",
      asyncExecution: false, treatFailureAsDeploymentFailure: true, timeoutInSeconds: 300,
    });
    // The parameter reaches the VM only through the protected parameter, a Pulumi secret; the script shows [secret].
    expect(command!.secretPaths).toContain("protectedParameters");
    const [parameter] = command!.inputs.protectedParameters as Array<{ name: string; value: string }>;
    expect(parameter!.name).toBe("AZURE_VM_BACKUP_PLUGIN_CONFIG");
    expect(JSON.parse(Buffer.from(parameter!.value, "base64").toString("utf8"))).toMatchObject({ preScriptParams: ["a"], postScriptParams: [] });
    const json = decodeScriptPluginJson((command!.inputs.source as { script: string }).script);
    expect(JSON.parse(json!)).toEqual({
      pluginName: "ScriptRunner", preScriptLocation: "/opt/backup/pre.sh", postScriptLocation: "/opt/backup/post.sh",
      preScriptParams: ["[secret]"], postScriptParams: [], preScriptNoOfRetries: 0, postScriptNoOfRetries: 0, timeoutInSeconds: 90,
      continueBackupOnFailure: true, fsFreezeEnabled: true, ScriptsExecutionPollTimeSeconds: 1,
    });
    expect(vmSide(run.resources).vms["rg-app/vm-lnx-01"]).toMatchObject({ consistency: "app", consistencyDetail: "pre/post scripts", scriptPluginConfigPath: "/etc/azure/VMSnapshotScriptPluginConfig.json" });
  });

  it("parents every VM-side resource to the vault's VmBackupExtensions component, never to an azure-native resource", async () => {
    const run = await plan([{ extension: "declare", vss: "Copy" }, { extension: "declare", scripts: { preScript: "/a", postScript: "/b" } }]);
    const { component, vms } = vmSide(run.resources);
    expect(component.urn).toBe("urn:pulumi:dev::azure-vm-backup::azure-vm-backup:vm:VmBackupExtensions::rsv-test");
    expect(component.parent).toBe("urn:pulumi:dev::azure-vm-backup::pulumi:pulumi:Stack::azure-vm-backup-dev");
    const resources = run.resources.filter((r) => r.type.startsWith("azure-native:compute:"));
    expect(resources.map((r) => r.urn).sort()).toEqual([
      "urn:pulumi:dev::azure-vm-backup::azure-vm-backup:vm:VmBackupExtensions$azure-native:compute:VirtualMachineExtension::rg-app/vm-lnx-01-snapshot-extension",
      "urn:pulumi:dev::azure-vm-backup::azure-vm-backup:vm:VmBackupExtensions$azure-native:compute:VirtualMachineExtension::rg-app/vm-win-01-snapshot-extension",
      "urn:pulumi:dev::azure-vm-backup::azure-vm-backup:vm:VmBackupExtensions$azure-native:compute:VirtualMachineRunCommandByVirtualMachine::rg-app/vm-lnx-01-snapshot-scripts",
      "urn:pulumi:dev::azure-vm-backup::azure-vm-backup:vm:VmBackupExtensions$azure-native:compute:VirtualMachineRunCommandByVirtualMachine::rg-app/vm-win-01-vss",
    ]);
    for (const r of resources) expect(r.parent).toBe(component.urn);
    expect(Object.keys(vms).sort()).toEqual(["rg-app/vm-lnx-01", "rg-app/vm-win-01"]);
  });

  it("outputs every field of each VM's summary, keyed by VM", async () => {
    const run = await plan([{ vss: "Copy" }, {}]);
    expect(vmSide(run.resources).vms["rg-app/vm-win-01"]).toEqual({
      vmId: "/subscriptions/6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f/resourceGroups/rg-app/providers/Microsoft.Compute/virtualMachines/vm-win-01",
      os: "Windows",
      source: "vms[0]",
      extensionPublisher: "Microsoft.Azure.RecoveryServices",
      extensionType: "VMSnapshot",
      extensionDeclared: false,
      consistency: "app",
      consistencyDetail: "VSS copy-only backup",
      vss: "Copy",
      scriptPluginConfigPath: "",
      windowsReadiness: "none",
      inGuestChanges: {
        changes: [
          { when: "deployment", change: "sets registry value HKLM\\SOFTWARE\\Microsoft\\BcdrAgent\\USEVSSCOPYBACKUP = TRUE (REG_SZ, copy-only VSS backups) by run command azure-vm-backup-vss" },
          { when: "firstBackup", change: "installs the VMSnapshot extension (Microsoft.Azure.RecoveryServices)" },
          { when: "firstBackup", change: "installs Microsoft Visual C++ 2013 Redistributable (x64) 12.0.40660" },
          { when: "firstBackup", change: "changes the Volume Shadow Copy (VSS) service startup type from Manual to Automatic" },
          { when: "firstBackup", change: "adds the Windows service IaaSVmProvider" },
        ],
      },
      backedUpLuns: [0, 1],
      protectionState: "Protected",
      warnings: [],
    });
  });
});
