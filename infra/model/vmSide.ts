import type { ConfigIssue } from "../config/configError";
import type { BackupConfig } from "../config/loadConfig";
import type { VmSideContext } from "./backupModel";
import { vmLogicalName } from "./names";
import { parseVmId } from "./resourceId";
import type { VmEntry } from "./selectors";
import { backedUpLuns, validateVmFacts } from "./vmFactRules";
import type { VmFacts, VmLookup } from "./vmFacts";

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
  const ctx = { vaultLocation: config.vault.location, subscriptionId: config.subscriptionId, policies: config.policies };
  const issues: ConfigIssue[] = [];
  const warnings: ConfigIssue[] = [];
  const facts = new Map<string, VmFacts>();
  const sources = new Map<string, string>();
  const luns = new Map<string, readonly number[]>();
  const vmWarnings = new Map<string, readonly ConfigIssue[]>();
  for (const entry of entries) {
    const key = vmLogicalName(parseVmId(entry.vm.id)!);
    // Rules are per VM: checking one entry at a time keeps each VM's warnings with it for the plan.
    const result = validateVmFacts([entry], lookups, ctx);
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
  return {
    config: { ...config, vms: entries.map((e) => e.vm) },
    vmSide: { facts, sources, backedUpLuns: luns, warnings: vmWarnings },
    issues,
    warnings,
  };
}
