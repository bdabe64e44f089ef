import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { runCommand } from "../support/runCommand";

describe("npm run plan -- --markdown FILE", () => {
  it("prints the usual summary and writes the pull-request report of the plan (no review section)", async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "plan-md-")), "plan.md");
    const { status, stdout, stderr } = await runCommand("plan", ["--markdown", file]);
    expect(stderr).toBe("");
    expect(status).toBe(0);
    expect(stdout).toContain('Plan for stack "dev" (offline): 25 resources to create');
    const md = fs.readFileSync(file, "utf8");
    expect(md.startsWith("## Azure VM backup: stack `dev`\n\nSource: offline plan of `Pulumi.dev.yaml`. 1 vault, 4 policies, 7 protected VMs.\n")).toBe(true);
    expect(md).toContain("### Vault, policies and VMs\n\n```mermaid\nflowchart LR\n");
    expect(md).toContain("### Backup windows (UTC)");
    expect(md).toContain("### Retention at a glance");
    expect(md).not.toContain("### Policy review");
  });

  it("writes nothing and exits 1 on invalid configuration", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "plan-md-"));
    const file = path.join(dir, "plan.md");
    const { status } = await runCommand("plan", ["--config-file", path.join(__dirname, "..", "fixtures", "configs", "public-vault-3-day-retention.yaml"), "--markdown", file]);
    expect(status).toBe(1);
    expect(fs.existsSync(file)).toBe(false);
  });
});
