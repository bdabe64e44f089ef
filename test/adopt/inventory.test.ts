import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { inventoryFromArm, locateInventoryIssues, RESOURCE_GRAPH_QUERY } from "../../infra/adopt/inventoryFromArm";
import { ConfigError } from "../../infra/config/configError";
import { zodIssues } from "../../infra/config/zodIssues";
import { inventorySchema } from "../../infra/offline/engine/inventory";

const COMPUTE = path.join(__dirname, "..", "fixtures", "azure", "compute");
const SUB = "6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f";
const text = (name: string) => fs.readFileSync(path.join(COMPUTE, name), "utf8");
/** Azure's examples write `{subscription-id}` where a real body has the subscription's GUID. */
const withSubscription = (t: string) => t.replace(/\{subscription-?[iI]d\}/g, SUB);

function checked(files: Array<{ name: string; text: string }>) {
  const built = inventoryFromArm(files);
  const parsed = inventorySchema.safeParse(built.inventory, { reportInput: true });
  return { built, parsed, issues: parsed.success ? [] : locateInventoryIssues(zodIssues(parsed.error, ""), built.sources) };
}

describe("adopt --inventory-from: the offline inventory from what Azure returns for VMs and disks", () => {
  it("reads VirtualMachines_Get (REST shape): region, OS, disks and their SKUs, tags", () => {
    const { built, parsed } = checked([{ name: "vm.json", text: withSubscription(text("VirtualMachine_Get.json")) }]);
    expect(parsed.success).toBe(true);
    expect(built.inventory.virtualMachines).toEqual([{
      id: `/subscriptions/${SUB}/resourceGroups/myResourceGroup/providers/Microsoft.Compute/virtualMachines/myVM`,
      location: "westus",
      os: "Windows",
      osDisk: { sku: "Premium_LRS" },
      dataDisks: [{ lun: 0, sku: "Premium_LRS" }, { lun: 1, sku: "Premium_LRS" }],
      tags: { myTag1: "tagValue1" },
    }]);
    // The GET without instance view has no power state: recorded as running, and said so.
    expect(built.notes.map((n) => n.path)).toEqual(["vm.json"]);
  });

  it("marks a data disk shared when its disk body (az disk list) has maxShares > 1, and reads `az vm show -d` power states", () => {
    const vm = JSON.parse(withSubscription(text("VirtualMachine_Get.json")));
    // The az CLI flattens `properties` and adds `powerState`; the same VM as `az vm show -d` prints it.
    const az = { ...vm, ...vm.properties, powerState: "VM deallocated" };
    delete az.properties;
    const disk = JSON.parse(withSubscription(text("Disk_Get.json")));
    disk.id = vm.properties.storageProfile.dataDisks[1].managedDisk.id;
    disk.properties.maxShares = 2;
    const { built } = checked([{ name: "vms.json", text: JSON.stringify([az]) }, { name: "disks.json", text: JSON.stringify([disk]) }]);
    expect(built.inventory.virtualMachines[0]).toMatchObject({ powerState: "deallocated", dataDisks: [{ lun: 0 }, { lun: 1, sku: "Premium_LRS", shared: true }] });
    expect(built.notes).toEqual([]);
  });

  it("reads an Azure Resource Graph result ({data: [...]}) with the extended instance view", () => {
    const vm = JSON.parse(withSubscription(text("VirtualMachine_Get.json")));
    vm.properties.extended = { instanceView: { powerState: { code: "PowerState/stopped" } } };
    const { built } = checked([{ name: "graph.json", text: JSON.stringify({ count: 1, data: [vm], skip_token: null, total_records: 1 }) }]);
    expect(built.inventory.virtualMachines[0]!.powerState).toBe("stopped");
  });

  it("refuses Azure's example as is: `{subscription-id}` is no VM ID", () => {
    const { issues } = checked([{ name: "VirtualMachine_Get.json", text: text("VirtualMachine_Get.json") }]);
    expect(issues).toEqual([{ path: "VirtualMachine_Get.json id", message: expect.stringMatching(/^must be a VM resource ID .*\(inventory key id\)$/) }]);
  });

  it("refuses what the inventory cannot express: unmanaged and ephemeral disks, a VM still starting, other types", () => {
    const vm = JSON.parse(withSubscription(text("VirtualMachine_Get.json")));
    vm.properties.storageProfile.osDisk.diffDiskSettings = { option: "Local" };
    delete vm.properties.storageProfile.dataDisks[0].managedDisk;
    vm.properties.storageProfile.dataDisks[0].vhd = { uri: "https://sa.blob.core.windows.net/vhds/d0.vhd" };
    vm.properties.instanceView = { statuses: [{ code: "PowerState/starting" }] };
    let error: unknown;
    try {
      inventoryFromArm([{ name: "vm.json", text: JSON.stringify(vm) }, { name: "nic.json", text: JSON.stringify({ id: "/x", type: "Microsoft.Network/networkInterfaces" }) }]);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).issues.map((i) => i.path)).toEqual([
      "nic.json type",
      "vm.json properties.instanceView.statuses",
      "vm.json properties.storageProfile.dataDisks[0]",
      "vm.json properties.storageProfile.osDisk.diffDiskSettings",
    ]);
  });

  it("docs/adopting.md gives the Resource Graph query this reads", () => {
    const doc = fs.readFileSync(path.join(__dirname, "..", "..", "docs", "adopting.md"), "utf8");
    for (const line of RESOURCE_GRAPH_QUERY.split("\n")) expect(doc).toContain(line);
  });
});
