import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError } from "../../../infra/config/configError";
import { FileInputError } from "../../../infra/offline/engine/fileInput";
import { inventoryInvokeHandler, readInventoryFile } from "../../../infra/offline/engine/inventory";
import { baseInventory, inventoryVm, vmId } from "../../fixtures/vmSide";

const write = (text: string) => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "inv-")), "inventory.yaml");
  fs.writeFileSync(file, text);
  return file;
};

describe("inventoryInvokeHandler", () => {
  const inventory = { virtualMachines: [...baseInventory().virtualMachines, inventoryVm("rg-data", "vm-gold", { os: "Linux", tags: { Backup: "gold" }, dataDisks: [{ lun: 3, sku: "UltraSSD_LRS", shared: true }] })] };
  const invoke = inventoryInvokeHandler({ inventory });

  it("answers getVirtualMachine with the instance view when asked, matching names case-insensitively", () => {
    const answer = invoke("azure-native:compute:getVirtualMachine", { resourceGroupName: "RG-APP", vmName: "VM-LNX-01", expand: "instanceView" });
    expect(answer).toMatchObject({
      id: vmId("rg-app", "vm-lnx-01"),
      location: "westeurope",
      storageProfile: { osDisk: { osType: "Linux" }, dataDisks: [{ lun: 0, managedDisk: { storageAccountType: "StandardSSD_LRS" } }] },
      instanceView: { statuses: [{ code: "ProvisioningState/succeeded" }, { code: "PowerState/running" }] },
    });
    expect(invoke("azure-native:compute:getVirtualMachine", { resourceGroupName: "rg-app", vmName: "vm-lnx-01" })).not.toHaveProperty("instanceView");
  });

  it("answers an unknown VM or disk with an empty result (not found)", () => {
    expect(invoke("azure-native:compute:getVirtualMachine", { resourceGroupName: "rg-app", vmName: "ghost" })).toEqual({});
    expect(invoke("azure-native:compute:getDisk", { resourceGroupName: "rg-app", diskName: "ghost" })).toEqual({});
  });

  it("answers getDisk with maxShares for shared disks", () => {
    expect(invoke("azure-native:compute:getDisk", { resourceGroupName: "rg-data", diskName: "vm-gold-data-3" })).toEqual({
      id: "/subscriptions/6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f/resourceGroups/rg-data/providers/Microsoft.Compute/disks/vm-gold-data-3",
      name: "vm-gold-data-3", location: "westeurope", maxShares: 2, sku: { name: "UltraSSD_LRS" },
    });
  });

  it("answers getResources by type, required tags (names case-insensitive) and resource group", () => {
    const ids = (inputs: Record<string, unknown>) =>
      ((invoke("azure:core/getResources:getResources", inputs)!.resources as Array<{ id: string }>)).map((r) => r.id);
    expect(ids({ type: "Microsoft.Compute/virtualMachines", requiredTags: { backup: "gold" } })).toEqual([vmId("rg-data", "vm-gold")]);
    expect(ids({ type: "Microsoft.Compute/virtualMachines", requiredTags: { backup: "gold" }, resourceGroupName: "rg-app" })).toEqual([]);
    expect(ids({ type: "Microsoft.Network/virtualNetworks", requiredTags: {} })).toEqual([]);
  });

  it("leaves any other function unanswered, so the run names it", () => {
    expect(invoke("azure-native:compute:getSshPublicKey", {})).toBeUndefined();
  });
});

describe("readInventoryFile", () => {
  it("reads the bundled dev inventory", () => {
    const { inventory } = readInventoryFile(path.join(__dirname, "..", "..", "..", "inventory", "dev.yaml"));
    expect(inventory.virtualMachines.map((v) => v.id.split("/").pop())).toEqual(["vm-web-01", "vm-sql-01", "vm-app-01", "vm-pg-01", "vm-files-01", "vm-api-01", "vm-api-02", "vm-batch-01"]);
  });

  it("rejects an invalid inventory with every offending key", () => {
    const file = write("virtualMachines:\n  - id: nope\n    os: Solaris\n    location: westeurope\n    dataDisks: [{ lun: 64 }]\n");
    try {
      readInventoryFile(file);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as ConfigError).issues.map((i) => `${i.path}: ${i.message}`)).toEqual([
        'virtualMachines[0].dataDisks[0].lun: must be a whole number from 0 to 63 (got 64)',
        'virtualMachines[0].id: must be a VM resource ID (got "nope")',
        'virtualMachines[0].os: must be one of Windows, Linux (got "Solaris")',
      ]);
      expect((err as Error).message).toContain(`Invalid inventory ${file}`);
    }
  });

  it("names a missing file, as a file-input error rather than a configuration error", () => {
    expect(() => readInventoryFile("/nonexistent/inventory.yaml")).toThrow("/nonexistent/inventory.yaml: cannot read the inventory: no such file");
    expect(() => readInventoryFile("/nonexistent/inventory.yaml")).toThrow(FileInputError);
    expect(() => readInventoryFile("/nonexistent/inventory.yaml")).not.toThrow(ConfigError);
  });
});
