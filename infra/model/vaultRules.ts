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
  return issues;
}
