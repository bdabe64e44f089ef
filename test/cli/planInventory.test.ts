import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { planCommand } from "../../infra/cli/plan";
import { runCli } from "../../infra/cli/runCli";

async function plan(args: string[]) {
  let stdout = "";
  let stderr = "";
  vi.spyOn(process.stdout, "write").mockImplementation((s) => { stdout += String(s); return true; });
  vi.spyOn(process.stderr, "write").mockImplementation((s) => { stderr += String(s); return true; });
  process.exitCode = undefined;
  await runCli(planCommand(), ["node", "plan", ...args]);
  vi.restoreAllMocks();
  return { stdout, stderr, code: process.exitCode };
}

afterEach(() => {
  process.exitCode = undefined;
});

describe("plan --inventory", () => {
  it("answers the look-ups from another inventory: with none of the VMs, the stated os plans them with warnings", async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "inv-")), "empty.yaml");
    fs.writeFileSync(file, "virtualMachines: []\n");
    const { stdout, code } = await plan(["--inventory", file]);
    expect(code).toBe(0);
    expect(stdout).toContain("vms[0].id: could not be looked up (not found: the offline inventory has no VM with this ID); planned with the stated os Windows");
    // An inventory without the tagged VMs answers the selector with no match: five VMs, and a warning naming it.
    expect(stdout).toContain("selectors[0]: matches no VM (tags backup=gold in rg-app-prod); policy daily-standard protects nothing through it");
  });

  it("fails with exit code 1 and the file's name when the inventory cannot be read", async () => {
    const { stdout, stderr, code } = await plan(["--inventory", "/nonexistent/inventory.yaml", "--json"]);
    expect([code, stdout]).toEqual([1, ""]);
    expect(stderr).toContain("/nonexistent/inventory.yaml: cannot read the inventory: no such file");
  });
});
