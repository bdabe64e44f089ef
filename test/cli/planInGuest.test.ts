import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { planCommand } from "../../infra/cli/plan";
import { runCli } from "../../infra/cli/runCli";

// What changes inside each VM, in the three outputs of `npm run plan`: the dev stack (Windows and
// Linux VMs, declared extensions, VSS, scripts) and a hardened estate with windowsReadiness and an
// inventory stating a Disabled VSS.
const FIXTURES = path.join(__dirname, "..", "fixtures");
const READINESS = ["--config-file", path.join(FIXTURES, "configs", "windows-readiness.yaml"), "--inventory", path.join(FIXTURES, "inventories", "windows-readiness.yaml")];
const vmId = (rg: string, name: string) => `/subscriptions/6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f/resourceGroups/${rg}/providers/Microsoft.Compute/virtualMachines/${name}`;

async function plan(args: string[]) {
  let stdout = "";
  vi.spyOn(process.stdout, "write").mockImplementation((s) => { stdout += String(s); return true; });
  vi.spyOn(process.stderr, "write").mockImplementation(() => true);
  process.exitCode = undefined;
  await runCli(planCommand(), ["node", "plan", ...args]);
  vi.restoreAllMocks();
  return { stdout, code: process.exitCode };
}

afterEach(() => {
  process.exitCode = undefined;
});

/** The indented change lines the terminal summary prints under one VM. */
function vmBlock(stdout: string, vm: string): string[] {
  const lines = stdout.split("\n");
  const start = lines.findIndex((l) => l.startsWith(`  ${vm} (`));
  expect(start, vm).toBeGreaterThan(-1);
  const block: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (!line.startsWith("    - ")) break;
    block.push(line.slice(6));
  }
  return block;
}

const WINDOWS_FIRST_BACKUP = [
  "at the first backup: installs Microsoft Visual C++ 2013 Redistributable (x64) 12.0.40660",
  "at the first backup: changes the Volume Shadow Copy (VSS) service startup type from Manual to Automatic",
  "at the first backup: adds the Windows service IaaSVmProvider",
];

describe("plan: what changes inside each VM", () => {
  it("names, for each Windows VM of the dev stack, the VC++ 2013 runtime, the VSS startup change and IaaSVmProvider; for Linux the extension and the plug-in file", async () => {
    const { stdout, code } = await plan([]);
    expect(code ?? 0).toBe(0);
    expect(stdout).toContain("What changes inside each VM (this stack's changes first, then Azure Backup's):");
    for (const vm of ["vm-web-01", "vm-files-01", "vm-api-02"]) {
      expect(vmBlock(stdout, vm), vm).toEqual(["at the first backup: installs the VMSnapshot extension (Microsoft.Azure.RecoveryServices)", ...WINDOWS_FIRST_BACKUP]);
    }
    expect(vmBlock(stdout, "vm-sql-01")).toEqual([
      "at this deployment: installs the VMSnapshot 1.9 extension (Microsoft.Azure.RecoveryServices), declared by this stack",
      "at this deployment: sets registry value HKLM\\SOFTWARE\\Microsoft\\BcdrAgent\\USEVSSCOPYBACKUP = TRUE (REG_SZ, copy-only VSS backups) by run command azure-vm-backup-vss",
      ...WINDOWS_FIRST_BACKUP,
    ]);
    expect(vmBlock(stdout, "vm-app-01")).toEqual([
      "at this deployment: writes /etc/azure/VMSnapshotScriptPluginConfig.json (owner root, mode 600) by run command azure-vm-backup-snapshot-scripts, after checking the pre/post scripts are owned by root with mode 700",
      "at the first backup: installs the VMSnapshotLinux extension (Microsoft.Azure.RecoveryServices)",
    ]);
    expect(vmBlock(stdout, "vm-api-01")).toEqual(["at the first backup: installs the VMSnapshotLinux extension (Microsoft.Azure.RecoveryServices)"]);
    expect(vmBlock(stdout, "vm-pg-01")).toEqual(["at this deployment: installs the VMSnapshotLinux 1.0 extension (Microsoft.Azure.RecoveryServices), declared by this stack"]);
  });

  it("writes the same changes to the Markdown report, one row per change", async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "avb-md-")), "report.md");
    await plan(["--markdown", file]);
    const md = fs.readFileSync(file, "utf8");
    const section = md.slice(md.indexOf("### What changes inside the VMs"));
    expect(section).toContain("| VM | OS | When | Change |");
    for (const vm of ["vm-web-01", "vm-files-01", "vm-api-02", "vm-sql-01"]) {
      expect(section).toContain(`| ${vm} | Windows | at the first backup | installs Microsoft Visual C++ 2013 Redistributable (x64) 12.0.40660 |`);
      expect(section).toContain(`| ${vm} | Windows | at the first backup | changes the Volume Shadow Copy (VSS) service startup type from Manual to Automatic |`);
      expect(section).toContain(`| ${vm} | Windows | at the first backup | adds the Windows service IaaSVmProvider |`);
    }
    expect(section).toContain("| vm-app-01 | Linux | at this deployment | writes /etc/azure/VMSnapshotScriptPluginConfig.json (owner root, mode 600)");
    expect(section).toContain("| vm-app-01 | Linux | at the first backup | installs the VMSnapshotLinux extension (Microsoft.Azure.RecoveryServices) |");
    // This stack's changes come before Azure Backup's for each VM.
    expect(section.indexOf("| vm-sql-01 | Windows | at this deployment |")).toBeLessThan(section.indexOf("| vm-sql-01 | Windows | at the first backup |"));
  });

  it("adds inGuestChanges keyed by VM ID to --json, leaving the preview-shaped steps and changeSummary as they were", async () => {
    const { stdout } = await plan(["--json"]);
    const doc = JSON.parse(stdout) as { steps: unknown[]; changeSummary: { create: number }; inGuestChanges: Record<string, { changes: Array<{ when: string; change: string }> }> };
    expect(Object.keys(doc)).toEqual(["config", "data", "steps", "changeSummary", "inGuestChanges"]);
    expect(doc.changeSummary.create).toBe(doc.steps.length);
    expect(Object.keys(doc.inGuestChanges)).toHaveLength(7);
    expect(doc.inGuestChanges[vmId("rg-app-prod", "vm-web-01")]).toEqual({
      changes: [
        { when: "firstBackup", change: "installs the VMSnapshot extension (Microsoft.Azure.RecoveryServices)" },
        { when: "firstBackup", change: "installs Microsoft Visual C++ 2013 Redistributable (x64) 12.0.40660" },
        { when: "firstBackup", change: "changes the Volume Shadow Copy (VSS) service startup type from Manual to Automatic" },
        { when: "firstBackup", change: "adds the Windows service IaaSVmProvider" },
      ],
    });
    expect(doc.inGuestChanges[vmId("rg-data-prod", "vm-pg-01")]).toEqual({
      changes: [{ when: "deployment", change: "installs the VMSnapshotLinux 1.0 extension (Microsoft.Azure.RecoveryServices), declared by this stack" }],
    });
  });
});

describe("plan: windowsReadiness and a Disabled VSS stated by the inventory", () => {
  it("lists the readiness run command first, and warns per VM with the consistency it will really get", async () => {
    const { stdout, code } = await plan(READINESS);
    expect(code ?? 0).toBe(0);
    expect(vmBlock(stdout, "vm-check-01")[0]).toBe(
      "at this deployment: checks the Volume Shadow Copy service and the VM agent by run command azure-vm-backup-windows-readiness (changes nothing; fails the deployment if VSS is Disabled or the agent is missing)",
    );
    expect(vmBlock(stdout, "vm-prepare-01")).toEqual([
      "at this deployment: sets the Volume Shadow Copy (VSS) service startup type to Automatic by run command azure-vm-backup-windows-readiness",
      "at the first backup: installs the VMSnapshot extension (Microsoft.Azure.RecoveryServices)",
      "at the first backup: installs Microsoft Visual C++ 2013 Redistributable (x64) 12.0.40660",
      "at the first backup: adds the Windows service IaaSVmProvider",
    ]);
    const warnings = stdout.slice(stdout.indexOf("Warnings:")).split("\n").filter((l) => l.startsWith("  - ")).map((l) => l.slice(4));
    expect(warnings).toEqual([
      "vms[0]: VM vm-check-01 (rg-hardened): the inventory states the Volume Shadow Copy (VSS) service is Disabled; windowsReadiness: check will fail this deployment until VSS is enabled (otherwise backups would only be file-consistent)",
      "vms[2]: VM vm-golden-01 (rg-hardened): the inventory states the Volume Shadow Copy (VSS) service is Disabled, so its backups will be file-consistent, not app-consistent (Azure Backup falls back silently at every backup); enable VSS, or set windowsReadiness: prepare (sets it to Automatic) or check (fails the deployment)",
      "vms[1]: VM vm-prepare-01 (rg-hardened): the inventory states the Volume Shadow Copy (VSS) service is Disabled; windowsReadiness: prepare sets it to Automatic at this deployment, so backups are app-consistent",
    ]);
  });

  it("puts the same warnings in the Markdown report", async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "avb-md-")), "report.md");
    await plan([...READINESS, "--markdown", file]);
    expect(fs.readFileSync(file, "utf8")).toContain(
      "- vms[2]: VM vm-golden-01 (rg-hardened): the inventory states the Volume Shadow Copy (VSS) service is Disabled, so its backups will be file-consistent, not app-consistent",
    );
  });
});
