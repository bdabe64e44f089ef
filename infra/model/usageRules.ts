import { joinPath, type ConfigIssue } from "../config/configError";
import type { SelectorConfig, VmConfig } from "../config/configSchema";

/**
 * Settings that would deploy but protect nothing: a policy no VM or selector uses (it is still created
 * in the vault), and a stack with no VM and no selector (a vault with nothing in it). Warnings, not
 * errors: both are legitimate while an estate is being built up, but never silent.
 */
export function unusedSettingsWarnings(
  policyNames: readonly string[],
  vms: ReadonlyArray<{ readonly vm: VmConfig }>,
  selectors: ReadonlyArray<{ readonly selector: SelectorConfig }>,
): ConfigIssue[] {
  const used = new Set([...vms.map((v) => v.vm.policy), ...selectors.map((s) => s.selector.policy)]);
  const warnings: ConfigIssue[] = policyNames
    .filter((name) => !used.has(name))
    .map((name) => ({ path: joinPath("policies", name), message: "is used by no VM and no selector: it is created in the vault but protects nothing (remove it, or give it VMs)" }));
  if (vms.length === 0 && selectors.length === 0) {
    warnings.push({ path: "vms", message: "lists no VM and there are no selectors: the vault is created empty and protects nothing" });
  }
  return warnings;
}
