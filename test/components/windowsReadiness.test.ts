import { describe, expect, it } from "vitest";
import { inventoryInvokeHandler } from "../../infra/offline/engine/inventory";
import type { RecordedResource } from "../../infra/offline/engine/recordedResource";
import { runProgram } from "../../infra/offline/engine/runProgram";
import { windowsReadinessScript } from "../../infra/model/windowsReadiness";
import { baseInventory, toRaw, vmSideKeys } from "../fixtures/vmSide";

// The readiness run command Azure receives, per mode and per source of the setting (the VM's entry
// or vmDefaults). vm-win-01 is Windows and vm-lnx-01 Linux in the shared inventory.
async function plan(vms: Array<Record<string, unknown>>, extra: Record<string, unknown> = {}, inventory = baseInventory()) {
  const keys = { ...vmSideKeys(), ...extra };
  keys.vms = vms.map((vm, i) => ({ ...keys.vms[i], ...vm }));
  return runProgram({ config: toRaw(keys), invoke: inventoryInvokeHandler({ inventory }) });
}
const RUN_COMMAND = "azure-native:compute:VirtualMachineRunCommandByVirtualMachine";
const runCommands = (rs: readonly RecordedResource[]) => rs.filter((r) => r.type === RUN_COMMAND);
const summaries = (rs: readonly RecordedResource[]) =>
  rs.find((r) => r.type === "azure-vm-backup:vm:VmBackupExtensions")!.outputs!.vms as Record<string, { windowsReadiness: string; inGuestChanges: { changes: Array<{ when: string; change: string }> } }>;

describe("windowsReadiness", () => {
  it.each([["check"], ["prepare"]] as const)("%s declares one readiness run command on the Windows VM, failing the deployment when its script fails", async (mode) => {
    const run = await plan([{ windowsReadiness: mode }, {}]);
    const [command, ...rest] = runCommands(run.resources);
    expect(rest).toEqual([]);
    expect(command!.name).toBe("rg-app/vm-win-01-windows-readiness");
    expect(command!.parent).toBe("urn:pulumi:dev::azure-vm-backup::azure-vm-backup:vm:VmBackupExtensions::rsv-test");
    expect(command!.inputs).toEqual({
      resourceGroupName: "rg-app", vmName: "vm-win-01", runCommandName: "azure-vm-backup-windows-readiness", location: "westeurope",
      source: { script: windowsReadinessScript(mode) }, asyncExecution: false, treatFailureAsDeploymentFailure: true, timeoutInSeconds: 300,
    });
    const vm = summaries(run.resources)["rg-app/vm-win-01"]!;
    expect(vm.windowsReadiness).toBe(mode);
    expect(vm.inGuestChanges.changes[0]!.when).toBe("deployment");
  });

  it("vmDefaults.windowsReadiness applies to the Windows VMs only; a VM's own key wins", async () => {
    const byDefault = await plan([{}, {}], { vmDefaults: { windowsReadiness: "prepare" } });
    expect(runCommands(byDefault.resources).map((r) => [r.name, (r.inputs.source as { script: string }).script])).toEqual([
      ["rg-app/vm-win-01-windows-readiness", windowsReadinessScript("prepare")],
    ]);
    expect(summaries(byDefault.resources)["rg-app/vm-lnx-01"]!.windowsReadiness).toBe("none");
    const overridden = await plan([{ windowsReadiness: "check" }, {}], { vmDefaults: { windowsReadiness: "prepare" } });
    expect((runCommands(overridden.resources)[0]!.inputs.source as { script: string }).script).toBe(windowsReadinessScript("check"));
  });

  it("declares nothing where it was not asked for", async () => {
    const run = await plan([{}, {}]);
    expect(runCommands(run.resources)).toEqual([]);
    expect(summaries(run.resources)["rg-app/vm-win-01"]!.windowsReadiness).toBe("none");
  });

  it("stops the program before anything is declared when a Linux VM's entry sets it, naming the key", async () => {
    await expect(plan([{}, { windowsReadiness: "check" }])).rejects.toThrow(
      "vms[1].windowsReadiness: is Windows only (it checks the VSS service and the Windows VM agent) and the VM runs Linux; remove windowsReadiness (got check)",
    );
  });

  it("stops the program on a deallocated Windows VM, as for the other run commands (the VM agent must run)", async () => {
    const inventory = baseInventory();
    inventory.virtualMachines[0] = { ...inventory.virtualMachines[0]!, powerState: "deallocated" };
    await expect(plan([{}, {}], { vmDefaults: { windowsReadiness: "check" } }, inventory)).rejects.toThrow(
      "vms[0].id: is deallocated, but windowsReadiness: check (vmDefaults) needs the VM agent of a running VM; start the VM before deploying, or leave these to a later deployment",
    );
  });
});
