import type { ConfigIssue } from "../config/configError";
import type { VaultConfig } from "../config/configSchema";
import { VAULT_ID_PATTERN } from "../config/vaultSettingsSchema";

/** Azure's cross-field rules for the vault (azure-backup-service.md: Vault). */
export function validateVault(vault: VaultConfig, path = "vault"): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  if (vault.crossRegionRestore && vault.storageRedundancy !== "GeoRedundant") {
    issues.push({
      path: `${path}.crossRegionRestore`,
      message: `needs storageRedundancy GeoRedundant (got ${vault.storageRedundancy}); set crossRegionRestore: false or use GeoRedundant`,
    });
  }
  issues.push(...validateVaultIdentities(vault, path), ...validateVaultImport(vault, path), ...validateKeyIdentity(vault, path));
  return issues;
}

const sameId = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** The identity rules of the new vault settings: each identity a setting names must be the vault's. */
export function validateVaultIdentities(vault: VaultConfig, path = "vault"): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const identity = vault.identity;
  if (!identity) {
    if (vault.sourceScan) {
      issues.push({ path: `${path}.identity`, message: "is required with sourceScan: the scan runs as one of the vault's identities; set identity.systemAssigned: true or list identity.userAssigned" });
    }
    return issues;
  }
  const users = identity.userAssigned ?? [];
  if (!identity.systemAssigned && users.length === 0) {
    issues.push({ path: `${path}.identity`, message: "must give the vault an identity: systemAssigned: true and/or userAssigned: [<identity ID>]; remove identity for none" });
  }
  const seen = new Set<string>();
  users.forEach((id, i) => {
    if (seen.has(id.toLowerCase())) issues.push({ path: `${path}.identity.userAssigned[${i}]`, message: `lists ${id} more than once` });
    seen.add(id.toLowerCase());
  });
  const cmk = vault.encryption;
  if (cmk?.userAssignedIdentityId && !users.some((u) => sameId(u, cmk.userAssignedIdentityId!))) {
    issues.push({ path: `${path}.encryption.userAssignedIdentityId`, message: `must be one of identity.userAssigned (got ${cmk.userAssignedIdentityId})` });
  }
  const scan = vault.sourceScan;
  if (scan?.identity === "SystemAssigned" && !identity.systemAssigned) {
    issues.push({ path: `${path}.sourceScan.identity`, message: "SystemAssigned needs identity.systemAssigned: true" });
  }
  if (scan?.identity === "UserAssigned" && !(scan.userAssignedIdentityId && users.some((u) => sameId(u, scan.userAssignedIdentityId!)))) {
    issues.push({ path: `${path}.sourceScan.userAssignedIdentityId`, message: `UserAssigned needs the identity's ID, one of identity.userAssigned (got ${scan.userAssignedIdentityId ?? "none"})` });
  }
  if (scan?.identity === "SystemAssigned" && scan.userAssignedIdentityId) {
    issues.push({ path: `${path}.sourceScan.userAssignedIdentityId`, message: "is only for identity: UserAssigned; remove it or set identity: UserAssigned" });
  }
  return issues;
}

/** An adopted vault's ID must name the configured vault, or the import would take over another one. */
export function validateVaultImport(vault: VaultConfig, path = "vault"): ConfigIssue[] {
  if (!vault.importId) return [];
  const m = VAULT_ID_PATTERN.exec(vault.importId);
  if (!m) return [];
  const issues: ConfigIssue[] = [];
  if (!sameId(m[2]!, vault.resourceGroupName) || !sameId(m[3]!, vault.name)) {
    issues.push({
      path: `${path}.importId`,
      message: `must be the ID of vault ${vault.name} in resource group ${vault.resourceGroupName} (got resource group ${m[2]}, vault ${m[3]})`,
    });
  }
  return issues;
}

/**
 * azure-native 3.28 writes vaults with API 2024-10-01, which predates `sourceScanConfiguration`
 * (2025-02-01): the provider would drop the setting and leave scanning off without a word.
 */
export function validateVaultForNative(vault: VaultConfig, path = "vault"): ConfigIssue[] {
  if (!vault.sourceScan?.enabled) return [];
  return [{
    path: `${path}.sourceScan.enabled`,
    message: "true cannot be deployed with provider native (@pulumi/azure-native 3.28 writes vaults with API 2024-10-01, which has no sourceScanConfiguration); enable it with `az backup vault update` or the portal and set enabled: false or remove sourceScan here",
  }];
}

/**
 * A customer-managed key is read by an identity that must already have access to the key when the
 * key is set. A system-assigned identity is created with the vault, so a vault created with the key
 * in the same deployment cannot work: the key needs a user-assigned identity granted beforehand, or
 * the vault's own identity deployed first (`identity.systemAssigned: true`), granted, then the key.
 */
function validateKeyIdentity(vault: VaultConfig, path: string): ConfigIssue[] {
  const cmk = vault.encryption;
  if (!cmk || cmk.userAssignedIdentityId || vault.identity?.systemAssigned) return [];
  return [{
    path: `${path}.encryption.userAssignedIdentityId`,
    message:
      "is required unless the vault's system-assigned identity already exists and can read the key: that identity is created with the vault, " +
      "so it cannot have been granted access to the key in the deployment that creates the vault. Either give a user-assigned identity that " +
      `already has Key Vault Crypto Service Encryption User (or get, wrapKey, unwrapKey) on the key, or deploy in two steps: 1) set ${path}.identity.systemAssigned: true ` +
      "without encryption and run pulumi up; 2) grant the vault's identity (its principal ID) that role on the key; 3) add encryption and run pulumi up again",
  }];
}
