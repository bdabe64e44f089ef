import type { ConfigIssue } from "../config/configError";
import { issueAt, isObject, type ArmResource, type Json } from "./armDocuments";
import { describeValue, uncovered, type Coverage } from "./coverage";

const VAULT_COVERAGE: Coverage = {
  id: "read", name: "read", type: "ignored", location: "read", tags: "read", etag: "ignored", systemData: "ignored",
  sku: { name: "read", tier: "read" },
  identity: { type: "read", userAssignedIdentities: "read", principalId: "ignored", tenantId: "ignored" },
  properties: {
    provisioningState: "ignored", upgradeDetails: "ignored", privateEndpointConnections: "ignored",
    privateEndpointStateForBackup: "ignored", privateEndpointStateForSiteRecovery: "ignored", moveDetails: "ignored",
    moveState: "ignored", backupStorageVersion: "ignored", secureScore: "ignored", bcdrSecurityLevel: "ignored",
    // Request-only: the guard approvals a single critical change carries.
    resourceGuardOperationRequests: "ignored",
    publicNetworkAccess: "read",
    encryption: { keyVaultProperties: { keyUri: "read" }, kekIdentity: { userAssignedIdentity: "read", useSystemAssignedIdentity: "read" }, infrastructureEncryption: "read" },
    monitoringSettings: {
      azureMonitorAlertSettings: { alertsForAllJobFailures: "read", alertsForAllReplicationIssues: "read", alertsForAllFailoverIssues: "read" },
      classicAlertSettings: { alertsForCriticalOperations: "read", emailNotificationsForSiteRecovery: "read" },
    },
    restoreSettings: { crossSubscriptionRestoreSettings: { crossSubscriptionRestoreState: "read" } },
    redundancySettings: { standardTierStorageRedundancy: "read", crossRegionRestore: "read" },
    securitySettings: {
      immutabilitySettings: { state: "read" },
      softDeleteSettings: { softDeleteState: "read", softDeleteRetentionPeriodInDays: "read", enhancedSecurityState: "read" },
      // Read-only on the vault: it follows the VaultProxy link (a backupResourceGuardProxies body).
      multiUserAuthorization: "read",
      sourceScanConfiguration: { state: "read", sourceScanIdentity: { operationIdentityType: "read", userAssignedIdentity: "read" } },
    },
  },
};

/**
 * Settings the configuration always sends. A body without them (an abbreviated example, an old API
 * version) would have the configuration's defaults applied to a running vault, some irreversibly.
 */
const REQUIRED: ReadonlyArray<readonly string[]> = [
  ["publicNetworkAccess"],
  ["redundancySettings", "standardTierStorageRedundancy"],
  ["redundancySettings", "crossRegionRestore"],
  ["securitySettings", "softDeleteSettings", "softDeleteState"],
  ["securitySettings", "softDeleteSettings", "softDeleteRetentionPeriodInDays"],
  ["securitySettings", "immutabilitySettings", "state"],
  ["monitoringSettings", "azureMonitorAlertSettings", "alertsForAllJobFailures"],
  ["monitoringSettings", "classicAlertSettings", "alertsForCriticalOperations"],
];

/** Config key (below `vault`) -> JSON path in the vault body, for locating validation findings. */
export const VAULT_PATHS: Readonly<Record<string, string>> = {
  name: "name",
  resourceGroupName: "id",
  location: "location",
  tags: "tags",
  importId: "id",
  sku: "sku.name",
  storageRedundancy: "properties.redundancySettings.standardTierStorageRedundancy",
  crossRegionRestore: "properties.redundancySettings.crossRegionRestore",
  softDelete: "properties.securitySettings.softDeleteSettings.softDeleteState",
  softDeleteRetentionDays: "properties.securitySettings.softDeleteSettings.softDeleteRetentionPeriodInDays",
  enhancedSecurity: "properties.securitySettings.softDeleteSettings.enhancedSecurityState",
  immutability: "properties.securitySettings.immutabilitySettings.state",
  publicNetworkAccess: "properties.publicNetworkAccess",
  jobFailureAlerts: "properties.monitoringSettings.azureMonitorAlertSettings.alertsForAllJobFailures",
  "alerts.azureMonitor.replicationIssues": "properties.monitoringSettings.azureMonitorAlertSettings.alertsForAllReplicationIssues",
  "alerts.azureMonitor.failoverIssues": "properties.monitoringSettings.azureMonitorAlertSettings.alertsForAllFailoverIssues",
  "alerts.classic.criticalOperations": "properties.monitoringSettings.classicAlertSettings.alertsForCriticalOperations",
  "alerts.classic.siteRecoveryEmails": "properties.monitoringSettings.classicAlertSettings.emailNotificationsForSiteRecovery",
  crossSubscriptionRestore: "properties.restoreSettings.crossSubscriptionRestoreSettings.crossSubscriptionRestoreState",
  "sourceScan.enabled": "properties.securitySettings.sourceScanConfiguration.state",
  sourceScan: "properties.securitySettings.sourceScanConfiguration",
  identity: "identity",
  "encryption.userAssignedIdentityId": "properties.encryption.kekIdentity.userAssignedIdentity",
  encryption: "properties.encryption",
  resourceGuardId: "properties.securitySettings.multiUserAuthorization",
};

const get = (obj: unknown, ...keys: string[]): unknown => keys.reduce<unknown>((o, k) => (isObject(o) ? o[k] : undefined), obj);

/** `Enabled`/`Disabled` as the configuration's true/false; anything else is passed on for the schema to reject. */
export const onOff = (v: unknown): unknown => (v === "Enabled" ? true : v === "Disabled" ? false : v);

const defined = (obj: Json): Json => Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined));
const emptyToUndefined = (obj: Json): Json | undefined => (Object.keys(obj).length > 0 ? obj : undefined);

export interface VaultFromArm {
  readonly raw: Json;
  readonly issues: ConfigIssue[];
}

/** Maps a vault's GET body (and its Resource Guard link, if any) to raw `vault` configuration. */
export function vaultFromArm(vault: ArmResource, resourceGuardId: string | undefined): VaultFromArm {
  const b = vault.body;
  const issues: ConfigIssue[] = uncovered(b, VAULT_COVERAGE, "").map(({ path, value }) =>
    issueAt(vault, path, `is a writable vault setting the configuration cannot express (got ${describeValue(value)})`),
  );
  const p = isObject(b.properties) ? b.properties : {};
  for (const keys of REQUIRED) {
    if (get(p, ...keys) === undefined) {
      issues.push(issueAt(vault, ["properties", ...keys].join("."), "is missing: adoption needs the vault's actual value, or the configuration's default would change the vault; give the body `az backup vault show` prints"));
    }
  }
  const sku = isObject(b.sku) ? b.sku : {};
  if (sku.tier !== undefined && sku.tier !== "Standard") issues.push(issueAt(vault, "sku.tier", `must be Standard, the only tier of Recovery Services vaults (got ${describeValue(sku.tier)})`));

  const mua = get(p, "securitySettings", "multiUserAuthorization");
  if (mua === "Enabled" && !resourceGuardId) {
    issues.push(issueAt(vault, "properties.securitySettings.multiUserAuthorization", "is Enabled, but no Resource Guard link was given: add the body of `az backup vault resource-guard-mapping show` (a backupResourceGuardProxies resource) to the directory"));
  }

  const identity = isObject(b.identity) ? b.identity : undefined;
  let identityRaw: Json | undefined;
  if (identity && identity.type !== "None") {
    const type = String(identity.type ?? "");
    const users = isObject(identity.userAssignedIdentities) ? Object.keys(identity.userAssignedIdentities) : [];
    if (!/^(SystemAssigned|UserAssigned|SystemAssigned, ?UserAssigned)$/i.test(type)) {
      issues.push(issueAt(vault, "identity.type", `must be SystemAssigned, UserAssigned or "SystemAssigned, UserAssigned" (got ${describeValue(identity.type)})`));
    }
    identityRaw = defined({ systemAssigned: /SystemAssigned/i.test(type), userAssigned: users.length > 0 ? users : undefined });
  }

  const enc = get(p, "encryption");
  let encryption: Json | undefined;
  if (isObject(enc)) {
    const kek = isObject(enc.kekIdentity) ? enc.kekIdentity : {};
    encryption = defined({
      keyUri: get(enc, "keyVaultProperties", "keyUri"),
      userAssignedIdentityId: kek.useSystemAssignedIdentity === true ? undefined : kek.userAssignedIdentity,
      infrastructureEncryption: onOff(enc.infrastructureEncryption),
    });
  }

  const scan = get(p, "securitySettings", "sourceScanConfiguration");
  const sourceScan = isObject(scan)
    ? defined({
        enabled: onOff(scan.state),
        identity: get(scan, "sourceScanIdentity", "operationIdentityType"),
        userAssignedIdentityId: get(scan, "sourceScanIdentity", "userAssignedIdentity"),
      })
    : undefined;

  const monitor = get(p, "monitoringSettings", "azureMonitorAlertSettings");
  const classic = get(p, "monitoringSettings", "classicAlertSettings");
  const critical = onOff(get(classic, "alertsForCriticalOperations"));
  const alerts = emptyToUndefined(defined({
    azureMonitor: emptyToUndefined(defined({ replicationIssues: onOff(get(monitor, "alertsForAllReplicationIssues")), failoverIssues: onOff(get(monitor, "alertsForAllFailoverIssues")) })),
    // Off is what the configuration sends by default: only a value that differs is written.
    classic: emptyToUndefined(defined({ criticalOperations: critical === false ? undefined : critical, siteRecoveryEmails: onOff(get(classic, "emailNotificationsForSiteRecovery")) })),
  }));

  const idParts = /\/resourceGroups\/([^/]+)\//i.exec(String(b.id ?? ""));
  const raw = defined({
    name: b.name,
    resourceGroupName: idParts?.[1],
    location: b.location,
    importId: b.id,
    sku: sku.name === "RS0" ? undefined : sku.name,
    storageRedundancy: get(p, "redundancySettings", "standardTierStorageRedundancy"),
    crossRegionRestore: onOff(get(p, "redundancySettings", "crossRegionRestore")),
    softDelete: get(p, "securitySettings", "softDeleteSettings", "softDeleteState"),
    softDeleteRetentionDays: get(p, "securitySettings", "softDeleteSettings", "softDeleteRetentionPeriodInDays"),
    enhancedSecurity: get(p, "securitySettings", "softDeleteSettings", "enhancedSecurityState"),
    immutability: get(p, "securitySettings", "immutabilitySettings", "state"),
    publicNetworkAccess: get(p, "publicNetworkAccess"),
    jobFailureAlerts: onOff(get(monitor, "alertsForAllJobFailures")),
    alerts,
    crossSubscriptionRestore: get(p, "restoreSettings", "crossSubscriptionRestoreSettings", "crossSubscriptionRestoreState"),
    identity: identityRaw,
    encryption,
    sourceScan,
    resourceGuardId,
    tags: isObject(b.tags) && Object.keys(b.tags).length > 0 ? b.tags : undefined,
  });
  return { raw, issues };
}
