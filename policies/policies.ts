import type { Policies } from "@pulumi/policy";
import { configureInstantRestoreDays } from "./backupPolicy/configureInstantRestoreDays";
import { configureMinimumRetention } from "./backupPolicy/configureMinimumRetention";
import { configureOffPeakWindow } from "./backupPolicy/configureOffPeakWindow";
import { configureTimeZone } from "./backupPolicy/configureTimeZone";
import { enforceServiceRules } from "./backupPolicy/enforceServiceRules";
import { configureMaximumItems } from "./stack/configureMaximumItems";
import { disallowInstantRestoreLock } from "./stack/disallowInstantRestoreLock";
import { enableExtensionOperations } from "./stack/enableExtensionOperations";
import { enableVmAgent } from "./stack/enableVmAgent";
import { enforceEnhancedPolicy } from "./stack/enforceEnhancedPolicy";
import { enforceProtectedItemServiceRules } from "./stack/enforceProtectedItemServiceRules";
import { enforceSameRegion } from "./stack/enforceSameRegion";
import { enforceSameVaultPolicy } from "./stack/enforceSameVaultPolicy";
import { enforceSingleVault } from "./stack/enforceSingleVault";
import { enforceSnapshotExtensionOs } from "./stack/enforceSnapshotExtensionOs";
import { missingDiagnosticSettings } from "./stack/missingDiagnosticSettings";
import { missingPrivateEndpoint } from "./stack/missingPrivateEndpoint";
import { missingProtectedItems } from "./stack/missingProtectedItems";
import { missingResourceGuard } from "./stack/missingResourceGuard";
import { missingVmBackup } from "./stack/missingVmBackup";
import { configureAllowedRedundancy } from "./vault/configureAllowedRedundancy";
import { disableCrossSubscriptionRestore } from "./vault/disableCrossSubscriptionRestore";
import { disallowPublicNetworkAccess } from "./vault/disallowPublicNetworkAccess";
import { enableCrossRegionRestore } from "./vault/enableCrossRegionRestore";
import { enableCustomerManagedKey } from "./vault/enableCustomerManagedKey";
import { enableImmutability } from "./vault/enableImmutability";
import { enableInfrastructureEncryption } from "./vault/enableInfrastructureEncryption";
import { enableJobFailureAlerts } from "./vault/enableJobFailureAlerts";
import { enableManagedIdentity } from "./vault/enableManagedIdentity";
import { enableSoftDelete } from "./vault/enableSoftDelete";
import { enforceDeletionProtection } from "./vault/enforceDeletionProtection";
import { enforceValidName } from "./vault/enforceValidName";
import { enforceServiceManagedSettings } from "./vm/enforceServiceManagedSettings";

/**
 * The pack's policies, in the order reports list them (the order of the rule table in
 * docs/policy-reviews.md; rules 1-2 and 23/29 share a policy). Importing this module starts nothing.
 */
export const policies: Policies = [
  // Vault
  enableSoftDelete,
  enableImmutability,
  disallowPublicNetworkAccess,
  missingPrivateEndpoint,
  enableCustomerManagedKey,
  enableInfrastructureEncryption,
  missingResourceGuard,
  configureAllowedRedundancy,
  enableCrossRegionRestore,
  disableCrossSubscriptionRestore,
  enableJobFailureAlerts,
  missingDiagnosticSettings,
  enableManagedIdentity,
  enforceDeletionProtection,
  enforceValidName,
  missingProtectedItems,
  // Backup policy
  enforceServiceRules,
  configureMinimumRetention,
  configureInstantRestoreDays,
  configureTimeZone,
  configureOffPeakWindow,
  configureMaximumItems,
  // Protected VM and VM side
  missingVmBackup,
  enforceSameVaultPolicy,
  enforceSameRegion,
  enforceSingleVault,
  enforceEnhancedPolicy,
  enforceProtectedItemServiceRules,
  enforceSnapshotExtensionOs,
  enableExtensionOperations,
  enableVmAgent,
  enforceServiceManagedSettings,
  disallowInstantRestoreLock,
];

export const POLICY_PACK_NAME = "azure-vm-backup";
