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
