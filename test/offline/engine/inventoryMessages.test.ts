import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { readInventoryFile } from "../../../infra/offline/engine/inventory";
import { readStackConfigFile } from "../../../infra/offline/engine/stackConfig";

const write = (text: string) => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "avb-inv-")), "inventory.yaml");
  fs.writeFileSync(file, text);
  return file;
};

describe("inventory and file errors read like configuration errors", () => {
  it("a VM without a location names the key and what it must be", () => {
    const file = write("virtualMachines:\n  - id: /subscriptions/6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm\n    os: Linux\n    tags: [a]\n");
    let message = "";
    try {
      readInventoryFile(file);
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toContain("virtualMachines[0].location: is required: the VM's Azure region, e.g. westeurope");
    expect(message).toContain("virtualMachines[0].tags: must be a mapping of tag name to value");
    expect(message).not.toMatch(/Invalid input|expected string/);
  });

  it("a missing file says so in words, not a bare ENOENT", () => {
    expect(() => readInventoryFile("/nonexistent/inventory.yaml")).toThrow("/nonexistent/inventory.yaml: cannot read the inventory: no such file");
    expect(() => readStackConfigFile("/nonexistent/Pulumi.x.yaml")).toThrow("cannot read the stack configuration: no such file");
  });
});
