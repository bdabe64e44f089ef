import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { runCommand } from "../support/runCommand";

const ROOT = path.resolve(__dirname, "..", "..");
// The dev stack's tag selector needs its look-up answered: the dev inventory answers it.
const INVENTORY = ["--inventory", path.join(ROOT, "inventory", "dev.yaml")];

/** The dev stack's configuration under another file name, as a team keeps one file per stack. */
function stackFile(name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "avb-stack-"));
  const file = path.join(dir, `Pulumi.${name}.yaml`);
  fs.copyFileSync(path.join(ROOT, "Pulumi.dev.yaml"), file);
  return file;
}

describe("--config-file names the stack after the file", () => {
  it("plan: URNs and the summary use prod-a for Pulumi.prod-a.yaml; --stack still wins", async () => {
    const file = stackFile("prod-a");
    const json = await runCommand("plan", ["--json", "--config-file", file, ...INVENTORY]);
    expect(json.status).toBe(0);
    const urns = (JSON.parse(json.stdout) as { steps: Array<{ urn: string }> }).steps.map((s) => s.urn);
    expect(urns.every((u) => u.startsWith("urn:pulumi:prod-a::azure-vm-backup::"))).toBe(true);

    const markdown = path.join(path.dirname(file), "report.md");
    const summary = await runCommand("plan", ["--config-file", file, "--markdown", markdown, ...INVENTORY]);
    expect(summary.stdout).toContain('Plan for stack "prod-a"');
    expect(fs.readFileSync(markdown, "utf8")).toContain("`prod-a`");
    expect(fs.readFileSync(markdown, "utf8")).not.toContain("`dev`");

    const named = await runCommand("plan", ["--json", "--config-file", file, "--stack", "blue", ...INVENTORY]);
    expect((JSON.parse(named.stdout) as { steps: Array<{ urn: string }> }).steps[0].urn).toMatch(/^urn:pulumi:blue::/);
  });

  it("review: the label is the file's stack", async () => {
    const file = stackFile("prod-b");
    const r = await runCommand("review", ["--config-file", file, ...INVENTORY]);
    expect(r.stdout).toContain("prod-b");
    expect(r.stdout).not.toMatch(/stack "dev"/);
  });
});
