import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { readInventoryFile } from "../../infra/offline/engine/inventory";
import { runCommand } from "../support/runCommand";

const AZURE = path.join("test", "fixtures", "azure");
const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), "avb-adopt-cli-"));

describe("npm run adopt", () => {
  it("writes the adopted configuration to --out, with notes on stderr, exit 0", async () => {
    const out = path.join(tempDir(), "Pulumi.adopted.yaml");
    const r = await runCommand("adopt", ["--from", path.join(AZURE, "estate"), "--out", out]);
    expect(r.stderr).toMatch(/^note: test\/fixtures\/azure\/estate\/policies\.json value\[0\]\.properties\.timeZone: is not in the body/m);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe("");
    const config = parse(fs.readFileSync(out, "utf8")).config;
    expect(config["azure-vm-backup:vault"].importId).toMatch(/\/vaults\/swaggerExample$/);
    expect(Object.keys(config["azure-vm-backup:policies"])).toEqual(["DefaultPolicy", "testPolicy1"]);
    // Times and dates stay strings for any YAML reader.
    expect(config["azure-vm-backup:policies"].DefaultPolicy.schedule.time).toBe("19:00");
    expect(config["azure-vm-backup:policies"].DefaultPolicy.scheduleDate).toBe("2017-12-05");
  });

  it("refuses the directory of Azure's examples that break a rule, naming each file and path, and writes nothing", async () => {
    const out = path.join(tempDir(), "never.yaml");
    const r = await runCommand("adopt", ["--from", path.join(AZURE, "refused"), "--out", out]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("");
    expect(fs.existsSync(out)).toBe(false);
    expect(r.stderr).toMatch(/^error: Cannot adopt \(\d+ problems\):/);
    for (const expected of [
      "test/fixtures/azure/refused/PUTVault_WithUserAssignedIdentity.json id: is a second vault",
      "test/fixtures/azure/refused/ProtectionPolicies_Get.json id: is not in the adopted vault",
      "test/fixtures/azure/refused/GetResourceGuardProxy.json id: is not in the adopted vault",
      "test/fixtures/azure/refused/GETVault.json properties.securitySettings.sourceScanConfiguration.state: true cannot be deployed with provider native",
    ]) expect(r.stderr).toContain(expected);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("writes an inventory that `plan --inventory` reads, and rejects giving both or neither source", async () => {
    const dir = tempDir();
    const vm = fs.readFileSync(path.join(AZURE, "compute", "VirtualMachine_Get.json"), "utf8").replace(/\{subscription-id\}/g, "6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f");
    fs.mkdirSync(path.join(dir, "in"));
    fs.writeFileSync(path.join(dir, "in", "vm.json"), vm);
    const out = path.join(dir, "inventory.yaml");
    const r = await runCommand("adopt", ["--inventory-from", path.join(dir, "in"), "--out", out]);
    expect(r.status).toBe(0);
    // The file plan reads with --inventory (same schema, same reader).
    expect(readInventoryFile(out).inventory.virtualMachines[0]).toMatchObject({ location: "westus", os: "Windows", powerState: "running", dataDisks: [{ lun: 0 }, { lun: 1 }] });
    const both = await runCommand("adopt", ["--from", dir, "--inventory-from", dir]);
    expect(both.status).toBe(1);
    expect(both.stderr).toContain("give exactly one: --from DIR (stack configuration) or --inventory-from DIR (offline inventory)");
  });
});
