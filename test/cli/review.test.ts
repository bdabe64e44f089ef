import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { policies } from "../../policies/policies";
import { runCommand } from "../support/runCommand";

const fixture = (...p: string[]) => path.join(__dirname, "..", "fixtures", ...p);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "review-"));

describe("npm run review (docs/policy-reviews.md)", () => {
  it("exits 0 on the dev stack and prints every policy evaluated with its enforcement level", async () => {
    const { status, stdout, stderr } = await runCommand("review", []);
    expect(stderr).toBe("");
    expect(status).toBe(0);
    expect(stdout).toContain('Policy review of stack "dev" (offline plan of Pulumi.dev.yaml) with policy pack azure-vm-backup@v0.1.0: 25 resources');
    expect(stdout).toContain(`Policies evaluated (${policies.length} of ${policies.length}):`);
    for (const p of policies) expect(stdout).toMatch(new RegExp(`  ${p.enforcementLevel}\\s+${p.name}\\s`));
    expect(stdout).toContain("  mandatory recoveryservices-backuppolicy-enforce-service-rules           4 resources checked, 0 violations");
    expect(stdout).toContain("Violations: 0 mandatory, 6 advisory");
    expect(stdout).toContain("Result: no mandatory violation.");
  });

  it.each(["native", "classic"])("exits 2 on a saved %s preview with a public vault and 3-day retention, naming both", async (family) => {
    const { status, stdout } = await runCommand("review", ["--preview-json", fixture("previews", `public-vault-short-retention.${family}.json`)]);
    expect(status).toBe(2);
    const vaultType = family === "native" ? "azure-native:recoveryservices:Vault" : "azure:recoveryservices/vault:Vault";
    const policyType = family === "native" ? "azure-native:recoveryservices:ProtectionPolicy" : "azure:backup/policyVM:PolicyVM";
    expect(stdout).toContain(`urn:pulumi:prod::legacy-backup::${vaultType}::vault (${vaultType})\n  [mandatory] recoveryservices-vault-disallow-public-network-access: Vault public network access is`);
    expect(stdout).toContain(`urn:pulumi:prod::legacy-backup::${policyType}::nightly (${policyType})`);
    // Someone else's program: the message names the resource's own field, not this project's configuration key.
    const field = family === "native" ? "properties.retentionPolicy.dailySchedule.retentionDuration.count" : "retentionDaily.count";
    expect(stdout).toContain(`  [mandatory] recoveryservices-backuppolicy-configure-minimum-retention: Policy nightly keeps daily recovery points 3 days; set ${field} to at least 7.`);
    expect(stdout).toContain("  [mandatory] recoveryservices-backuppolicy-enforce-service-rules: nightly.retention.daily: must be a whole number from 7 to 9999 days (got 3)");
    expect(stdout).toContain("Result: 3 mandatory violations (exit 2).");
  });

  it("exits 1 on a stack configuration asking for 3-day retention: the loader rejects it before any policy runs", async () => {
    const { status, stdout, stderr } = await runCommand("review", ["--config-file", fixture("configs", "public-vault-3-day-retention.yaml")]);
    expect(status).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toBe("error: Invalid azure-vm-backup configuration (1 problem):\n  - policies.short.retention.daily: must be a whole number from 7 to 9999 days (got 3)\n");
  });

  it("exits 2 on a plannable public-vault stack whose 14-day retention is below a configured 30-day minimum", async () => {
    const { status, stdout } = await runCommand("review", ["--config-file", fixture("configs", "public-vault-14-day-retention.yaml"), "--policy-config", fixture("policyConfigs", "minimum-30-days.json")]);
    expect(status).toBe(2);
    expect(stdout).toContain("[mandatory] recoveryservices-vault-disallow-public-network-access: Vault public network access is Enabled;");
    // This project's own stack: the message adds the configuration key.
    expect(stdout).toContain(
      "[mandatory] recoveryservices-backuppolicy-configure-minimum-retention: Policy short keeps daily recovery points 14 days; set properties.retentionPolicy.dailySchedule.retentionDuration.count (config policies.short.retention.daily) to at least 30.",
    );
    expect(stdout).toContain("Result: 2 mandatory violations (exit 2).");
  });

  it("exits 0 when --policy-config turns every policy advisory, still listing the violations", async () => {
    const { status, stdout } = await runCommand("review", ["--preview-json", fixture("previews", "public-vault-short-retention.native.json"), "--policy-config", fixture("policyConfigs", "all-advisory.json")]);
    expect(status).toBe(0);
    // the three mandatory findings and the five advisories of a bare vault
    expect(stdout).toContain("Violations: 0 mandatory, 8 advisory");
    expect(stdout).toContain("  [advisory] recoveryservices-vault-disallow-public-network-access:");
  });

  it("exits 1 listing every problem of an invalid policy configuration or preview document, with nothing on stdout", async () => {
    const config = await runCommand("review", ["--policy-config", fixture("policyConfigs", "invalid.json")]);
    expect(config.status).toBe(1);
    expect(config.stdout).toBe("");
    expect(config.stderr).toBe(
      `error: Invalid policy configuration ${fixture("policyConfigs", "invalid.json")} (2 problems):\n` +
        '  - recoveryservices-vault-disallow-public-network-access: must be one of advisory, mandatory, remediate, disabled (got "off")\n' +
        "  - recoveryservices-vault-enable-soft-delete.minimumRetentionDays: must be <= 180 (got 200)\n",
    );
    const preview = await runCommand("review", ["--preview-json", fixture("previews", "broken.json")]);
    expect(preview.status).toBe(1);
    expect(preview.stdout).toBe("");
    expect(preview.stderr).toContain("  - steps[1].urn: is required: the resource URN\n");
    expect(preview.stderr).toContain("  - steps[2].newState: is required for a create step: the resource's planned state\n");
  });

  it("reviews `plan --json` output like the plan itself and writes the Markdown report", async () => {
    const plan = await runCommand("plan", ["--json"]);
    expect(plan.status).toBe(0);
    const file = path.join(tmp, "dev-preview.json");
    fs.writeFileSync(file, plan.stdout);
    const md = path.join(tmp, "review.md");
    const { status, stdout } = await runCommand("review", ["--preview-json", file, "--markdown", md]);
    expect(status).toBe(0);
    expect(stdout).toContain("Violations: 0 mandatory, 6 advisory");
    const report = fs.readFileSync(md, "utf8");
    expect(report).toContain("## Azure VM backup: stack `dev`");
    expect(report).toContain("Policy pack `azure-vm-backup@v0.1.0`: 33 policies over 25 resources, **0 mandatory** and 6 advisory violations.");
    expect(report).toContain("| advisory | `recoveryservices-vault-enable-customer-managed-key` |");
    expect(report).toContain("```mermaid\ngantt");
  });
});
