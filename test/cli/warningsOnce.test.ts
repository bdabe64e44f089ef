import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { runCommand } from "../support/runCommand";

const SUB = "6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f";
const STACK = `config:
  azure-native:location: westeurope
  azure-vm-backup:vault: { name: rsv-warn, resourceGroupName: rg-warn }
  azure-vm-backup:policies:
    daily: { schedule: { frequency: Daily, time: "22:00" }, retention: { daily: 30 } }
  azure-vm-backup:vms:
    - { id: /subscriptions/${SUB}/resourceGroups/rg-app/providers/Microsoft.Compute/virtualMachines/vm-a, policy: daily, os: Linux }
`;

function stackFile(): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "avb-warn-")), "Pulumi.warn.yaml");
  fs.writeFileSync(file, STACK);
  return file;
}

const LOOKUP_WARNING = "vms[0].id: could not be looked up";

describe("warnings are printed once, where they belong", () => {
  it("the summary lists each warning once and stderr stays quiet; the summary says how many VMs went unchecked", async () => {
    const r = await runCommand("plan", ["--config-file", stackFile()]);
    expect(r.status).toBe(0);
    expect(r.stdout.split(LOOKUP_WARNING)).toHaveLength(2);
    expect(r.stderr).not.toContain(LOOKUP_WARNING);
    expect(r.stdout).toContain("Not checked against Azure's facts: 1 of 1 VMs (vm-a)");
  });

  it("with --json, stdout is only the document and the warnings go to stderr, once", async () => {
    const r = await runCommand("plan", ["--json", "--config-file", stackFile()]);
    expect(r.status).toBe(0);
    expect(() => JSON.parse(r.stdout)).not.toThrow();
    expect(r.stderr.split(LOOKUP_WARNING)).toHaveLength(2);
  });

  it("--strict refuses VMs planned without Azure's facts, naming each", async () => {
    const r = await runCommand("plan", ["--strict", "--config-file", stackFile()]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("Unchecked VMs (--strict)");
    expect(r.stderr).toContain("vms[0]: VM vm-a was planned without Azure's facts");
  });

  it("review --strict refuses them too", async () => {
    const r = await runCommand("review", ["--strict", "--config-file", stackFile()]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("vms[0]: VM vm-a was planned without Azure's facts");
  });
});
