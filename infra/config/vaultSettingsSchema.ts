import { z } from "zod";
import { caseInsensitiveEnum, flag, patternString, strictObject } from "./schemaParts";

/**
 * The vault settings beyond name, redundancy and security defaults: identities, alerts, restore
 * across subscriptions, source scan and multi-user authorization. All optional with no default, so a
 * configuration that leaves them out declares exactly what it did before they existed.
 */

// A subscription GUID and names without `<>`, so a documentation placeholder (`/subscriptions/<sub>/...`)
// is refused instead of reaching Azure.
export const USER_ASSIGNED_IDENTITY_PATTERN =
  /^\/subscriptions\/[0-9a-fA-F-]{36}\/resourceGroups\/[^/<>]+\/providers\/Microsoft\.ManagedIdentity\/userAssignedIdentities\/[^/<>]+$/i;
const RESOURCE_GUARD_ID_PATTERN = /^\/subscriptions\/[0-9a-fA-F-]{36}\/resourceGroups\/[^/<>]+\/providers\/Microsoft\.DataProtection\/resourceGuards\/[^/<>]+$/i;
/** A vault's ARM ID; loadConfig checks that its resource group and name are the configured ones. */
export const VAULT_ID_PATTERN = /^\/subscriptions\/([0-9a-fA-F-]{36})\/resourceGroups\/([^/<>]+)\/providers\/Microsoft\.RecoveryServices\/vaults\/([^/<>]+)$/i;

const userAssignedId = patternString(
  USER_ASSIGNED_IDENTITY_PATTERN,
  "must be a user-assigned identity resource ID (/subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.ManagedIdentity/userAssignedIdentities/<name>)",
);

export const identitySchema = strictObject({
  systemAssigned: flag().default(false).describe("Give the vault a system-assigned identity. Default false."),
  userAssigned: z.array(userAssignedId, { error: "must be a list of user-assigned identity resource IDs" }).optional()
    .describe("User-assigned identities attached to the vault (resource IDs)."),
}).describe("The vault's managed identities (Azure `identity`: SystemAssigned, UserAssigned or both).");

export const alertsSchema = strictObject({
  azureMonitor: strictObject({
    replicationIssues: flag().optional().describe("Azure Monitor alerts for every Site Recovery replication issue. Unset: Azure's default."),
    failoverIssues: flag().optional().describe("Azure Monitor alerts for every Site Recovery failover issue. Unset: Azure's default."),
  }).optional().describe("Azure Monitor alert settings beyond job failures (see jobFailureAlerts)."),
  classic: strictObject({
    criticalOperations: flag().optional().describe("Classic alerts for critical operations (retired by Azure on 31 March 2026). Default false: sent as Disabled."),
    siteRecoveryEmails: flag().optional().describe("Classic e-mail notifications for Site Recovery. Unset: Azure's default."),
  }).optional().describe("Classic (pre-Azure Monitor) alert settings."),
}).describe("Alert settings of the vault's monitoringSettings.");

export const sourceScanSchema = strictObject({
  enabled: flag().describe("Scan the data sources' backups for threats (securitySettings.sourceScanConfiguration.state)."),
  identity: caseInsensitiveEnum(["SystemAssigned", "UserAssigned"] as const).default("SystemAssigned")
    .describe("Identity the scan runs as: SystemAssigned (default) | UserAssigned."),
  userAssignedIdentityId: userAssignedId.optional().describe("UserAssigned only: the identity, one of identity.userAssigned."),
});

export const vaultSettingsShape = {
  sku: caseInsensitiveEnum(["RS0", "Standard"] as const).optional()
    .describe("RS0 | Standard: the SKU name Azure shows for the vault (both are the Standard tier). Unset: RS0 (sent as { name: RS0, tier: Standard })."),
  enhancedSecurity: caseInsensitiveEnum(["Enabled", "Disabled", "AlwaysOn"] as const).optional()
    .describe("Enabled | Disabled | AlwaysOn: enhanced security of soft delete (softDeleteSettings.enhancedSecurityState). Unset: Azure's default."),
  importId: patternString(VAULT_ID_PATTERN, "must be a vault resource ID /subscriptions/<subscription GUID>/resourceGroups/<rg>/providers/Microsoft.RecoveryServices/vaults/<name>").optional()
    .describe("Adopted vault: its ARM ID. The vault, its resource group and its resource guard link are imported, not created (written by `npm run adopt`)."),
  identity: identitySchema.optional().describe("Managed identities: { systemAssigned: true|false, userAssigned: [IDs] }. Unset: only what encryption needs."),
  alerts: alertsSchema.optional().describe("Azure Monitor and classic alert settings beyond job failures. Optional."),
  crossSubscriptionRestore: caseInsensitiveEnum(["Enabled", "Disabled", "PermanentlyDisabled"] as const).optional()
    .describe("Enabled | Disabled | PermanentlyDisabled (irreversible). Unset: Azure's default (Enabled)."),
  sourceScan: sourceScanSchema.optional().describe("Source scan configuration: { enabled, identity: SystemAssigned | UserAssigned, userAssignedIdentityId }. enabled: true is refused on provider native (azure-native 3.28 writes vault API 2024-10-01, which lacks it)."),
  resourceGuardId: patternString(RESOURCE_GUARD_ID_PATTERN, "must be a Resource Guard resource ID (/subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.DataProtection/resourceGuards/<name>)").optional()
    .describe("Multi-user authorization: the Resource Guard that must approve critical operations (linked through the vault's VaultProxy)."),
};
