import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { noChangePreview, retentionScaledPreview, vaultAndItemsDeletedPreview } from "../fixtures/destructivePreviews";
import { runCommand } from "../support/runCommand";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "review-gate-"));
const save = (name: string, doc: unknown) => {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, JSON.stringify(doc));
  return file;
};

describe("npm run review -- --preview-json: the destructive-change gate", () => {
  it("exits 3 on a preview deleting the vault and its items, with the section in the terminal and Markdown reports", async () => {
    const md = path.join(tmp, "deleted.md");
    const { status, stdout, stderr } = await runCommand("review", ["--preview-json", save("deleted.json", vaultAndItemsDeletedPreview()), "--markdown", md]);
    expect(stderr).toBe("");
    expect(status).toBe(3);
    expect(stdout).toContain("Destructive changes:\n  delete  rsv-backup-dev-vault (Azure name rsv-backup-dev, azure-native:recoveryservices:Vault)\n");
    expect(stdout).toContain("  delete  rg-data-prod/vm-pg-01-item (Azure name vm;iaasvmcontainerv2;rg-data-prod;vm-pg-01, azure-native:recoveryservices:ProtectedItem)\n");
    expect(stdout).toContain("Result: 8 destructive changes not acknowledged (exit 3).");
    const report = fs.readFileSync(md, "utf8");
    expect(report).toContain("### Destructive changes\n\n**8 destructive changes not acknowledged: the review fails.**");
    expect(report).toContain("| rsv-backup-dev-vault | rsv-backup-dev | azure-native:recoveryservices:Vault | delete |  | deleted: the vault goes |");
  });

  it("prints the review as JSON with --json, retention cuts with old and new values", async () => {
    const { status, stdout } = await runCommand("review", ["--preview-json", save("halved.json", retentionScaledPreview(0.5)), "--json"]);
    expect(status).toBe(3);
    const doc = JSON.parse(stdout) as { exitCode: number; destructiveChanges: { blocking: Array<{ azureName: string; op: string; changes: unknown[] }> }; policyReview: { violations: unknown[] } };
    expect(doc.exitCode).toBe(3);
    expect(doc.destructiveChanges.blocking.map((c) => `${c.op} ${c.azureName}`).sort()).toEqual(["update daily-enhanced-archive", "update daily-standard", "update hourly-enhanced", "update weekly-standard"]);
    expect(doc.destructiveChanges.blocking.find((c) => c.azureName === "hourly-enhanced")!.changes).toEqual([
      { field: "retention.daily", old: "14 days", new: "7 days" },
      { field: "retention.weekly", old: "8 weeks", new: "4 weeks" },
      { field: "retention.instantRestore", old: "7 days", new: "4 days" },
    ]);
  });

  it("passes a preview in which every retention gets longer: exit 0, nothing destructive, no policy violated", async () => {
    const { status, stdout } = await runCommand("review", ["--preview-json", save("doubled.json", retentionScaledPreview(2))]);
    expect(stdout).toContain("Destructive changes:\n  none.\n");
    expect(status).toBe(0);
  });

  it("passes a preview with no change, and lets an acknowledged deletion through, listing it with its reason", async () => {
    const same = await runCommand("review", ["--preview-json", save("same.json", noChangePreview())]);
    expect(same.status).toBe(0);
    expect(same.stdout).toContain("Destructive changes:\n  none.\nResult: no unacknowledged destructive change.\n");

    const acks = path.join(tmp, "acks.yaml");
    const deleted = vaultAndItemsDeletedPreview();
    const entries = deleted.steps.filter((s) => s.op === "delete").map((s) => `  - resource: ${JSON.stringify(s.urn)}\n    reason: estate moves to the platform stack (ticket OPS-1234)\n`);
    fs.writeFileSync(acks, `acknowledgements:\n${entries.join("")}`);
    const md = path.join(tmp, "acked.md");
    const { status, stdout } = await runCommand("review", ["--preview-json", save("acked.json", deleted), "--acknowledgements", acks, "--markdown", md]);
    expect(status).toBe(0);
    expect(stdout).toContain("Acknowledged destructive changes (8):\n  delete  rsv-backup-dev-vault (Azure name rsv-backup-dev, azure-native:recoveryservices:Vault)\n");
    expect(stdout).toContain("          acknowledged: estate moves to the platform stack (ticket OPS-1234)\n");
    expect(fs.readFileSync(md, "utf8")).toContain("Acknowledged (8):");
  });

  it("exits 1 on an invalid acknowledgements file, naming the field", async () => {
    const acks = path.join(tmp, "bad-acks.yaml");
    fs.writeFileSync(acks, "acknowledgements:\n  - resource: rsv-backup-dev-vault\n");
    const { status, stdout, stderr } = await runCommand("review", ["--preview-json", save("same2.json", noChangePreview()), "--acknowledgements", acks]);
    expect(status).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toBe(`error: Invalid acknowledgements file ${acks} (1 problem):\n  - acknowledgements[0].reason: is required: why this destructive change is deliberate\n`);
  });
});
