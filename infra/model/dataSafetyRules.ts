import type { BackupConfig, ConfiguredVault } from "../config/backupConfig";
import { joinPath, type ConfigIssue } from "../config/configError";
import { RETENTION_TIERS, TIER_UNITS, configuredRetention, undeleteHint, type BackupState, type ExistingItem, type RetentionSummary } from "./backupState";
import { keepsPolicy, toProtectionState } from "./lifecycle";
import { vmLogicalName } from "./names";
import { parseVmId } from "./resourceId";
import type { VmEntry } from "./selectors";

/** One change the deployment makes to backups that already exist, for the plan's Data section. */
export interface DataChange {
  readonly kind: "policy-move" | "retention" | "protection-state" | "not-declared";
  /** `vm rg-app-prod/vm-web-01` or `policy daily-standard`. */
  readonly subject: string;
  /** Where it is configured (`vms[0]`, `policies.daily-standard`); empty for what the stack does not declare. */
  readonly path: string;
  readonly detail: string;
  /** Tiers whose retention drops, e.g. `daily 30 days -> none`. */
  readonly reductions: readonly string[];
  /** The `allowRetentionReduction` reason when the cut is acknowledged. */
  readonly acknowledged?: string;
}

export interface DataSafetyResult {
  readonly issues: readonly ConfigIssue[];
  readonly warnings: readonly ConfigIssue[];
  readonly changes: readonly DataChange[];
}

const show = (tier: string, v: number | undefined) => (v === undefined ? "none" : `${v} ${TIER_UNITS[tier as keyof typeof TIER_UNITS]}`);

/** Every tier kept now that the new retention keeps for less time, or not at all. */
export function retentionReductions(current: RetentionSummary, next: RetentionSummary): string[] {
  return RETENTION_TIERS.flatMap((tier) => {
    const before = current[tier];
    const after = next[tier];
    if (before === undefined || (after !== undefined && after >= before)) return [];
    return [`${tier === "instantRestore" ? "instant restore" : tier} ${show(tier, before)} -> ${show(tier, after)}`];
  });
}

function retentionChanges(current: RetentionSummary, next: RetentionSummary): string[] {
  return RETENTION_TIERS.flatMap((tier) => (current[tier] === next[tier] ? [] : [`${tier === "instantRestore" ? "instant restore" : tier} ${show(tier, current[tier])} -> ${show(tier, next[tier])}`]));
}

/** Azure's transient and error states are still "protected" for the comparison with the configured state. */
const settledState = (s: string) => (/^(ProtectionStopped|BackupsSuspended)$/i.test(s) ? s : "Protected");

const ACK = "allowRetentionReduction";

/**
 * Compares the configuration with what Azure Backup holds now. Errors: a VM in another vault (or in the
 * vault under its old name: vaults cannot be renamed), a soft-deleted item, an Enhanced-to-Standard move,
 * and every retention cut (of a policy, or by moving a VM to a policy that keeps less) that no
 * `allowRetentionReduction` reason acknowledges. Pure: the stack looks the state up first.
 */
export function checkDataSafety(config: BackupConfig, vaultEntry: ConfiguredVault, entries: readonly VmEntry[], state: BackupState): DataSafetyResult {
  if (!state.known) {
    return {
      issues: [{ path: vaultEntry.path, message: `the current backup state of vault ${vaultEntry.settings.name} could not be read (${state.reason}), so retention cuts and VMs protected elsewhere cannot be ruled out; grant the deployment read access to the vault (e.g. Backup Reader) and run again` }],
      warnings: [],
      changes: [],
    };
  }
  const issues: ConfigIssue[] = [];
  const warnings: ConfigIssue[] = [];
  const changes: DataChange[] = [];
  const vault = vaultEntry.settings;
  const inOurVault = (i: ExistingItem) => i.vaultName.toLowerCase() === vault.name.toLowerCase() && i.vaultResourceGroup.toLowerCase() === vault.resourceGroupName.toLowerCase();
  const newRetention = new Map(Object.entries(config.policies).map(([name, p]) => [name, configuredRetention(p)]));

  // Policies: the new retention against Azure's, for every declared policy that exists.
  for (const [name, policy] of Object.entries(config.policies)) {
    const existing = state.policies.get(name.toLowerCase());
    if (!existing) continue;
    const path = joinPath("policies", name);
    if (existing.policyType === "V2" && policy.tier === "Standard") {
      issues.push({ path: joinPath(path, "tier"), message: `policy ${name} is Enhanced (V2) in Azure and cannot become Standard; declare a Standard policy under another name` });
    }
    const next = newRetention.get(name)!;
    const reductions = retentionReductions(existing.retention, next);
    const changed = retentionChanges(existing.retention, next);
    if (reductions.length > 0 && !policy.allowRetentionReduction) {
      issues.push({
        path: joinPath(path, "retention"),
        message: `would cut the retention of policy ${name} (${reductions.join(", ")}); Azure applies it to the recovery points already taken by every VM on the policy. Keep the retention, or acknowledge the cut with ${ACK}: "<reason>" on the policy`,
      });
    }
    if (reductions.length === 0 && policy.allowRetentionReduction) {
      warnings.push({ path: joinPath(path, ACK), message: "is set but nothing is cut: remove it, so that a later cut is not acknowledged by accident" });
    }
    if (changed.length > 0) {
      changes.push({ kind: "retention", subject: `policy ${name}`, path, detail: changed.join(", "), reductions, ...(reductions.length > 0 && policy.allowRetentionReduction && { acknowledged: policy.allowRetentionReduction }) });
    }
  }

  // VMs: where they are protected now, and what their move does to their points.
  const renamedFrom = new Map<string, string[]>();
  for (const entry of entries) {
    const ref = parseVmId(entry.vm.id)!;
    const key = vmLogicalName(ref);
    const item = state.items.get(key);
    if (!item) {
      // Stopping protection of a VM that has none stops nothing: likely a mistaken entry (or a VM whose
      // item is in another subscription). A warning: offline without backup sections every VM looks new.
      if (entry.vm.protection === "Stopped") {
        warnings.push({
          path: joinPath(entry.path, "protection"),
          message: `is Stopped, but vault ${vault.name} holds no backup item for VM ${ref.name} (${state.source}): there is no protection to stop and no recovery point to keep; use Protected to start backups, or remove the entry`,
        });
      }
      continue;
    }
    const subject = `vm ${key}`;
    if (item.softDeleted) {
      issues.push({
        path: entry.path,
        message: `VM ${ref.name} has a soft-deleted backup item in vault ${item.vaultName}${item.deferredDeleteTime ? ` (purged after ${item.deferredDeleteTime})` : ""}; Azure refuses to protect it again until it is undeleted: ${undeleteHint(item)}`,
      });
      continue;
    }
    if (!inOurVault(item)) {
      if (item.vaultResourceGroup.toLowerCase() === vault.resourceGroupName.toLowerCase()) {
        renamedFrom.set(item.vaultName, [...(renamedFrom.get(item.vaultName) ?? []), ref.name]);
      } else {
        issues.push({
          path: entry.path,
          message: `VM ${ref.name} is already protected by vault ${item.vaultName} (resource group ${item.vaultResourceGroup}); a VM can be in one vault only and Azure would refuse it mid-deployment. Stop its protection there (keeping or deleting the data) or leave it out of this stack`,
        });
      }
      continue;
    }
    const desired = toProtectionState(entry.vm.protection);
    if (settledState(item.protectionState) !== desired) {
      changes.push({ kind: "protection-state", subject, path: entry.path, detail: `${item.protectionState} -> ${desired}`, reductions: [] });
    }
    if (!keepsPolicy(desired) || !item.policyName || item.policyName.toLowerCase() === entry.vm.policy.toLowerCase()) continue;
    const current = state.policies.get(item.policyName.toLowerCase());
    const target = config.policies[entry.vm.policy];
    const policyPath = entry.source === "vms" ? joinPath(entry.path, "policy") : entry.path;
    if (current?.policyType === "V2" && target?.tier === "Standard") {
      issues.push({
        path: policyPath,
        message: `VM ${ref.name} is protected by Enhanced policy ${item.policyName}; Azure does not move a protected VM from an Enhanced policy to a Standard one (${entry.vm.policy}): choose an Enhanced policy`,
      });
      continue;
    }
    const reductions = current ? retentionReductions(current.retention, newRetention.get(entry.vm.policy) ?? {}) : [];
    const ack = entry.vm.allowRetentionReduction;
    if (reductions.length > 0 && !ack) {
      const where = entry.source === "vms" ? "on this entry" : "on an entry for the VM under vms";
      issues.push({
        path: policyPath,
        message: `moving VM ${ref.name} from policy ${item.policyName} to ${entry.vm.policy} cuts the retention of its existing recovery points (${reductions.join(", ")}); Azure applies the new policy's retention to points already taken. Keep the policy, or acknowledge the cut with ${ACK}: "<reason>" ${where}`,
      });
    }
    changes.push({
      kind: "policy-move",
      subject,
      path: entry.path,
      detail: `${item.policyName} -> ${entry.vm.policy}${current ? "" : " (current retention unknown)"}`,
      reductions,
      ...(reductions.length > 0 && ack && { acknowledged: ack }),
    });
  }
  for (const entry of entries) {
    if (!entry.vm.allowRetentionReduction) continue;
    const move = changes.find((c) => c.kind === "policy-move" && c.path === entry.path);
    if (!move || move.reductions.length === 0) warnings.push({ path: joinPath(entry.path, ACK), message: "is set but moving this VM cuts nothing: remove it, so that a later cut is not acknowledged by accident" });
  }
  for (const [oldName, vms] of renamedFrom) {
    issues.push({
      path: `${vaultEntry.path}.name`,
      message: `is ${vault.name}, but vault ${oldName} in resource group ${vault.resourceGroupName} already protects ${vms.join(", ")}. A Recovery Services vault cannot be renamed: a new name creates a second, empty vault and Azure refuses the VMs in it. Keep ${vaultEntry.path}.name: ${oldName}`,
    });
  }

  // What exists but is not declared: left alone (removed keys and VMs are forgotten, not deleted).
  const declaredPolicies = new Set(Object.keys(config.policies).map((n) => n.toLowerCase()));
  for (const p of state.policies.values()) {
    if (!declaredPolicies.has(p.name.toLowerCase())) changes.push({ kind: "not-declared", subject: `policy ${p.name}`, path: "", detail: "exists in the vault and is not declared: left as it is (not deleted)", reductions: [] });
  }
  return { issues, warnings, changes };
}
