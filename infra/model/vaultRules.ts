import type { ConfigIssue } from "../config/configError";
import type { VaultConfig } from "../config/configSchema";

/** Azure's cross-field rules for the vault (facts: Vault). */
export function validateVault(vault: VaultConfig, path = "vault"): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  if (vault.crossRegionRestore && vault.storageRedundancy !== "GeoRedundant") {
    issues.push({
      path: `${path}.crossRegionRestore`,
      message: `needs storageRedundancy GeoRedundant (got ${vault.storageRedundancy}); set crossRegionRestore: false or use GeoRedundant`,
    });
  }
  issues.push(...validateKeyIdentity(vault, path));
  return issues;
}

/**
 * A customer-managed key is read by an identity that must already have access to the key when the
 * key is set. A system-assigned identity is created with the vault, so a vault created with the key
 * in the same deployment cannot work: the key needs a user-assigned identity granted beforehand, or
 * the vault's own identity deployed first (`systemAssignedIdentity: true`), granted, then the key.
 */
function validateKeyIdentity(vault: VaultConfig, path: string): ConfigIssue[] {
  const cmk = vault.encryption;
  if (!cmk || cmk.userAssignedIdentityId || vault.systemAssignedIdentity) return [];
  return [{
    path: `${path}.encryption.userAssignedIdentityId`,
    message:
      "is required unless the vault's system-assigned identity already exists and can read the key: that identity is created with the vault, " +
      "so it cannot have been granted access to the key in the deployment that creates the vault. Either give a user-assigned identity that " +
      `already has Key Vault Crypto Service Encryption User (or get, wrapKey, unwrapKey) on the key, or deploy in two steps: 1) set ${path}.systemAssignedIdentity: true ` +
      "without encryption and run pulumi up; 2) grant the vault's identity (its principal ID) that role on the key; 3) add encryption and run pulumi up again",
  }];
}
