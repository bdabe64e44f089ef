import type { PolicyConfig } from "../config/configSchema";
import { effectiveInstantRestoreDays } from "./policyRules";
import { toRetentionPolicy, type LongTermRetentionPolicy } from "./retention";
import { toSchedulePolicy, type SimpleSchedulePolicy, type SimpleSchedulePolicyV2 } from "./schedule";

/** `AzureIaaSVMProtectionPolicy` as the API takes it. */
export interface VmPolicyProperties {
  readonly backupManagementType: "AzureIaasVM";
  readonly policyType: "V1" | "V2";
  readonly schedulePolicy: SimpleSchedulePolicy | SimpleSchedulePolicyV2;
  readonly retentionPolicy: LongTermRetentionPolicy;
  readonly instantRpRetentionRangeInDays: number;
  readonly instantRPDetails?: { readonly azureBackupRGNamePrefix: string; readonly azureBackupRGNameSuffix?: string };
  readonly timeZone: string;
  readonly tieringPolicy?: { readonly ArchivedRP: { readonly tieringMode: string; readonly duration?: number; readonly durationType?: string } };
  readonly snapshotConsistencyType?: "OnlyCrashConsistent";
}

export interface PolicyModel {
  /** The policy's name in Azure: exactly the configured map key. */
  readonly name: string;
  readonly properties: VmPolicyProperties;
  /** The validated settings, for summaries and the classic renderer. */
  readonly config: PolicyConfig;
  /** Set when the policy is adopted: the ARM ID Pulumi imports instead of creating. */
  readonly importId?: string;
}

/** Maps one validated policy to the API request body. */
export function toPolicyModel(name: string, policy: PolicyConfig): PolicyModel {
  const rg = policy.instantRestoreResourceGroup;
  return {
    name,
    config: policy,
    ...(policy.importId && { importId: policy.importId }),
    properties: {
      backupManagementType: "AzureIaasVM",
      policyType: policy.tier === "Enhanced" ? "V2" : "V1",
      schedulePolicy: toSchedulePolicy(policy),
      retentionPolicy: toRetentionPolicy(policy),
      instantRpRetentionRangeInDays: effectiveInstantRestoreDays(policy),
      // Left out rather than `{}` when unset: the service returns no object and `{}` would diff forever.
      ...(rg && { instantRPDetails: { azureBackupRGNamePrefix: rg.prefix, ...(rg.suffix && { azureBackupRGNameSuffix: rg.suffix }) } }),
      timeZone: policy.timeZone,
      ...(policy.tiering && {
        tieringPolicy: {
          ArchivedRP: {
            tieringMode: policy.tiering.mode,
            ...(policy.tiering.mode === "TierAfter" && { duration: policy.tiering.after, durationType: policy.tiering.unit }),
          },
        },
      }),
      ...(policy.crashConsistentOnly && { snapshotConsistencyType: "OnlyCrashConsistent" as const }),
    },
  };
}
