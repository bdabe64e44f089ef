import type { VaultConfig } from "../config/configSchema";

/** The vault as Azure receives it (Microsoft.RecoveryServices/vaults, API 2024-10-01 shapes). */
export interface VaultModel {
  readonly name: string;
  readonly resourceGroupName: string;
  readonly location: string;
  readonly tags?: Readonly<Record<string, string>>;
  readonly sku: { readonly name: "RS0"; readonly tier: "Standard" } | { readonly name: "Standard" };
  readonly identity?: { readonly type: "SystemAssigned" | "UserAssigned" | "SystemAssigned, UserAssigned"; readonly userAssignedIdentities?: string[] };
  readonly properties: VaultProperties;
  /** Multi-user authorization: the vault's link (`VaultProxy`) to a Resource Guard. */
  readonly resourceGuardProxy?: { readonly name: "VaultProxy"; readonly resourceGuardResourceId: string };
  /** Set when the vault is adopted: the ARM IDs Pulumi imports instead of creating. */
  readonly importIds?: { readonly resourceGroup: string; readonly vault: string; readonly resourceGuardProxy?: string };
}

type AlertState = "Enabled" | "Disabled";

export interface VaultProperties {
  readonly publicNetworkAccess: "Enabled" | "Disabled";
  readonly redundancySettings: {
    readonly standardTierStorageRedundancy: "GeoRedundant" | "ZoneRedundant" | "LocallyRedundant";
    readonly crossRegionRestore: "Enabled" | "Disabled";
  };
  readonly securitySettings: {
    readonly softDeleteSettings: {
      readonly softDeleteState: "AlwaysON" | "Enabled" | "Disabled";
      readonly softDeleteRetentionPeriodInDays: number;
      readonly enhancedSecurityState?: "AlwaysON" | "Enabled" | "Disabled";
    };
    readonly immutabilitySettings: { readonly state: "Disabled" | "Unlocked" | "Locked" };
    readonly sourceScanConfiguration?: {
      readonly state: AlertState;
      readonly sourceScanIdentity: { readonly operationIdentityType: "SystemAssigned" | "UserAssigned"; readonly userAssignedIdentity?: string };
    };
  };
  readonly monitoringSettings: {
    readonly azureMonitorAlertSettings: {
      readonly alertsForAllJobFailures: AlertState;
      readonly alertsForAllReplicationIssues?: AlertState;
      readonly alertsForAllFailoverIssues?: AlertState;
    };
    /** Classic alerts are retired (31 Mar 2026); off unless asked for, so only Azure Monitor alerts fire. */
    readonly classicAlertSettings: { readonly alertsForCriticalOperations: AlertState; readonly emailNotificationsForSiteRecovery?: AlertState };
  };
  readonly restoreSettings?: {
    readonly crossSubscriptionRestoreSettings: { readonly crossSubscriptionRestoreState: "Enabled" | "Disabled" | "PermanentlyDisabled" };
  };
  readonly encryption?: {
    readonly keyVaultProperties: { readonly keyUri: string };
    readonly kekIdentity: { readonly useSystemAssignedIdentity: boolean; readonly userAssignedIdentity?: string };
    readonly infrastructureEncryption: "Enabled" | "Disabled";
  };
}

const enabled = (on: boolean) => (on ? "Enabled" : "Disabled");
/** A setting left unset is not sent, so Azure keeps (or applies) its own default. */
const optionalState = (on: boolean | undefined) => (on === undefined ? undefined : enabled(on));
const defined = <T extends object>(obj: T): T => Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined)) as T;

/** The identities: as configured, or else the one customer-managed encryption needs. */
function toIdentity(vault: VaultConfig): VaultModel["identity"] {
  const cmk = vault.encryption;
  if (vault.identity) {
    const users = vault.identity.userAssigned ?? [];
    const type = vault.identity.systemAssigned ? (users.length > 0 ? "SystemAssigned, UserAssigned" : "SystemAssigned") : "UserAssigned";
    return { type, ...(users.length > 0 && { userAssignedIdentities: [...users] }) };
  }
  if (!cmk) return undefined;
  return cmk.userAssignedIdentityId ? { type: "UserAssigned", userAssignedIdentities: [cmk.userAssignedIdentityId] } : { type: "SystemAssigned" };
}

/** The IDs an adopted vault is imported with: the resource group's is the vault's own prefix. */
function toImportIds(vault: VaultConfig): VaultModel["importIds"] {
  if (!vault.importId) return undefined;
  const resourceGroup = vault.importId.split("/providers/")[0]!;
  return { resourceGroup, vault: vault.importId, ...(vault.resourceGuardId && { resourceGuardProxy: `${vault.importId}/backupResourceGuardProxies/VaultProxy` }) };
}

/** Maps the validated vault settings to the API's request body. */
export function toVaultModel(vault: VaultConfig & { location: string }): VaultModel {
  const cmk = vault.encryption;
  const identity = toIdentity(vault);
  const alerts = vault.alerts;
  const scan = vault.sourceScan;
  const importIds = toImportIds(vault);
  return {
    name: vault.name,
    resourceGroupName: vault.resourceGroupName,
    location: vault.location,
    tags: vault.tags,
    sku: vault.sku === "Standard" ? { name: "Standard" } : { name: "RS0", tier: "Standard" },
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
          ...(vault.enhancedSecurity && { enhancedSecurityState: vault.enhancedSecurity === "AlwaysOn" ? "AlwaysON" : vault.enhancedSecurity }),
        },
        immutabilitySettings: { state: vault.immutability },
        ...(scan && {
          sourceScanConfiguration: {
            state: enabled(scan.enabled),
            sourceScanIdentity: { operationIdentityType: scan.identity, ...(scan.userAssignedIdentityId && { userAssignedIdentity: scan.userAssignedIdentityId }) },
          },
        }),
      },
      monitoringSettings: {
        azureMonitorAlertSettings: defined({
          alertsForAllJobFailures: enabled(vault.jobFailureAlerts),
          alertsForAllReplicationIssues: optionalState(alerts?.azureMonitor?.replicationIssues),
          alertsForAllFailoverIssues: optionalState(alerts?.azureMonitor?.failoverIssues),
        }),
        classicAlertSettings: defined({
          alertsForCriticalOperations: enabled(alerts?.classic?.criticalOperations ?? false),
          emailNotificationsForSiteRecovery: optionalState(alerts?.classic?.siteRecoveryEmails),
        }),
      },
      ...(vault.crossSubscriptionRestore && {
        restoreSettings: { crossSubscriptionRestoreSettings: { crossSubscriptionRestoreState: vault.crossSubscriptionRestore } },
      }),
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
    ...(vault.resourceGuardId && { resourceGuardProxy: { name: "VaultProxy", resourceGuardResourceId: vault.resourceGuardId } }),
    ...(importIds && { importIds }),
  };
}
