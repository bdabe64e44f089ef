import type { VaultConfig } from "../config/configSchema";

/** The vault as Azure receives it (Microsoft.RecoveryServices/vaults, API 2024-10-01 shapes). */
export interface VaultModel {
  readonly name: string;
  readonly resourceGroupName: string;
  readonly location: string;
  readonly tags?: Readonly<Record<string, string>>;
  readonly sku: { readonly name: "RS0"; readonly tier: "Standard" };
  readonly identity?: { readonly type: "SystemAssigned" | "UserAssigned" | "SystemAssigned, UserAssigned"; readonly userAssignedIdentities?: string[] };
  readonly properties: VaultProperties;
}

export interface VaultProperties {
  readonly publicNetworkAccess: "Enabled" | "Disabled";
  readonly redundancySettings: {
    readonly standardTierStorageRedundancy: "GeoRedundant" | "ZoneRedundant" | "LocallyRedundant";
    readonly crossRegionRestore: "Enabled" | "Disabled";
  };
  readonly securitySettings: {
    readonly softDeleteSettings: { readonly softDeleteState: "AlwaysON" | "Enabled" | "Disabled"; readonly softDeleteRetentionPeriodInDays: number };
    readonly immutabilitySettings: { readonly state: "Disabled" | "Unlocked" | "Locked" };
  };
  readonly monitoringSettings: {
    readonly azureMonitorAlertSettings: { readonly alertsForAllJobFailures: "Enabled" | "Disabled" };
    /** Classic alerts are retired (31 Mar 2026); turned off so only Azure Monitor alerts fire. */
    readonly classicAlertSettings: { readonly alertsForCriticalOperations: "Disabled" };
  };
  readonly encryption?: {
    readonly keyVaultProperties: { readonly keyUri: string };
    readonly kekIdentity: { readonly useSystemAssignedIdentity: boolean; readonly userAssignedIdentity?: string };
    readonly infrastructureEncryption: "Enabled" | "Disabled";
  };
}

const enabled = (on: boolean) => (on ? "Enabled" : "Disabled");

/** Maps the validated vault settings to the API's request body. */
export function toVaultModel(vault: Omit<VaultConfig, "systemAssignedIdentity"> & { location: string; systemAssignedIdentity?: boolean }): VaultModel {
  const cmk = vault.encryption;
  // The key's identity is user-assigned when one is given; otherwise the vault's own, which
  // vaultRules only accepts once `systemAssignedIdentity` has been deployed and granted.
  const userAssigned = cmk?.userAssignedIdentityId;
  const systemAssigned = vault.systemAssignedIdentity || (cmk !== undefined && !userAssigned);
  const identity: VaultModel["identity"] = userAssigned
    ? { type: systemAssigned ? "SystemAssigned, UserAssigned" : "UserAssigned", userAssignedIdentities: [userAssigned] }
    : systemAssigned
      ? { type: "SystemAssigned" }
      : undefined;
  return {
    name: vault.name,
    resourceGroupName: vault.resourceGroupName,
    location: vault.location,
    tags: vault.tags,
    sku: { name: "RS0", tier: "Standard" },
    identity,
    properties: {
      publicNetworkAccess: vault.publicNetworkAccess,
      redundancySettings: {
        standardTierStorageRedundancy: vault.storageRedundancy,
        crossRegionRestore: enabled(vault.crossRegionRestore),
      },
      securitySettings: {
        softDeleteSettings: {
          // The API spells the irreversible state `AlwaysON`.
          softDeleteState: vault.softDelete === "AlwaysOn" ? "AlwaysON" : vault.softDelete,
          softDeleteRetentionPeriodInDays: vault.softDeleteRetentionDays,
        },
        immutabilitySettings: { state: vault.immutability },
      },
      monitoringSettings: {
        azureMonitorAlertSettings: { alertsForAllJobFailures: enabled(vault.jobFailureAlerts) },
        classicAlertSettings: { alertsForCriticalOperations: "Disabled" },
      },
      ...(cmk && {
        encryption: {
          keyVaultProperties: { keyUri: cmk.keyUri },
          kekIdentity: cmk.userAssignedIdentityId
            ? { useSystemAssignedIdentity: false, userAssignedIdentity: cmk.userAssignedIdentityId }
            : { useSystemAssignedIdentity: true },
          infrastructureEncryption: enabled(cmk.infrastructureEncryption),
        },
      }),
    },
  };
}
