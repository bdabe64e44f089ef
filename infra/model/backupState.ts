import type { PolicyConfig } from "../config/configSchema";
import { effectiveInstantRestoreDays } from "./policyRules";

/**
 * What already exists in Azure Backup before a deployment: the protected items of the stack's VMs
 * (in any vault) and the policies of the stack's vault, read from Azure's own answers (the bodies of
 * `GET .../protectedItems/...` and `GET .../backupPolicies/...`, as `az backup item list` and
 * `az backup policy list` print them). The data-safety rules compare the new configuration with it.
 */

/** One tier of retention in its own unit (instant restore in days). */
export const RETENTION_TIERS = ["daily", "weekly", "monthly", "yearly", "instantRestore"] as const;
export type RetentionTier = (typeof RETENTION_TIERS)[number];
export const TIER_UNITS: Readonly<Record<RetentionTier, string>> = { daily: "days", weekly: "weeks", monthly: "months", yearly: "years", instantRestore: "days" };

/** How long each tier keeps points; a tier the policy does not keep is absent. */
export type RetentionSummary = Partial<Record<RetentionTier, number>>;

export interface ExistingItem {
  readonly id: string;
  /** The VM the item backs up (`properties.sourceResourceId`, else `virtualMachineId`). */
  readonly vmId: string;
  readonly vaultName: string;
  readonly vaultResourceGroup: string;
  readonly containerName: string;
  readonly itemName: string;
  readonly policyName?: string;
  /** Protected, ProtectionStopped, BackupsSuspended, IRPending, ProtectionError, ... as Azure spells it. */
  readonly protectionState: string;
  /** In soft delete (`isScheduledForDeferredDelete`): Azure refuses to protect it until it is undeleted. */
  readonly softDeleted: boolean;
  readonly deferredDeleteTime?: string;
}

export interface ExistingPolicy {
  readonly id: string;
  readonly name: string;
  readonly vaultName: string;
  /** V1 (Standard) or V2 (Enhanced); Azure leaves it out on V1 policies. */
  readonly policyType: "V1" | "V2";
  readonly retention: RetentionSummary;
}

/**
 * The state the rules compare with. `known: false` when it could not be read: a failed query at
 * `pulumi up`, or, offline, an inventory without the sections (then nothing is compared and the plan
 * says so).
 */
export type BackupState =
  | {
      readonly known: true;
      /** Where it comes from, for the plan: `look-up`, `inventory <file>`. */
      readonly source: string;
      /** Items of the stack's VMs by vmLogicalName, in any vault. */
      readonly items: ReadonlyMap<string, ExistingItem>;
      /** Policies of the stack's vault by lower-case name. */
      readonly policies: ReadonlyMap<string, ExistingPolicy>;
      /** Look-ups that failed without stopping the plan (e.g. other vaults could not be listed). */
      readonly notes: readonly string[];
    }
  | { readonly known: false; readonly reason: string };

const ITEM_ID =
  /^\/subscriptions\/[^/]+\/resourceGroups\/([^/]+)\/providers\/Microsoft\.RecoveryServices\/vaults\/([^/]+)\/backupFabrics\/[^/]+\/protectionContainers\/([^/]+)\/protectedItems\/([^/]+)$/i;
const POLICY_ID = /^\/subscriptions\/[^/]+\/resourceGroups\/([^/]+)\/providers\/Microsoft\.RecoveryServices\/vaults\/([^/]+)\/backupPolicies\/([^/]+)$/i;

/** Vault resource group, vault and names of a protected item ID; undefined for anything else. */
export function parseItemId(id: string): { vaultResourceGroup: string; vaultName: string; containerName: string; itemName: string } | undefined {
  const m = ITEM_ID.exec(id);
  return m ? { vaultResourceGroup: m[1]!, vaultName: m[2]!, containerName: m[3]!, itemName: m[4]! } : undefined;
}

export function parsePolicyId(id: string): { vaultResourceGroup: string; vaultName: string; policyName: string } | undefined {
  const m = POLICY_ID.exec(id);
  return m ? { vaultResourceGroup: m[1]!, vaultName: m[2]!, policyName: m[3]! } : undefined;
}

/** An ARM body as Azure returns it (only the fields read here). */
export interface ArmBody {
  readonly id?: string;
  readonly name?: string;
  readonly properties?: Record<string, unknown>;
}

/** A protected item from its GET body; undefined when the body is not an IaaS VM item. */
export function toExistingItem(body: ArmBody): ExistingItem | undefined {
  const at = body.id ? parseItemId(body.id) : undefined;
  const p = body.properties ?? {};
  const vmId = String(p.sourceResourceId ?? p.virtualMachineId ?? "");
  if (!at || !vmId) return undefined;
  const policyName = typeof p.policyName === "string" && p.policyName ? p.policyName : typeof p.policyId === "string" ? parsePolicyId(p.policyId)?.policyName : undefined;
  return {
    id: body.id!,
    vmId,
    ...at,
    ...(policyName && { policyName }),
    protectionState: String(p.protectionState ?? "Protected"),
    softDeleted: p.isScheduledForDeferredDelete === true,
    ...(typeof p.deferredDeleteTimeInUTC === "string" && { deferredDeleteTime: p.deferredDeleteTimeInUTC }),
  };
}

interface Schedule {
  readonly retentionDuration?: { readonly count?: number };
}

/**
 * Retention by tier of an `AzureIaasVM` policy body (`properties`), the shape both Azure's answers
 * and the declared policy use, so the two compare like for like.
 */
export function retentionOf(properties: Record<string, unknown>): RetentionSummary {
  const r = (properties.retentionPolicy ?? {}) as Record<string, Schedule | undefined>;
  const count = (s: Schedule | undefined) => (typeof s?.retentionDuration?.count === "number" ? s.retentionDuration.count : undefined);
  const out: RetentionSummary = {};
  const set = (tier: RetentionTier, v: number | undefined) => {
    if (v !== undefined) out[tier] = v;
  };
  set("daily", count(r.dailySchedule));
  set("weekly", count(r.weeklySchedule));
  set("monthly", count(r.monthlySchedule));
  set("yearly", count(r.yearlySchedule));
  set("instantRestore", typeof properties.instantRpRetentionRangeInDays === "number" ? properties.instantRpRetentionRangeInDays : undefined);
  return out;
}

/** The retention a validated policy asks for, in the same summary as Azure's (instant restore as Azure receives it). */
export function configuredRetention(policy: PolicyConfig): RetentionSummary {
  const r = policy.retention;
  const out: RetentionSummary = {};
  if (r.daily !== undefined) out.daily = r.daily;
  if (r.weekly) out.weekly = r.weekly.count;
  if (r.monthly) out.monthly = r.monthly.count;
  if (r.yearly) out.yearly = r.yearly.count;
  out.instantRestore = effectiveInstantRestoreDays(policy);
  return out;
}

/** A policy from its GET body; undefined when the body is not a VM backup policy. */
export function toExistingPolicy(body: ArmBody): ExistingPolicy | undefined {
  const at = body.id ? parsePolicyId(body.id) : undefined;
  const p = body.properties ?? {};
  if (!at || String(p.backupManagementType ?? "").toLowerCase() !== "azureiaasvm") return undefined;
  return {
    id: body.id!,
    name: body.name ?? at.policyName,
    vaultName: at.vaultName,
    policyType: String(p.policyType ?? "V1").toUpperCase() === "V2" ? "V2" : "V1",
    retention: retentionOf(p),
  };
}

/** How to undelete a soft-deleted item (Azure refuses to protect it, or change its policy, before that). */
export function undeleteHint(item: ExistingItem): string {
  return (
    `undelete it first: az backup protection undelete --resource-group ${item.vaultResourceGroup} --vault-name ${item.vaultName} ` +
    `--container-name "${item.containerName}" --item-name "${item.itemName}" --backup-management-type AzureIaasVM --workload-type VM ` +
    `(or in the portal: vault ${item.vaultName} > Backup items > Azure Virtual Machine > the item > Undelete), then run again`
  );
}
