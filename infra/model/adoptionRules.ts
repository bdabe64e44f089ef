import type { ConfigIssue } from "../config/configError";
import { joinPath } from "../config/configError";
import type { PolicyConfig, VaultConfig, VmConfig } from "../config/configSchema";
import { protectedItemName, protectionContainerName } from "./names";
import { parseVmId } from "./resourceId";

const lower = (s: string) => s.toLowerCase();

/**
 * Adopted policies and protected items live in an adopted vault: a vault the stack creates is empty,
 * and an import ID pointing elsewhere would take over a resource the configuration does not describe.
 */
export function validateAdoption(config: {
  readonly vault: VaultConfig;
  readonly policies: Readonly<Record<string, PolicyConfig>>;
  readonly vms: ReadonlyArray<{ readonly index: number; readonly vm: VmConfig }>;
}): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const vaultId = config.vault.importId;
  const inVault = (id: string) => vaultId !== undefined && lower(id).startsWith(`${lower(vaultId)}/`);
  const noVault = "needs vault.importId: a vault the stack creates holds no policies or items to adopt";
  for (const [name, policy] of Object.entries(config.policies)) {
    if (!policy.importId) continue;
    const path = joinPath("policies", name, "importId");
    if (!vaultId) issues.push({ path, message: noVault });
    else if (lower(policy.importId) !== lower(`${vaultId}/backupPolicies/${name}`)) {
      issues.push({ path, message: `must be ${vaultId}/backupPolicies/${name}: the policy ${name} of the adopted vault (got ${policy.importId})` });
    }
  }
  for (const { index, vm } of config.vms) {
    if (!vm.importId) continue;
    const path = joinPath("vms", index, "importId");
    const ref = parseVmId(vm.id);
    if (!vaultId) {
      issues.push({ path, message: noVault });
      continue;
    }
    if (!ref) continue;
    const expected = `${vaultId}/backupFabrics/Azure/protectionContainers/${protectionContainerName(ref)}/protectedItems/${protectedItemName(ref)}`;
    if (!inVault(vm.importId) || lower(vm.importId) !== lower(expected)) {
      issues.push({ path, message: `must be the protected item of VM ${ref.name} in the adopted vault, ${expected} (got ${vm.importId})` });
    }
  }
  return issues;
}
