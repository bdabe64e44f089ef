import type { ConfigIssue } from "../config/configError";
import type { BackupConfig } from "../config/backupConfig";
import { MAX_VMS_PER_VAULT, RECOMMENDED_MAX_VMS_PER_POLICY } from "../azure/azureLimits";
import type { VmSideContext } from "../model/backupModel";
import { vmLogicalName } from "../model/names";
import { parseVmId } from "../model/resourceId";
import type { VmEntry } from "../model/selectors";
import { routeVms, validateRoutedVaults } from "../model/vaultRouting";
import { backedUpLuns, validateVmFacts } from "../model/vmFactRules";
import type { VmFacts, VmLookup } from "../model/vmFacts";

export interface ResolvedVmSide {
  /** The configuration with every VM to protect (explicit entries, then selector matches). */
  readonly config: BackupConfig;
  readonly vmSide: VmSideContext;
  readonly issues: readonly ConfigIssue[];
  readonly warnings: readonly ConfigIssue[];
}

/**
 * Joins the VM entries with what the look-ups found and checks the fact rules. Pure: the stack
 * does the look-ups first, so a bad estate is reported whole and nothing is declared.
 */
export function applyVmFacts(config: BackupConfig, entries: readonly VmEntry[], lookups: ReadonlyMap<string, VmLookup>): ResolvedVmSide {
  const routing = routeVms(config.vaults, entries, lookups);
  const locations = new Map(config.vaults.map((v) => [v.key, v.settings.location]));
  const ctx = { subscriptionId: config.subscriptionId, policies: config.policies, defaultWindowsReadiness: config.vmDefaults.windowsReadiness };
  const issues: ConfigIssue[] = [...routing.issues];
  const warnings: ConfigIssue[] = [...routing.warnings];
  const facts = new Map<string, VmFacts>();
  const sources = new Map<string, string>();
  const luns = new Map<string, readonly number[]>();
  const vmWarnings = new Map<string, readonly ConfigIssue[]>();
  for (const entry of entries) {
    const key = vmLogicalName(parseVmId(entry.vm.id)!);
    // Rules are per VM: checking one entry at a time keeps each VM's warnings with it for the plan.
    // A VM no vault could take is reported by the routing; its other facts are still checked.
    const vaultKey = routing.vaultOf.get(key);
    const result = validateVmFacts([entry], lookups, { ...ctx, vaultLocation: vaultKey === undefined ? undefined : locations.get(vaultKey) });
    issues.push(...result.issues);
    warnings.push(...result.warnings);
    vmWarnings.set(key, result.warnings);
    sources.set(key, entry.path);
    const lookup = lookups.get(key);
    if (lookup?.found) {
      facts.set(key, lookup.facts);
      luns.set(key, backedUpLuns(entry, lookup.facts.dataDisks.map((d) => d.lun)));
    }
  }
  if (config.vaults.length === 1) {
    issues.push(...validateSelectorCounts(config, entries));
    warnings.push(...selectorPolicyWarnings(config, entries));
  } else {
    const routed = validateRoutedVaults(config.vaults, entries, routing.vaultOf, config.policies);
    issues.push(...routed.issues);
    warnings.push(...routed.warnings);
  }
  return {
    config: { ...config, vms: entries.map((e) => e.vm) },
    vmSide: { facts, sources, backedUpLuns: luns, warnings: vmWarnings, vaults: routing.vaultOf },
    issues,
    warnings,
  };
}

/**
 * The vault's VM limit counted with selector matches (loadConfig counted explicit entries only,
 * so this only speaks when the selectors push the estate over it).
 */
function validateSelectorCounts(config: BackupConfig, entries: readonly VmEntry[]): ConfigIssue[] {
  if (entries.length <= MAX_VMS_PER_VAULT || config.vms.length > MAX_VMS_PER_VAULT) return [];
  return [{
    path: "selectors",
    message: `match ${entries.length - config.vms.length} VMs, which with the ${config.vms.length} listed under vms exceeds the ${MAX_VMS_PER_VAULT} Azure VMs a vault protects; narrow the selectors (tags, resourceGroups) or split the estate`,
  }];
}

/** The portal's per-policy limit, counted with selector matches, for policies the selectors push over it. */
function selectorPolicyWarnings(config: BackupConfig, entries: readonly VmEntry[]): ConfigIssue[] {
  const count = (list: ReadonlyArray<{ policy: string }>) => {
    const m = new Map<string, number>();
    for (const vm of list) m.set(vm.policy, (m.get(vm.policy) ?? 0) + 1);
    return m;
  };
  const explicit = count(config.vms);
  return [...count(entries.map((e) => e.vm))]
    .filter(([policy, n]) => n > RECOMMENDED_MAX_VMS_PER_POLICY && (explicit.get(policy) ?? 0) <= RECOMMENDED_MAX_VMS_PER_POLICY)
    .map(([policy, n]) => ({
      path: `policies.${policy}`,
      message: `protects ${n} VMs with the selectors' matches; the portal and PowerShell manage at most ${RECOMMENDED_MAX_VMS_PER_POLICY} per policy (the API and CLI accept more): consider splitting it`,
    }));
}
