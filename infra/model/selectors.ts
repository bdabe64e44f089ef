import type { ConfigIssue } from "../config/configError";
import { joinPath } from "../config/configError";
import type { SelectorConfig, VmConfig, VmDefaultsConfig } from "../config/configSchema";
import { vmLogicalName } from "./names";
import { parseVmId } from "./resourceId";

/** A VM to protect, from an explicit `vms` entry or a tag selector, with estate defaults applied. */
export interface VmEntry {
  /** Where the entry comes from, as a config key path: `vms[2]` or `selectors[0]`. */
  readonly path: string;
  readonly source: "vms" | "selector";
  readonly vm: VmConfig & { readonly extension: NonNullable<VmConfig["extension"]> };
}

/** A VM a tag search returned (`core.getResources`). */
export interface DiscoveredVm {
  readonly id: string;
  readonly tags?: Readonly<Record<string, string>>;
  /** The VM's region as the look-up returned it (`westeurope` or `West Europe`). */
  readonly location?: string;
}

/** Region names compare without case or spaces: ARM returns `westeurope`, people write `West Europe`. */
const regionKey = (region: string) => region.replace(/\s+/g, "").toLowerCase();

/** What one selector's tag look-up returned: the VMs, or why there is no answer (a failed query, no offline inventory). */
export type SelectorAnswer = { readonly answered: true; readonly vms: readonly DiscoveredVm[] } | { readonly answered: false; readonly reason: string };

const describeSelector = (s: SelectorConfig) =>
  `tags ${Object.entries(s.tags).map(([k, v]) => `${k}=${v}`).join(", ")}${s.resourceGroups ? ` in ${s.resourceGroups.join(", ")}` : " in the whole subscription"}${s.locations ? ` (regions ${s.locations.join(", ")})` : ""}`;

/**
 * A selector without an answer is an error: planning on would drop every VM it protects, silently.
 * A selector that matches nothing is a warning naming it (a typo in a tag, or VMs not tagged yet).
 */
export function checkSelectorAnswers(selectors: readonly SelectorConfig[], answers: readonly SelectorAnswer[]): { issues: ConfigIssue[]; warnings: ConfigIssue[] } {
  const issues: ConfigIssue[] = [];
  const warnings: ConfigIssue[] = [];
  selectors.forEach((selector, index) => {
    const answer = answers[index];
    const path = joinPath("selectors", index);
    if (!answer || !answer.answered) {
      issues.push({
        path,
        message: `the tag look-up (${describeSelector(selector)}) has no answer${answer ? `: ${answer.reason}` : ""}; without it the VMs this selector protects are unknown and would drop out of the plan. Offline, give an inventory (--inventory PATH or inventory/<stack>.yaml); at pulumi up, check the azure provider's login and read access`,
      });
    } else if (!answer.vms.some((vm) => selectorMatches(selector, vm))) {
      warnings.push({ path, message: `matches no VM (${describeSelector(selector)}); policy ${selector.policy} protects nothing through it` });
    }
  });
  return { issues, warnings };
}

function hasTags(vm: DiscoveredVm, required: Readonly<Record<string, string>>): boolean {
  // Azure tag names are case-insensitive, values case-sensitive.
  const tags = new Map(Object.entries(vm.tags ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  return Object.entries(required).every(([k, v]) => tags.get(k.toLowerCase()) === v);
}

/** Whether a discovered VM is one the selector asks for (the look-up may return more than asked). */
export function selectorMatches(selector: SelectorConfig, vm: DiscoveredVm): boolean {
  const ref = parseVmId(vm.id);
  if (!ref || !hasTags(vm, selector.tags)) return false;
  // A VM whose region the look-up did not give passes: routing then decides (and reports) its vault.
  if (selector.locations && vm.location !== undefined && !selector.locations.some((l) => regionKey(l) === regionKey(vm.location!))) return false;
  return !selector.resourceGroups || selector.resourceGroups.some((rg) => rg.toLowerCase() === ref.resourceGroupName.toLowerCase());
}

/**
 * Merges explicit VM entries and tag-selector matches into one list of VMs to protect.
 * Explicit entries win over selectors; a VM matched by two selectors with different policies is
 * an issue naming both (the stack cannot guess which policy the owner meant).
 * @param discovered one list per selector, in selector order.
 */
export function resolveVmEntries(
  vms: readonly VmConfig[],
  selectors: readonly SelectorConfig[],
  discovered: ReadonlyArray<readonly DiscoveredVm[]>,
  defaults: VmDefaultsConfig,
): { entries: VmEntry[]; issues: ConfigIssue[] } {
  const issues: ConfigIssue[] = [];
  const entries: VmEntry[] = vms.map((vm, index) => ({
    path: joinPath("vms", index),
    source: "vms",
    vm: { ...vm, extension: vm.extension ?? defaults.extension },
  }));
  const explicit = new Set(vms.flatMap((vm) => {
    const ref = parseVmId(vm.id);
    return ref ? [vmLogicalName(ref)] : [];
  }));
  const bySelector = new Map<string, { index: number; entry: VmEntry }>();
  selectors.forEach((selector, index) => {
    for (const found of discovered[index] ?? []) {
      if (!selectorMatches(selector, found)) continue;
      const key = vmLogicalName(parseVmId(found.id)!);
      if (explicit.has(key)) continue;
      const earlier = bySelector.get(key);
      if (earlier) {
        if (earlier.entry.vm.policy !== selector.policy) {
          issues.push({
            path: joinPath("selectors", index),
            message: `matches VM ${found.id}, which selectors[${earlier.index}] also matches, with policy ${selector.policy} here and ${earlier.entry.vm.policy} there; give the VM an entry under vms or make the selectors' tags exclusive`,
          });
        }
        continue;
      }
      const entry: VmEntry = {
        path: joinPath("selectors", index),
        source: "selector",
        vm: { id: found.id, policy: selector.policy, protection: "Protected", extension: defaults.extension, ...(selector.vault !== undefined && { vault: selector.vault }) },
      };
      bySelector.set(key, { index, entry });
      entries.push(entry);
    }
  });
  return { entries, issues };
}

/** Selector rules that need no look-up: the policy exists. */
export function validateSelectors(selectors: ReadonlyArray<{ index: number; selector: SelectorConfig }>, policyNames: readonly string[]): ConfigIssue[] {
  return selectors.flatMap(({ index, selector: s }) =>
    policyNames.includes(s.policy)
      ? []
      : [{ path: joinPath("selectors", index, "policy"), message: `must be one of the configured policies: ${policyNames.join(", ") || "(no policies are configured)"} (got ${JSON.stringify(s.policy)})` }],
  );
}
