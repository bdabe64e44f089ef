import type { Policies } from "@pulumi/policy";
import { configureMaximumItems } from "./stack/configureMaximumItems";
import { configureMinimumRetention } from "./backupPolicy/configureMinimumRetention";
import { configureTimeZone } from "./backupPolicy/configureTimeZone";
import { enforceServiceRules } from "./backupPolicy/enforceServiceRules";
import { enforceEnhancedPolicy } from "./stack/enforceEnhancedPolicy";
import { enforceSameVaultPolicy } from "./stack/enforceSameVaultPolicy";
import { enforceSnapshotExtensionOs } from "./stack/enforceSnapshotExtensionOs";
import { missingVmBackup } from "./stack/missingVmBackup";
import { configureAllowedRedundancy } from "./vault/configureAllowedRedundancy";
import { disallowPublicNetworkAccess } from "./vault/disallowPublicNetworkAccess";
import { enableCrossRegionRestore } from "./vault/enableCrossRegionRestore";
import { enableCustomerManagedKey } from "./vault/enableCustomerManagedKey";
import { enableImmutability } from "./vault/enableImmutability";
import { enableJobFailureAlerts } from "./vault/enableJobFailureAlerts";
import { enableSoftDelete } from "./vault/enableSoftDelete";
import { enforceDeletionProtection } from "./vault/enforceDeletionProtection";

/** The pack's policies, in the order reports list them. Importing this module starts nothing. */
export const policies: Policies = [
  configureAllowedRedundancy,
  enableSoftDelete,
  enableImmutability,
  disallowPublicNetworkAccess,
  enableCustomerManagedKey,
  enableJobFailureAlerts,
  enableCrossRegionRestore,
  enforceDeletionProtection,
  enforceServiceRules,
  configureMinimumRetention,
  configureTimeZone,
  missingVmBackup,
  enforceEnhancedPolicy,
  enforceSnapshotExtensionOs,
  enforceSameVaultPolicy,
  configureMaximumItems,
];

export const POLICY_PACK_NAME = "azure-vm-backup";
