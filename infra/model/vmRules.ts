import type { ConfigIssue } from "../config/configError";
import { joinPath } from "../config/configError";
import type { VmConfig } from "../config/configSchema";
import { MAX_DISKS_PER_VM, MAX_VMS_PER_VAULT, RECOMMENDED_MAX_VMS_PER_POLICY } from "../azure/azureLimits";
import { vmLogicalName } from "./names";
import { parseVmId } from "./resourceId";

export interface IndexedVm {
  readonly index: number;
  readonly vm: VmConfig;
}

export interface VmRuleContext {
  /** The configured policy names; undefined when `policies` could not be read (its own issue says why). */
  readonly policyNames: readonly string[] | undefined;
  /** The vault's subscription, when known (azure-native:subscriptionId). */
  readonly subscriptionId?: string;
  /** Count VMs against the vault's and the policies' limits (false with several vaults: counted per vault once routed). Default true. */
  readonly countPerVault?: boolean;
}

export interface VmRuleResult {
  readonly issues: ConfigIssue[];
  readonly warnings: ConfigIssue[];
}

/** Rules across the list of protected VMs (azure-backup-service.md: Vault limits, Protected VM). */
export function validateVms(vms: readonly IndexedVm[], ctx: VmRuleContext): VmRuleResult {
  const issues: ConfigIssue[] = [];
  const warnings: ConfigIssue[] = [];
  const firstByKey = new Map<string, number>();
  const perPolicy = new Map<string, number>();

  for (const { index, vm } of vms) {
    const at = (...s: string[]) => joinPath("vms", index, ...s);
    const ref = parseVmId(vm.id);
    if (ref) {
      const key = vmLogicalName(ref);
      const first = firstByKey.get(key);
      if (first !== undefined) {
        issues.push({ path: at("id"), message: `protects the same VM as vms[${first}].id (a VM can be protected once per vault)` });
      } else {
        firstByKey.set(key, index);
      }
      if (ctx.subscriptionId && ref.subscriptionId !== ctx.subscriptionId.toLowerCase()) {
        issues.push({ path: at("id"), message: `is in subscription ${ref.subscriptionId}, but the vault is in ${ctx.subscriptionId}; a VM must be in the vault's subscription` });
      }
    }
    if (ctx.policyNames && !ctx.policyNames.includes(vm.policy)) {
      const allowed = ctx.policyNames.length > 0 ? ctx.policyNames.join(", ") : "(no policies are configured)";
      issues.push({ path: at("policy"), message: `must be one of the configured policies: ${allowed} (got ${JSON.stringify(vm.policy)})` });
    } else {
      perPolicy.set(vm.policy, (perPolicy.get(vm.policy) ?? 0) + 1);
    }
    issues.push(...validateDiskSelection(vm, at("disks")));
  }

  if (ctx.countPerVault === false) return { issues, warnings };
  if (vms.length > MAX_VMS_PER_VAULT) {
    issues.push({ path: "vms", message: `a vault protects at most ${MAX_VMS_PER_VAULT} Azure VMs (got ${vms.length}); split the estate into one stack per region or subscription` });
  }
  for (const [policy, count] of perPolicy) {
    if (count > RECOMMENDED_MAX_VMS_PER_POLICY) {
      warnings.push({
        path: joinPath("policies", policy),
        message: `protects ${count} VMs; the portal and PowerShell manage at most ${RECOMMENDED_MAX_VMS_PER_POLICY} per policy (the API and CLI accept more): consider splitting it`,
      });
    }
  }
  return { issues, warnings };
}

export function validateDiskSelection(vm: VmConfig, path: string): ConfigIssue[] {
  const disks = vm.disks;
  if (!disks) return [];
  const issues: ConfigIssue[] = [];
  if (disks.include && disks.exclude) {
    issues.push({ path, message: "takes either include or exclude, not both (each configure call replaces the previous selection)" });
  } else if (!disks.include && !disks.exclude) {
    issues.push({ path, message: "needs include: [LUNs] or exclude: [LUNs]" });
  }
  for (const key of ["include", "exclude"] as const) {
    const luns = disks[key];
    if (!luns) continue;
    const seen = new Set<number>();
    for (const lun of luns) {
      if (seen.has(lun)) issues.push({ path: joinPath(path, key), message: `lists LUN ${lun} more than once` });
      seen.add(lun);
    }
    if (key === "include" && luns.length > MAX_DISKS_PER_VM - 1) {
      issues.push({ path: joinPath(path, key), message: `a backed-up VM has at most ${MAX_DISKS_PER_VM} disks, the OS disk and ${MAX_DISKS_PER_VM - 1} data disks (got ${luns.length} data disks)` });
    }
  }
  return issues;
}
