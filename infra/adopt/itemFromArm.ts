import type { ConfigIssue } from "../config/configError";
import { issueAt, isObject, type ArmResource, type Json } from "./armDocuments";
import { describeValue, uncovered, type Coverage } from "./coverage";

const ITEM_COVERAGE: Coverage = {
  id: "read", name: "read", type: "ignored", etag: "ignored", eTag: "ignored", systemData: "ignored",
  properties: {
    protectedItemType: "read", sourceResourceId: "read", policyId: "read", protectionState: "read",
    isScheduledForDeferredDelete: "read",
    extendedProperties: { diskExclusionProperties: { diskLunList: "read", isInclusionList: "read" } },
    // What the service reports or derives: names, health, last backup, soft-delete timers, request-only flags.
    backupManagementType: "ignored", workloadType: "ignored", containerName: "ignored", virtualMachineId: "ignored",
    friendlyName: "ignored", policyName: "ignored", policyType: "ignored", protectionStatus: "ignored", healthStatus: "ignored",
    healthDetails: "ignored", kpisHealths: "ignored", lastBackupStatus: "ignored", lastBackupTime: "ignored",
    lastRecoveryPoint: "ignored", protectedItemDataId: "ignored", extendedInfo: "ignored", backupSetName: "ignored",
    vaultId: "ignored", isArchiveEnabled: "ignored", softDeleteRetentionPeriodInDays: "ignored", deferredDeleteTimeInUTC: "ignored",
    deferredDeleteTimeRemaining: "ignored", isDeferredDeleteScheduleUpcoming: "ignored", isRehydrate: "ignored", createMode: "ignored",
    resourceGuardOperationRequests: "ignored", sourceSideScanInfo: "ignored",
  },
};

/** Config key (below `vms[i]`) -> JSON path in the item body. */
export const ITEM_PATHS: Readonly<Record<string, string>> = {
  id: "properties.sourceResourceId",
  policy: "properties.policyId",
  disks: "properties.extendedProperties.diskExclusionProperties",
  protection: "properties.protectionState",
  importId: "id",
};

/** Azure's protection states and the configuration's `protection` that keeps each. */
const PROTECTION: Readonly<Record<string, string | undefined>> = {
  Protected: undefined,
  IRPending: undefined,
  ProtectionError: undefined,
  ProtectionStopped: "Stopped",
  BackupsSuspended: "Suspended",
};

export interface ItemFromArm {
  readonly raw: Json;
  readonly issues: ConfigIssue[];
  readonly notes: ConfigIssue[];
  /** The policy's ARM ID the item names (empty when protection is stopped). */
  readonly policyId?: string;
}

/** Maps an IaaS VM protected item's GET body to a raw `vms` entry. */
export function itemFromArm(item: ArmResource): ItemFromArm {
  const b = item.body;
  const p = isObject(b.properties) ? b.properties : {};
  const issues: ConfigIssue[] = uncovered(b, ITEM_COVERAGE, "").map(({ path, value }) =>
    issueAt(item, path, `is a writable setting of the protected item the configuration cannot express (got ${describeValue(value)})`),
  );
  if (p.protectedItemType !== "Microsoft.Compute/virtualMachines") {
    issues.push(issueAt(item, "properties.protectedItemType", `must be Microsoft.Compute/virtualMachines: only Azure Resource Manager VMs are adopted (got ${describeValue(p.protectedItemType)})`));
  }
  if (p.isScheduledForDeferredDelete === true) {
    issues.push(issueAt(item, "properties.isScheduledForDeferredDelete", "is true: the item is soft-deleted; undelete it first (`az backup protection undelete`), then adopt it"));
  }
  const state = String(p.protectionState ?? "Protected");
  if (!(state in PROTECTION)) {
    issues.push(issueAt(item, "properties.protectionState", `must be Protected, IRPending, ProtectionError, ProtectionStopped or BackupsSuspended (got ${describeValue(p.protectionState)})`));
  }
  const protection = PROTECTION[state];
  const policyId = typeof p.policyId === "string" && p.policyId !== "" ? p.policyId : undefined;
  if (!policyId && protection !== "Stopped") {
    issues.push(issueAt(item, "properties.policyId", `is required for a ${state} item: the configuration binds it to a policy`));
  }
  const ex = isObject(p.extendedProperties) && isObject(p.extendedProperties.diskExclusionProperties) ? p.extendedProperties.diskExclusionProperties : undefined;
  const disks = ex ? { [ex.isInclusionList === true ? "include" : "exclude"]: ex.diskLunList } : undefined;
  const raw: Json = {
    id: p.sourceResourceId,
    policy: policyId ? policyId.split("/").pop() : undefined,
    ...(disks && { disks }),
    ...(protection && { protection }),
    importId: b.id,
  };
  if (raw.policy === undefined) delete raw.policy;
  const notes = p.protectionState !== undefined && protection === undefined && state in PROTECTION
    ? [issueAt(item, "properties.protectionState", `is ${state}: not sent, a policyId keeps the item protected`)]
    : [];
  return { raw, issues, notes, policyId };
}
