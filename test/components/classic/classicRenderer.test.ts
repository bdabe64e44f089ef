import { describe, expect, it } from "vitest";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { ConfigError } from "../../../infra/config/configError";
import { stackConfigPath } from "../../../infra/offline/engine/stackConfig";
import { planStack } from "../../../infra/offline/engine/planStack";
import type { RecordedResource } from "../../../infra/offline/engine/recordedResource";
import { expressibleDevConfig, runConfig } from "../../support/runConfig";

const SUB = "6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f";
const VAULT_ID = `/subscriptions/${SUB}/resourceGroups/rg-backup-dev/providers/Microsoft.RecoveryServices/vaults/rsv-backup-dev`;

function one(resources: readonly RecordedResource[], type: string, name: string): RecordedResource {
  const found = resources.filter((r) => r.type === type && r.name === name);
  expect(found).toHaveLength(1);
  return found[0]!;
}

describe("classic renderer (@pulumi/azure)", () => {
  it("declares the resource group and vault with the configured settings and protect", async () => {
    const { resources } = await runConfig(expressibleDevConfig("classic"));
    const rg = one(resources, "azure:core/resourceGroup:ResourceGroup", "rsv-backup-dev-rg");
    expect(rg.inputs).toEqual({ name: "rg-backup-dev", location: "westeurope", tags: { environment: "dev", owner: "platform-team" } });
    expect(rg.protect).toBe(true);
    const vault = one(resources, "azure:recoveryservices/vault:Vault", "rsv-backup-dev-vault");
    expect(vault.inputs).toEqual({
      name: "rsv-backup-dev",
      resourceGroupName: "rg-backup-dev",
      location: "westeurope",
      tags: { environment: "dev", owner: "platform-team" },
      sku: "Standard",
      storageModeType: "GeoRedundant",
      crossRegionRestoreEnabled: true,
      softDeleteEnabled: true,
      immutability: "Unlocked",
      publicNetworkAccessEnabled: false,
      monitoring: { alertsForAllJobFailuresEnabled: true, alertsForCriticalOperationFailuresEnabled: false },
    });
    expect(vault.protect).toBe(true);
    expect(vault.parent).toBe("urn:pulumi:dev::azure-vm-backup::azure-vm-backup:vault:BackupVault::rsv-backup-dev");
    expect(vault.version).toMatch(/^6\.\d+\.\d+$/);
  });

  it("renders customer-managed keys and their identity", async () => {
    const identity = `/subscriptions/${SUB}/resourceGroups/rg-id/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-backup`;
    const raw = expressibleDevConfig("classic");
    const vaultConfig = { ...(JSON.parse(raw["azure-vm-backup:vault"]!) as object), encryption: { keyUri: "https://kv.vault.azure.net/keys/k/0123", userAssignedIdentityId: identity, infrastructureEncryption: true } };
    const { resources } = await runConfig({ ...raw, "azure-vm-backup:vault": JSON.stringify(vaultConfig) });
    const vault = one(resources, "azure:recoveryservices/vault:Vault", "rsv-backup-dev-vault");
    expect(vault.inputs.identity).toEqual({ type: "UserAssigned", identityIds: [identity] });
    expect(vault.inputs.encryption).toEqual({
      keyId: "https://kv.vault.azure.net/keys/k/0123",
      infrastructureEncryptionEnabled: true,
      useSystemAssignedIdentity: false,
      userAssignedIdentityId: identity,
    });
  });

  it("declares each policy with its schedule, retention, instant restore and tiering", async () => {
    const { resources } = await runConfig(expressibleDevConfig("classic"));
    expect(one(resources, "azure:backup/policyVM:PolicyVM", "daily-standard-policy").inputs).toEqual({
      name: "daily-standard",
      recoveryVaultName: "rsv-backup-dev",
      resourceGroupName: "rg-backup-dev",
      policyType: "V1",
      timezone: "W. Europe Standard Time",
      backup: { frequency: "Daily", time: "22:00" },
      instantRestoreRetentionDays: 2,
      retentionDaily: { count: 30 },
      retentionWeekly: { count: 12, weekdays: ["Sunday"] },
      retentionMonthly: { count: 12, weekdays: ["Sunday"], weeks: ["First"] },
      retentionYearly: { count: 5, weekdays: ["Sunday"], weeks: ["First"], months: ["January"] },
    });
    expect(one(resources, "azure:backup/policyVM:PolicyVM", "hourly-enhanced-policy").inputs).toMatchObject({
      policyType: "V2",
      timezone: "UTC",
      backup: { frequency: "Hourly", time: "06:00", hourInterval: 4, hourDuration: 16 },
      instantRestoreRetentionDays: 7,
      instantRestoreResourceGroup: { prefix: "rg-backup-snapshots-", suffix: "-dev" },
    });
    const archive = one(resources, "azure:backup/policyVM:PolicyVM", "daily-enhanced-archive-policy").inputs;
    expect(archive.retentionMonthly).toEqual({ count: 60, days: [1], includeLastDays: true });
    expect(archive.retentionYearly).toEqual({ count: 10, days: [], includeLastDays: true, months: ["December"] });
    expect(archive.tieringPolicy).toEqual({ archivedRestorePoint: { mode: "TierAfter", duration: 3, durationType: "Months" } });
    expect(one(resources, "azure:backup/policyVM:PolicyVM", "weekly-standard-policy").inputs.backup).toEqual({
      frequency: "Weekly",
      time: "01:00",
      weekdays: ["Saturday", "Sunday"],
    });
  });

  it("protects each VM with its policy's ID and disk selection", async () => {
    const { resources } = await runConfig(expressibleDevConfig("classic"));
    const items = resources.filter((r) => r.type === "azure:backup/protectedVM:ProtectedVM");
    expect(items.length).toBeGreaterThanOrEqual(5);
    const sql = one(resources, "azure:backup/protectedVM:ProtectedVM", "rg-app-prod/vm-sql-01-item");
    expect(sql.inputs).toEqual({
      sourceVmId: `/subscriptions/${SUB}/resourceGroups/rg-app-prod/providers/Microsoft.Compute/virtualMachines/vm-sql-01`,
      excludeDiskLuns: [2, 3],
      recoveryVaultName: "rsv-backup-dev",
      resourceGroupName: "rg-backup-dev",
      backupPolicyId: `${VAULT_ID}/backupPolicies/hourly-enhanced`,
    });
    expect(sql.protect).toBe(true);
    expect(sql.retainOnDelete).toBe(true);
    expect(sql.id).toBe(
      `${VAULT_ID}/backupFabrics/Azure/protectionContainers/iaasvmcontainer;iaasvmcontainerv2;rg-app-prod;vm-sql-01/protectedItems/vm;iaasvmcontainerv2;rg-app-prod;vm-sql-01`,
    );
    expect(one(resources, "azure:backup/protectedVM:ProtectedVM", "rg-data-prod/vm-pg-01-item").inputs.includeDiskLuns).toEqual([0, 1]);
    expect(sql.urn).toBe("urn:pulumi:dev::azure-vm-backup::azure-vm-backup:protection:ProtectedVms$azure:backup/protectedVM:ProtectedVM::rg-app-prod/vm-sql-01-item");
    expect(new Set(items.map((i) => i.parent))).toEqual(new Set(["urn:pulumi:dev::azure-vm-backup::azure-vm-backup:protection:ProtectedVms::rsv-backup-dev"]));
    const component = one(resources, "azure-vm-backup:protection:ProtectedVms", "rsv-backup-dev");
    expect(component.outputs).toEqual({ protectedItemIds: Object.fromEntries(items.map((i) => [i.name.replace(/-item$/, ""), i.id])) });
  });

  it("declares the snapshot extension where the configuration says declare, with the name Azure Backup uses", async () => {
    const { resources } = await runConfig(expressibleDevConfig("classic"));
    const extensions = resources.filter((r) => r.type === "azure:compute/extension:Extension");
    expect(extensions.map((r) => r.name).sort()).toEqual(["rg-app-prod/vm-sql-01-snapshot-extension", "rg-data-prod/vm-pg-01-snapshot-extension"]);
    expect(one(resources, "azure:compute/extension:Extension", "rg-app-prod/vm-sql-01-snapshot-extension").inputs).toEqual({
      name: "VMSnapshot",
      virtualMachineId: `/subscriptions/${SUB}/resourceGroups/rg-app-prod/providers/Microsoft.Compute/virtualMachines/vm-sql-01`,
      publisher: "Microsoft.Azure.RecoveryServices",
      type: "VMSnapshot",
      typeHandlerVersion: "1.9",
      autoUpgradeMinorVersion: true,
    });
    expect(one(resources, "azure:compute/extension:Extension", "rg-data-prod/vm-pg-01-snapshot-extension").inputs.type).toBe("VMSnapshotLinux");
    const component = one(resources, "azure-vm-backup:vm:VmBackupExtensions", "rsv-backup-dev");
    for (const e of extensions) expect(e.parent).toBe(component.urn);
    expect(Object.keys(component.outputs!.vms as object)).toHaveLength(resources.filter((r) => r.type === "azure:backup/protectedVM:ProtectedVM").length);
  });

  it("renders Stopped with the policy azurerm needs to create the item (ignored once stopped) and Suspended with it", async () => {
    const raw = expressibleDevConfig("classic");
    const vms = JSON.parse(raw["azure-vm-backup:vms"]!) as Array<Record<string, unknown>>;
    vms[0]!.protection = "Stopped";
    vms[4]!.protection = "Suspended";
    const { resources } = await runConfig({ ...raw, "azure-vm-backup:vms": JSON.stringify(vms) });
    const web = one(resources, "azure:backup/protectedVM:ProtectedVM", "rg-app-prod/vm-web-01-item").inputs;
    expect(web.protectionState).toBe("ProtectionStopped");
    // azurerm: "backup_policy_id must be specified when creating"; it protects, then stops protection.
    expect(web.backupPolicyId).toBe(`${VAULT_ID}/backupPolicies/daily-standard`);
    expect(one(resources, "azure:backup/protectedVM:ProtectedVM", "rg-app-prod/vm-web-01-item").ignoreChanges).toEqual(["backupPolicyId"]);
    expect(one(resources, "azure:backup/protectedVM:ProtectedVM", "rg-data-prod/vm-files-01-item").ignoreChanges).toEqual([]);
    const files = one(resources, "azure:backup/protectedVM:ProtectedVM", "rg-data-prod/vm-files-01-item").inputs;
    expect(files.protectionState).toBe("BackupsSuspended");
    expect(files.backupPolicyId).toBe(`${VAULT_ID}/backupPolicies/daily-standard`);
  });

  it("keeps the same components, names and stack outputs as the native renderer", async () => {
    const nativeRun = await runConfig(expressibleDevConfig("native"));
    const classicRun = await runConfig(expressibleDevConfig("classic"));
    const components = (rs: readonly RecordedResource[]) => rs.filter((r) => !r.custom).map((r) => r.urn).sort();
    expect(components(classicRun.resources)).toEqual(components(nativeRun.resources));
    expect(classicRun.outputs).toEqual(nativeRun.outputs);
    expect(classicRun.resources.every((r) => r.aliasCount === 0)).toBe(true);
  });

  it("plans nothing when the configuration needs a setting classic lacks", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "classic-"));
    const file = path.join(dir, "Pulumi.classic.yaml");
    fs.writeFileSync(file, fs.readFileSync(stackConfigPath("dev"), "utf8").replace("azure-vm-backup:provider: native", "azure-vm-backup:provider: classic"));
    const planned = planStack({ configFile: file });
    await expect(planned).rejects.toThrow(ConfigError);
    await expect(planned).rejects.toThrow(/vault\.softDelete: AlwaysOn cannot be expressed with provider classic \(@pulumi\/azure\)/);
  });
});
