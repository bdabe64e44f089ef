import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { runCommandProcess } from "../support/runCommand";

/**
 * The commands as users start them, in a process of their own (`node --import tsx infra/cli/<name>.ts`,
 * what `npm run <name>` runs): entry point, exit codes and streams. The other CLI tests run the same
 * commander programs in the test process, which is much cheaper.
 */
describe("the commands, end to end in their own process", () => {
  it("plan --json prints only the preview-shaped document and exits 0", () => {
    const r = runCommandProcess("plan", ["--json"]);
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout) as { steps: unknown[]; changeSummary: Record<string, number> };
    expect(doc.steps.length).toBeGreaterThan(0);
    expect(doc.changeSummary.create).toBe(doc.steps.length);
  });

  it("an invalid configuration exits 1 with every problem on stderr, nothing on stdout and no stack trace", () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "avb-e2e-")), "Pulumi.bad.yaml");
    fs.writeFileSync(file, "config:\n  azure-vm-backup:vault: { name: 1bad, resourceGroupName: rg }\n  azure-vm-backup:policies: {}\n");
    const r = runCommandProcess("plan", ["--config-file", file]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("vault.name:");
    expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
  });

  it("review of the dev stack exits 0", () => {
    const r = runCommandProcess("review");
    expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(r.status).toBe(0);
  });
});
