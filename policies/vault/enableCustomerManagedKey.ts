import { validateResourceOfType, type ResourceValidationPolicy } from "@pulumi/policy";
import { ClassicVault, DOCS, NativeVault } from "../shared/resourceTypes";

/** Recovery Services vaults encrypt backups with a customer-managed key (advisory). */
export const enableCustomerManagedKey: ResourceValidationPolicy = {
  name: "recoveryservices-vault-enable-customer-managed-key",
  description: "Recovery Services vaults encrypt backups with a customer-managed key (advisory).",
  enforcementLevel: "advisory",
  severity: "low",
  remediationSteps: "Set vault.encryption.keyUri before the first item is protected; the key cannot be removed later.",
  url: DOCS.encryption,
  validateResource: [
    validateResourceOfType(NativeVault, (vault, _args, report) => {
      if (!vault.properties?.encryption?.keyVaultProperties?.keyUri) {
        report("Vault uses platform-managed keys; set vault.encryption.keyUri (properties.encryption.keyVaultProperties.keyUri) before any item is protected.");
      }
    }),
    validateResourceOfType(ClassicVault, (vault, _args, report) => {
      if (!vault.encryption?.keyId) report("Vault uses platform-managed keys; set encryption.keyId before any item is protected.");
    }),
  ],
};
