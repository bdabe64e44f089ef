import { describe, expect, it } from "vitest";
import { renderPlanSummary } from "../../../infra/cli/render/planSummary";
import { decodeScriptPluginJson } from "../../../infra/model/scriptPlugin";
import { toEstateView } from "../../../infra/offline/views/estateView";
import { toPlanDocument } from "../../../infra/offline/views/planDocument";
import { inventoryInvokeHandler } from "../../../infra/offline/engine/inventory";
import { ProgramError, runProgram } from "../../../infra/offline/engine/runProgram";
import { planStack } from "../../../infra/offline/engine/planStack";
import { defineStack } from "../../../infra/stack";
import { baseInventory, inventoryVm, STANDARD, toRaw, vmId, vmSideKeys } from "../../fixtures/vmSide";

describe("the dev stack's VM side", () => {
  it("declares the extensions, VSS and script run commands, and protects the tag selector's VMs", async () => {
    const planned = await planStack({ stack: "dev" });
    const byType = (t: string) => planned.resources.filter((r) => r.type === t);
    expect(byType("azure-native:compute:VirtualMachineExtension").map((r) => [r.inputs.vmName, r.inputs.type])).toEqual([
      ["vm-sql-01", "VMSnapshot"],
      ["vm-pg-01", "VMSnapshotLinux"],
    ]);
    // Sorted: a run command with a secret input registers once the secret resolves, so order is not meaningful.
    const commands = byType("azure-native:compute:VirtualMachineRunCommandByVirtualMachine").sort((a, b) => String(a.inputs.vmName).localeCompare(String(b.inputs.vmName)));
    expect(commands.map((r) => [r.inputs.vmName, r.inputs.runCommandName])).toEqual([
      ["vm-app-01", "azure-vm-backup-snapshot-scripts"],
      ["vm-sql-01", "azure-vm-backup-vss"],
    ]);
    expect(JSON.parse(decodeScriptPluginJson((commands[0]!.inputs.source as { script: string }).script)!)).toMatchObject({
      preScriptLocation: "/opt/backup/pre.sh", postScriptLocation: "/opt/backup/post.sh", preScriptParams: ["[secret]"], timeoutInSeconds: 120, ScriptsExecutionPollTimeSeconds: 2,
    });

    const view = toEstateView(planned.resources);
    expect(view.vms.map((v) => [v.vmName, v.os, v.source, v.extension, v.vss ?? "-", v.consistency, v.backedUpLuns])).toEqual([
      ["vm-api-01", "Linux", "selectors[0]", "VMSnapshotLinux (installed by Azure Backup)", "-", "file", []],
      ["vm-api-02", "Windows", "selectors[0]", "VMSnapshot (installed by Azure Backup)", "-", "app", [0]],
      ["vm-app-01", "Linux", "vms[2]", "VMSnapshotLinux (installed by Azure Backup)", "-", "app", [0]],
      ["vm-sql-01", "Windows", "vms[1]", "VMSnapshot 1.9 (declared)", "Copy", "app", [0, 1]],
      ["vm-web-01", "Windows", "vms[0]", "VMSnapshot (installed by Azure Backup)", "-", "app", [0]],
      ["vm-files-01", "Windows", "vms[4]", "VMSnapshot (installed by Azure Backup)", "-", "app", [0]],
      ["vm-pg-01", "Linux", "vms[3]", "VMSnapshotLinux 1.0 (declared)", "-", "file", [0, 1]],
    ]);
    // vm-web-01 carries the selector's tag, but its explicit entry (daily-standard) wins; vm-batch-01 is outside rg-app-prod.
    expect(view.items.map((i) => [i.vmName, i.policyName])).toEqual([
      ["vm-api-01", "daily-standard"], ["vm-api-02", "daily-standard"], ["vm-app-01", "weekly-standard"], ["vm-sql-01", "hourly-enhanced"],
      ["vm-web-01", "daily-standard"], ["vm-files-01", "daily-standard"], ["vm-pg-01", "daily-enhanced-archive"],
    ]);
  });

  it("prints every VM's OS, extension, consistency, disks backed up and policy", async () => {
    const planned = await planStack({ stack: "dev" });
    const text = renderPlanSummary(planned.stack, planned.resources, planned.warnings);
    const row = (vm: string) => text.split("\n").find((l) => l.includes(` ${vm} `) || l.includes(` ${vm}(`))!.split("│").map((c) => c.trim()).filter(Boolean);
    expect(row("vm-sql-01")).toEqual(["vm-sql-01", "rg-app-prod", "Windows", "hourly-enhanced", "Protected", "VMSnapshot 1.9 (declared)", "app (VSS copy-only, set by run command)", "OS + LUNs 0, 1"]);
    expect(row("vm-app-01")).toEqual(["vm-app-01", "rg-app-prod", "Linux", "weekly-standard", "Protected", "VMSnapshotLinux (installed by Azure Backup)", "app (pre/post scripts)", "OS + LUN 0"]);
    expect(row("vm-api-01")).toEqual(["vm-api-01 (selectors[0])", "rg-app-prod", "Linux", "daily-standard", "Protected", "VMSnapshotLinux (installed by Azure Backup)", "file (fsfreeze, no scripts)", "OS only"]);
    // The dev estate is clean: no warnings, so `plan --json` writes nothing on stderr.
    expect(text).not.toContain("Warnings:");
  });
});

describe("the dev plan's stability", () => {
  it("plans the same document twice (look-ups resolve concurrently, output order must not depend on them)", async () => {
    const a = await planStack({ stack: "dev" });
    const b = await planStack({ stack: "dev" });
    expect(toPlanDocument(b.resources)).toEqual(toPlanDocument(a.resources));
  });
});

describe("the program's VM look-ups", () => {
  const invoke = inventoryInvokeHandler({ inventory: baseInventory() });

  it("warns that a deallocated VM gets crash-consistent points until it runs, in the plan summary", async () => {
    const inventory = { virtualMachines: [inventoryVm("rg-app", "vm-win-01", { powerState: "deallocated" }), ...baseInventory().virtualMachines.slice(1)] };
    const run = await runProgram({ config: toRaw(vmSideKeys()), invoke: inventoryInvokeHandler({ inventory }) });
    const text = renderPlanSummary(run.stack, run.resources, []);
    expect(text).toContain("  - vms[0].id: is deallocated: Azure Backup installs the snapshot extension at the first backup after the VM starts, and its first recovery points are crash-consistent");
    expect(text).toMatch(/vm-win-01\s+│ rg-app\s+│ Windows\s+│ daily-standard\s+│ Protected\s+│ VMSnapshot \(installed by Azure Backup\)\s+│ crash \(VM is deallocated: crash-consistent until it runs\)/);
  });

  it("stops with a clear error when a VM is unknown offline and its entry states no os", async () => {
    const keys = vmSideKeys();
    keys.vms.push({ id: vmId("rg-app", "vm-ghost"), policy: "daily-standard" });
    await expect(runProgram({ config: toRaw(keys), invoke })).rejects.toThrow(
      "vms[2].id: could not be looked up (not found: the offline inventory has no VM with this ID); state os: Windows | Linux in the entry to plan it without Azure's facts",
    );
  });

  it("plans an unknown VM whose entry states os, and chooses its extension from that os", async () => {
    const keys = vmSideKeys();
    keys.vms.push({ id: vmId("rg-app", "vm-ghost"), policy: "daily-standard", os: "Linux", extension: "declare" });
    const run = await runProgram({ config: toRaw(keys), invoke });
    const ext = run.resources.find((r) => r.type === "azure-native:compute:VirtualMachineExtension");
    expect([ext?.inputs.vmName, ext?.inputs.type, ext?.inputs.location]).toEqual(["vm-ghost", "VMSnapshotLinux", "westeurope"]);
  });

  it("declares nothing when a fact rule fails, and lists every failing VM", async () => {
    const keys = vmSideKeys();
    const inventory = { virtualMachines: [
      inventoryVm("rg-app", "vm-win-01", { dataDisks: [{ lun: 0, sku: "UltraSSD_LRS", shared: false }] }),
      inventoryVm("rg-app", "vm-lnx-01", { os: "Linux", location: "northeurope" }),
    ] };
    let error: unknown;
    const run = await runProgram({
      config: toRaw(keys),
      invoke: inventoryInvokeHandler({ inventory }),
      program: async () => defineStack().catch((err: unknown) => { error = err; return {}; }),
    });
    expect((error as Error).message).toBe([
      "Invalid azure-vm-backup configuration (2 problems):",
      "  - vms[0].policy: has Ultra Disk / Premium SSD v2 disks: LUN 0 (UltraSSD_LRS), which needs an Enhanced policy; daily-standard is Standard (choose a policy with tier: Enhanced)",
      "  - vms[1].id: is in northeurope but the vault is in westeurope; a VM can only be backed up to a vault in its own region",
    ].join("\n"));
    expect(run.resources.map((r) => r.type)).toEqual(["pulumi:pulumi:Stack"]);
  });

  it("rejects a VM matched by two selectors with different policies, naming both selectors", async () => {
    const keys = { ...vmSideKeys(), policies: { "daily-standard": STANDARD, "other-standard": STANDARD } };
    const inventory = { virtualMachines: [...baseInventory().virtualMachines, inventoryVm("rg-app", "vm-tagged", { tags: { backup: "gold", web: "yes" } })] };
    const config = toRaw({ ...keys, selectors: [{ tags: { backup: "gold" }, policy: "daily-standard" }, { tags: { web: "yes" }, policy: "other-standard" }] });
    const err = await runProgram({ config, invoke: inventoryInvokeHandler({ inventory }) }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProgramError);
    expect((err as Error).message).toContain(`selectors[1]: matches VM ${vmId("rg-app", "vm-tagged")}, which selectors[0] also matches, with policy other-standard here and daily-standard there`);
  });

  it("answers every invoke offline: a run with selectors and disks leaves none unanswered", async () => {
    const inventory = { virtualMachines: [...baseInventory().virtualMachines, inventoryVm("rg-app", "vm-tagged", { tags: { backup: "gold" } })] };
    const config = toRaw({ ...vmSideKeys(), selectors: [{ tags: { backup: "gold" }, resourceGroups: ["rg-app", "rg-other"], policy: "daily-standard" }] });
    const run = await runProgram({ config, invoke: inventoryInvokeHandler({ inventory }) });
    expect(run.resources.filter((r) => r.type === "azure-native:recoveryservices:ProtectedItem").map((r) => r.inputs.protectedItemName)).toEqual([
      "vm;iaasvmcontainerv2;rg-app;vm-lnx-01", "vm;iaasvmcontainerv2;rg-app;vm-tagged", "vm;iaasvmcontainerv2;rg-app;vm-win-01",
    ]);
  });
});
