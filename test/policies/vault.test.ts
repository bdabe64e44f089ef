import { describe, expect, it } from "vitest";
import { configureAllowedRedundancy } from "../../policies/vault/configureAllowedRedundancy";
import { disallowPublicNetworkAccess } from "../../policies/vault/disallowPublicNetworkAccess";
import { enableCrossRegionRestore } from "../../policies/vault/enableCrossRegionRestore";
import { enableCustomerManagedKey } from "../../policies/vault/enableCustomerManagedKey";
import { enableImmutability } from "../../policies/vault/enableImmutability";
import { enableJobFailureAlerts } from "../../policies/vault/enableJobFailureAlerts";
import { enableSoftDelete } from "../../policies/vault/enableSoftDelete";
import { enforceDeletionProtection } from "../../policies/vault/enforceDeletionProtection";
import { CLASSIC, NATIVE, classicVaultProps, nativeVaultProps, resource } from "../fixtures/reviewFixtures";
import { messages } from "./evaluate";

const native = (overrides: Record<string, unknown> = {}, protect = true) => resource(NATIVE.vault, nativeVaultProps(overrides), { protect });
const classic = (overrides: Record<string, unknown> = {}, protect = true) => resource(CLASSIC.vault, classicVaultProps(overrides), { protect });
/** A native vault with one API property replaced (what a hand-written program might declare). */
function nativeWith(mutate: (p: Record<string, any>) => void) { // eslint-disable-line @typescript-eslint/no-explicit-any
  const props = structuredClone(nativeVaultProps({ encryption: { keyUri: "https://kv.vault.azure.net/keys/k/0123" } }));
  mutate(props.properties as Record<string, unknown>);
  return resource(NATIVE.vault, props, { protect: true });
}

describe("vault policies pass the secure vault of both provider families", () => {
  it.each([configureAllowedRedundancy, enableSoftDelete, enableImmutability, disallowPublicNetworkAccess, enableJobFailureAlerts, enableCrossRegionRestore, enforceDeletionProtection].map((p) => [p.name, p] as const))(
    "%s reports nothing on the project's secure defaults and on a secure classic vault",
    async (_name, policy) => {
      expect(await messages(policy, [native({ crossRegionRestore: true }), classic()])).toEqual([]);
    },
  );
});

describe("recoveryservices-vault-configure-allowed-redundancy", () => {
  it("rejects LocallyRedundant in both families and accepts it when configured", async () => {
    const vaults = [native({ storageRedundancy: "LocallyRedundant" }), classic({ storageModeType: "LocallyRedundant", crossRegionRestoreEnabled: false })];
    expect(await messages(configureAllowedRedundancy, vaults)).toEqual([
      "mandatory rsv-classic: Vault storage redundancy is LocallyRedundant; set storageModeType to one of GeoRedundant, ZoneRedundant. It cannot change once items are protected.",
      "mandatory rsv-native: Vault storage redundancy is LocallyRedundant; set properties.redundancySettings.standardTierStorageRedundancy to one of GeoRedundant, ZoneRedundant. It cannot change once items are protected.",
    ]);
    expect(await messages(configureAllowedRedundancy, vaults, { allowed: ["LocallyRedundant"] })).toEqual([]);
  });
});

describe("recoveryservices-vault-enable-soft-delete", () => {
  it("rejects soft delete Disabled in both families", async () => {
    expect(await messages(enableSoftDelete, [native({ softDelete: "Disabled" }), classic({ softDeleteEnabled: false })])).toEqual([
      "mandatory rsv-classic: Vault soft delete is disabled; set softDeleteEnabled to true (or leave it unset).",
      "mandatory rsv-native: Vault soft delete is Disabled; set properties.securitySettings.softDeleteSettings.softDeleteState to AlwaysON or Enabled.",
    ]);
  });

  it("demands AlwaysON and longer retention when configured, and says classic cannot express them", async () => {
    const vaults = [native({ softDelete: "Enabled", softDeleteRetentionDays: 14 }), classic()];
    expect(await messages(enableSoftDelete, vaults, { requireAlwaysOn: true, minimumRetentionDays: 30 })).toEqual([
      "mandatory rsv-classic: AlwaysON soft delete is not expressible with the classic @pulumi/azure provider; use azure-native (properties.securitySettings.softDeleteSettings.softDeleteState: AlwaysON).",
      "mandatory rsv-classic: The classic @pulumi/azure provider cannot set soft delete retention (service default 14 days, below the required 30); use azure-native.",
      "mandatory rsv-native: Vault soft delete is Enabled; this pack requires AlwaysON: set properties.securitySettings.softDeleteSettings.softDeleteState to AlwaysON (irreversible).",
      "mandatory rsv-native: Vault soft delete keeps deleted backups 14 days; set properties.securitySettings.softDeleteSettings.softDeleteRetentionPeriodInDays to at least 30.",
    ]);
  });

  it("reads an absent soft delete setting as the service default (Enabled, 14 days)", async () => {
    expect(await messages(enableSoftDelete, [nativeWith((p) => delete p.securitySettings)])).toEqual([]);
  });
});

describe("recoveryservices-vault-enable-immutability", () => {
  it("rejects Disabled (and absent) immutability in both families", async () => {
    expect(await messages(enableImmutability, [native({ immutability: "Disabled" }), classic({ immutability: undefined })])).toEqual([
      "mandatory rsv-classic: Vault immutability is Disabled; set immutability to Unlocked (or Locked, irreversible) so backups cannot be deleted or shortened early.",
      "mandatory rsv-native: Vault immutability is Disabled; set properties.securitySettings.immutabilitySettings.state to Unlocked (or Locked, irreversible) so backups cannot be deleted or shortened early.",
    ]);
  });

  it("demands Locked when requireLocked is set", async () => {
    expect(await messages(enableImmutability, [native(), classic({ immutability: "Locked" })], { requireLocked: true })).toEqual([
      "mandatory rsv-native: Vault immutability is Unlocked; this pack requires Locked: set properties.securitySettings.immutabilitySettings.state to Locked (irreversible; create Unlocked first).",
    ]);
  });
});

describe("recoveryservices-vault-disallow-public-network-access", () => {
  it("rejects Enabled and unset (the service default) in both families", async () => {
    expect(await messages(disallowPublicNetworkAccess, [native({ publicNetworkAccess: "Enabled" }), classic({ publicNetworkAccessEnabled: undefined })])).toEqual([
      "mandatory rsv-classic: Vault public network access is unset (enabled); set publicNetworkAccessEnabled to false.",
      "mandatory rsv-native: Vault public network access is Enabled; set properties.publicNetworkAccess to Disabled.",
    ]);
  });
});

describe("recoveryservices-vault-enable-customer-managed-key (advisory)", () => {
  it("advises a key on both families and accepts vaults that have one", async () => {
    expect(await messages(enableCustomerManagedKey, [native(), classic({ encryption: undefined })])).toEqual([
      "advisory rsv-classic: Vault uses platform-managed keys; set encryption.keyId before any item is protected.",
      "advisory rsv-native: Vault uses platform-managed keys; set properties.encryption.keyVaultProperties.keyUri before any item is protected.",
    ]);
    expect(await messages(enableCustomerManagedKey, [native({ encryption: { keyUri: "https://kv.vault.azure.net/keys/k/0123" } }), classic()])).toEqual([]);
  });
});

describe("recoveryservices-vault-enable-job-failure-alerts", () => {
  it("rejects alerts turned off in both families", async () => {
    expect(await messages(enableJobFailureAlerts, [native({ jobFailureAlerts: false }), classic({ monitoring: { alertsForAllJobFailuresEnabled: false } })])).toEqual([
      "mandatory rsv-classic: Vault job-failure alerts are off; set monitoring.alertsForAllJobFailuresEnabled to true.",
      "mandatory rsv-native: Vault job-failure alerts are Disabled; set properties.monitoringSettings.azureMonitorAlertSettings.alertsForAllJobFailures to Enabled.",
    ]);
  });
});

describe("recoveryservices-vault-enable-cross-region-restore (advisory)", () => {
  it("advises CRR on geo-redundant vaults and is not applicable to zone-redundant ones", async () => {
    const zoneRedundant = resource(NATIVE.vault, nativeVaultProps({ name: "rsv-zrs", storageRedundancy: "ZoneRedundant" }), { protect: true });
    expect(await messages(enableCrossRegionRestore, [native(), classic({ crossRegionRestoreEnabled: false }), zoneRedundant])).toEqual([
      "advisory rsv-classic: Geo-redundant vault without cross-region restore; set crossRegionRestoreEnabled to true so backups can be restored in the paired region (cannot be turned off later).",
      "advisory rsv-native: Geo-redundant vault without cross-region restore; set properties.redundancySettings.crossRegionRestore to Enabled so backups can be restored in the paired region (cannot be turned off later).",
    ]);
  });
});

describe("recoveryservices-vault-enforce-deletion-protection", () => {
  it("rejects vaults and protected items declared without protect, in both families", async () => {
    const items = [
      resource(NATIVE.item, { vaultName: "rsv-native", properties: { protectedItemType: "Microsoft.Compute/virtualMachines" } }, { name: "native-item", protect: false }),
      resource(CLASSIC.item, { recoveryVaultName: "rsv-classic", sourceVmId: "/x" }, { name: "classic-item", protect: true }),
    ];
    expect(await messages(enforceDeletionProtection, [native({}, false), classic({}, false), ...items])).toEqual([
      "mandatory native-item: Protected item is not protected from deletion; deleting it stops protection and deletes its recovery points: set the Pulumi resource option protect: true.",
      "mandatory rsv-classic: Vault is not protected from deletion; deleting it deletes every backup: set the Pulumi resource option protect: true.",
      "mandatory rsv-native: Vault is not protected from deletion; deleting it deletes every backup: set the Pulumi resource option protect: true.",
    ]);
  });
});

describe("messages name the resource's own fields, and this project's key only for its own resources", () => {
  it("adds the configuration key when the vault's URN has an azure-vm-backup component parent", async () => {
    const theirs = native({ publicNetworkAccess: "Enabled" });
    const ours = { ...theirs, urn: theirs.urn.replace("::azure-native:", "::azure-vm-backup:vault:BackupVault$azure-native:") };
    expect(await messages(disallowPublicNetworkAccess, [ours])).toEqual([
      "mandatory rsv-native: Vault public network access is Enabled; set properties.publicNetworkAccess to Disabled (config vault.publicNetworkAccess).",
    ]);
  });
});
