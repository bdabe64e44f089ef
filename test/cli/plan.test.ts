import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { runCommand } from "../support/runCommand";

const devCounts = {
  "pulumi:pulumi:Stack": 1,
  "azure-vm-backup:vault:BackupVault": 1,
  "azure-native:resources:ResourceGroup": 1,
  "azure-native:recoveryservices:Vault": 1,
  "azure-vm-backup:policy:VmBackupPolicy": 4,
  "azure-native:recoveryservices:ProtectionPolicy": 4,
  // Five listed VMs plus the two the backup: gold selector finds in inventory/dev.yaml, under one
  // collection component each for the items and the VM side.
  "azure-vm-backup:protection:ProtectedVms": 1,
  "azure-native:recoveryservices:ProtectedItem": 7,
  "azure-vm-backup:vm:VmBackupExtensions": 1,
  "azure-native:compute:VirtualMachineExtension": 2,
  "azure-native:compute:VirtualMachineRunCommandByVirtualMachine": 2,
};

function tempConfig(text: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "avb-plan-"));
  const file = path.join(dir, "Pulumi.bad.yaml");
  fs.writeFileSync(file, text);
  return file;
}

describe("npm run plan", () => {
  it("prints the preview-shaped JSON document for the dev stack with --json", async () => {
    const r = await runCommand("plan", ["--json"]);
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout) as { steps: Array<{ op: string; urn: string; newState: { type: string; inputs: Record<string, unknown>; parent?: string } }>; changeSummary: { create: number } };
    const counts: Record<string, number> = {};
    for (const s of doc.steps) {
      expect(s.op).toBe("create");
      expect(s.urn).toMatch(/^urn:pulumi:dev::azure-vm-backup::/);
      counts[s.newState.type] = (counts[s.newState.type] ?? 0) + 1;
    }
    for (const [type, count] of Object.entries(devCounts)) expect(counts[type], type).toBe(count);
    expect(doc.changeSummary.create).toBe(doc.steps.length);
    const vault = doc.steps.find((s) => s.newState.type === "azure-native:recoveryservices:Vault")!;
    expect(vault.newState.inputs.vaultName).toBe("rsv-backup-dev");
    const item = doc.steps.find((s) => s.newState.type === "azure-native:recoveryservices:ProtectedItem")!;
    expect((item.newState.inputs.properties as { policyId: string }).policyId).toMatch(
      /^\/subscriptions\/6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f\/resourceGroups\/rg-backup-dev\/providers\/Microsoft\.RecoveryServices\/vaults\/rsv-backup-dev\/backupPolicies\/[-a-z]+$/,
    );
    expect(r.stderr).toBe("");
  });

  it("prints a human summary with each policy's schedule and retention", async () => {
    const r = await runCommand("plan");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Plan for stack "dev" (offline): 25 resources to create, 17 of them in Azure');
    expect(r.stdout).toMatch(/hourly-enhanced\s+│ Enhanced\s+│ every 4 h, 16 h window from 06:00/);
    expect(r.stdout).toMatch(/weekly-standard\s+│ Standard\s+│ weekly Saturday\/Sunday at 01:00/);
    expect(r.stdout).toContain("monthly 60 m (day 1, Last)");
    expect(r.stdout).toMatch(/vm-sql-01\s+│ rg-app-prod\s+│ Windows\s+│ hourly-enhanced\s+│ Protected\s+│ VMSnapshot 1\.9 \(declared\)\s+│ app \(VSS copy-only, set by run command\)\s+│ OS \+ LUNs 0, 1/);
  });

  it("reads another stack file with --config-file", async () => {
    const file = tempConfig(`config:
  azure-native:location: northeurope
  azure-vm-backup:vault: { name: rsv-other, resourceGroupName: rg-other }
  azure-vm-backup:policies:
    nightly: { schedule: { frequency: Daily, time: "02:00" }, retention: { daily: 7 } }
`);
    const r = await runCommand("plan", ["--config-file", file, "--json"]);
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout) as { steps: Array<{ newState: { type: string; inputs: Record<string, unknown> } }> };
    expect(doc.steps.find((s) => s.newState.type === "azure-native:recoveryservices:Vault")!.newState.inputs).toMatchObject({ vaultName: "rsv-other", location: "northeurope" });
  });

  it("exits 1 with every problem on stderr and nothing on stdout for an invalid configuration", async () => {
    const file = tempConfig(`config:
  azure-native:location: westeurope
  azure-vm-backup:vault: { name: rsv-bad, resourceGroupName: rg-bad, storageRedundancy: GRS }
  azure-vm-backup:policies:
    daily-standard: { schedule: { frequency: Daily, time: "22:00" }, retention: { daily: 3 } }
`);
    const r = await runCommand("plan", ["--config-file", file, "--json"]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("policies.daily-standard.retention.daily: must be a whole number from 7 to 9999 days (got 3)");
    expect(r.stderr).toContain('vault.storageRedundancy: must be one of GeoRedundant, ZoneRedundant, LocallyRedundant (got "GRS")');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("exits 1 naming the file when the stack file is missing or not YAML", async () => {
    const missing = await runCommand("plan", ["--stack", "nosuchstack"]);
    expect(missing.status).toBe(1);
    expect(missing.stdout).toBe("");
    expect(missing.stderr).toMatch(/Pulumi\.nosuchstack\.yaml: cannot read the stack configuration: no such file/);
    const broken = await runCommand("plan", ["--config-file", tempConfig("config: [unclosed\n")]);
    expect(broken.status).toBe(1);
    expect(broken.stderr).toContain("Cannot parse the stack configuration");
  });

  it("exits 1 on an unknown flag", async () => {
    const r = await runCommand("plan", ["--jsn"]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("unknown option '--jsn'");
  });
});
