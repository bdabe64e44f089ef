import { describe, expect, it } from "vitest";
import { reconcilePolicyConfig } from "../../infra/offline/review/policyConfig";
import { reviewPlan, reviewResourcesFromRun } from "../../infra/offline/review/policyHarness";
import { loadPolicyPack } from "../../infra/offline/review/policyPack";
import { toEstateView } from "../../infra/offline/views/estateView";
import { planStack } from "../../infra/offline/engine/planStack";
import { renderMarkdownReport } from "../../infra/report/markdownReport";

const WINTER = new Date("2026-01-15T12:00:00Z");

describe("renderMarkdownReport", () => {
  it("renders the dev estate: diagram vault -> policies -> VMs (with the VM side), UTC gantt, retention and VMs, and the review verdict", async () => {
    const planned = await planStack({ stack: "dev" });
    const pack = loadPolicyPack();
    const review = await reviewPlan(reviewResourcesFromRun(planned.resources), { packName: pack.name, packVersion: pack.version, policies: pack.policies, config: reconcilePolicyConfig(pack.policies) });
    const estate = toEstateView(planned.resources);
    const md = renderMarkdownReport({ stack: "dev", source: "offline plan of `Pulumi.dev.yaml`", estate, review, referenceDate: WINTER });

    expect(md).toContain("Source: offline plan of `Pulumi.dev.yaml`. 1 vault, 4 policies, 7 protected VMs.");
    expect(md).toContain("| rsv-backup-dev | rg-backup-dev | westeurope | GeoRedundant + CRR | AlwaysON 14 d | Unlocked | Disabled | on | no | yes |");
    expect(md).toContain('  vault_rsv_backup_dev --> policy_daily_standard\n');
    expect(md).toContain("  policy_hourly_enhanced --> vm_rg_app_prod_vm_sql_01\n");
    expect(md).toContain('  vm_rg_app_prod_vm_sql_01(["vm-sql-01<br/>rg-app-prod<br/>Windows, VMSnapshot 1.9 (declared), app"])\n');
    // 22:00 W. Europe in January is 21:00 UTC; 23:30 UTC plus the two-hour spread crosses midnight.
    expect(md).toContain("  title Backup windows over 24 hours (UTC, offsets as of 2026-01-15)\n");
    expect(md).toContain("  section daily-standard\n  daily start spread from 21h00 UTC :p1_0, 21:00, 120m\n");
    expect(md).toContain("  section daily-enhanced-archive\n  daily start spread from 23h30 UTC :p0_0, 23:30, 30m\n  daily start spread from 23h30 UTC :p0_1, 00:00, 90m\n");
    expect(md).toContain("  section hourly-enhanced\n  every 4 h for 16 h from 06h00 UTC :p2_0, 06:00, 960m\n");
    expect(md).toContain("| daily-standard | Standard | daily at 22:00 | W. Europe Standard Time | 21:00 | 2 d | 30 d | 12 w (Sunday) | 12 m (First Sunday) | 5 y (January First Sunday) |  | 4 |");
    expect(md).toContain("| vm-pg-01 | rg-data-prod | daily-enhanced-archive | OS + LUNs 0, 1 | Protected | Linux | VMSnapshotLinux 1.0 (declared) | file (fsfreeze, no scripts) | yes |");
    expect(md).toContain("Policy pack `azure-vm-backup@v0.1.0`: 33 policies over 25 resources, **0 mandatory** and 6 advisory violations.");
    expect(md).toContain("| advisory | `recoveryservices-vault-enable-customer-managed-key` | `urn:pulumi:dev::azure-vm-backup::azure-vm-backup:vault:BackupVault$azure-native:recoveryservices:Vault::rsv-backup-dev-vault` |");
  });

  it("shows the VM side (OS, extension, consistency) of each protected VM when the stack declares it", () => {
    const item = { urn: "u", vaultName: "rsv", vmId: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm-1", vmName: "vm-1", vmResourceGroup: "rg", policyName: "p", disks: "all", protect: false, retainOnDelete: true, protectionState: "ProtectionStopped" };
    const side = { key: "rg/vm-1", vmId: item.vmId.toUpperCase(), vmName: "vm-1", vmResourceGroup: "rg", os: "Linux", source: "vms[0]", extension: "VMSnapshotLinux 1.0 (declared)", extensionDeclared: true, consistency: "file", consistencyDetail: "fsfreeze, no scripts", warnings: [] };
    const md = renderMarkdownReport({ stack: "s", source: "test", estate: { vaults: [], policies: [], items: [item], vms: [side] }, referenceDate: WINTER });
    expect(md).toContain("| VM | Resource group | Policy | Disks | Protection | OS | Extension | Consistency | Protected from deletion |");
    expect(md).toContain("| vm-1 | rg | p | all | ProtectionStopped | Linux | VMSnapshotLinux 1.0 (declared) | file (fsfreeze, no scripts) | retain on delete |");
    expect(md).toContain('(["vm-1<br/>rg<br/>Linux, VMSnapshotLinux 1.0 (declared), file"])');
    expect(md).not.toContain("### Policy review");
    const withoutVmSide = renderMarkdownReport({ stack: "s", source: "test", estate: { vaults: [], policies: [], items: [item], vms: [] }, referenceDate: WINTER });
    expect(withoutVmSide).toContain("| VM | Resource group | Policy | Disks | Protection | Protected from deletion |");
  });
});
