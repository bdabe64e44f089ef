import { describe, expect, it } from "vitest";
import { baseFixture } from "../fixtures/stackConfig";
import { onlyOfType, runFixture } from "../support/runConfig";

const VAULT = "azure-native:recoveryservices:Vault";
const RG = "azure-native:resources:ResourceGroup";

describe("BackupVault", () => {
  it("creates the resource group and a vault with secure defaults, both protected", async () => {
    const run = await runFixture(baseFixture());
    const rg = onlyOfType(run, RG);
    const vault = onlyOfType(run, VAULT);
    expect(rg.inputs).toEqual({ resourceGroupName: "rg-backup", location: "westeurope" });
    expect(vault.inputs).toEqual({
      vaultName: "rsv-test",
      resourceGroupName: "rg-backup",
      location: "westeurope",
      sku: { name: "RS0", tier: "Standard" },
      properties: {
        publicNetworkAccess: "Disabled",
        redundancySettings: { standardTierStorageRedundancy: "GeoRedundant", crossRegionRestore: "Disabled" },
        securitySettings: {
          softDeleteSettings: { softDeleteState: "AlwaysON", softDeleteRetentionPeriodInDays: 14 },
          immutabilitySettings: { state: "Unlocked" },
        },
        monitoringSettings: {
          azureMonitorAlertSettings: { alertsForAllJobFailures: "Enabled" },
          classicAlertSettings: { alertsForCriticalOperations: "Disabled" },
        },
      },
    });
    expect([rg.protect, vault.protect]).toEqual([true, true]);
    const component = "urn:pulumi:dev::azure-vm-backup::azure-vm-backup:vault:BackupVault::rsv-test";
    expect([rg.parent, vault.parent]).toEqual([component, component]);
    expect(vault.urn).toBe("urn:pulumi:dev::azure-vm-backup::azure-vm-backup:vault:BackupVault$azure-native:recoveryservices:Vault::rsv-test-vault");
    // The vault waits for its resource group through the name it reads from it.
    expect(vault.propertyDependencies.resourceGroupName).toEqual([rg.urn]);
  });

  it("sends a customer-managed key with a user-assigned identity and infrastructure encryption", async () => {
    const f = baseFixture();
    const identity = "/subscriptions/6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f/resourceGroups/rg-id/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-backup";
    f.vault = {
      ...f.vault,
      storageRedundancy: "ZoneRedundant",
      softDelete: "Enabled",
      softDeleteRetentionDays: 30,
      immutability: "Locked",
      publicNetworkAccess: "Enabled",
      jobFailureAlerts: false,
      tags: { env: "prod" },
      encryption: { keyUri: "https://kv-backup.vault.azure.net/keys/rsv-key/0123456789abcdef0123456789abcdef", userAssignedIdentityId: identity, infrastructureEncryption: true },
    };
    const vault = onlyOfType(await runFixture(f), VAULT);
    expect(vault.inputs.identity).toEqual({ type: "UserAssigned", userAssignedIdentities: [identity] });
    expect(vault.inputs.tags).toEqual({ env: "prod" });
    expect(vault.inputs.properties).toEqual({
      publicNetworkAccess: "Enabled",
      redundancySettings: { standardTierStorageRedundancy: "ZoneRedundant", crossRegionRestore: "Disabled" },
      securitySettings: {
        softDeleteSettings: { softDeleteState: "Enabled", softDeleteRetentionPeriodInDays: 30 },
        immutabilitySettings: { state: "Locked" },
      },
      monitoringSettings: {
        azureMonitorAlertSettings: { alertsForAllJobFailures: "Disabled" },
        classicAlertSettings: { alertsForCriticalOperations: "Disabled" },
      },
      encryption: {
        keyVaultProperties: { keyUri: "https://kv-backup.vault.azure.net/keys/rsv-key/0123456789abcdef0123456789abcdef" },
        kekIdentity: { useSystemAssignedIdentity: false, userAssignedIdentity: identity },
        infrastructureEncryption: "Enabled",
      },
    });
  });

  it("gives the vault a system-assigned identity on its own, the first of the two steps of a key read by that identity", async () => {
    const f = baseFixture();
    f.vault = { ...f.vault, identity: { systemAssigned: true } };
    const vault = onlyOfType(await runFixture(f), VAULT);
    expect(vault.inputs.identity).toEqual({ type: "SystemAssigned" });
    expect((vault.inputs.properties as Record<string, unknown>).encryption).toBeUndefined();
  });

  it("uses the vault's system-assigned identity for a customer-managed key once that identity is declared", async () => {
    const f = baseFixture();
    f.vault = { ...f.vault, crossRegionRestore: true, identity: { systemAssigned: true }, encryption: { keyUri: "https://kv-backup.vault.azure.net/keys/rsv-key" } };
    const vault = onlyOfType(await runFixture(f), VAULT);
    expect(vault.inputs.identity).toEqual({ type: "SystemAssigned" });
    expect((vault.inputs.properties as Record<string, unknown>).encryption).toEqual({
      keyVaultProperties: { keyUri: "https://kv-backup.vault.azure.net/keys/rsv-key" },
      kekIdentity: { useSystemAssignedIdentity: true },
      infrastructureEncryption: "Disabled",
    });
    expect((vault.inputs.properties as { redundancySettings: unknown }).redundancySettings).toEqual({
      standardTierStorageRedundancy: "GeoRedundant",
      crossRegionRestore: "Enabled",
    });
  });

  it("leaves the vault and resource group unprotected only when protect is false", async () => {
    const run = await runFixture({ ...baseFixture(), protect: false });
    expect([onlyOfType(run, RG).protect, onlyOfType(run, VAULT).protect]).toEqual([false, false]);
  });
});
