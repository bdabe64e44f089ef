import type { ResourceValidationPolicy } from "@pulumi/policy";
import { DOCS } from "../shared/resourceTypes";
import { remedy, validateKind } from "../shared/validateKind";
import { sameText, str } from "../shared/values";

/** Recovery Services vaults with a customer-managed key add infrastructure (double) encryption (advisory). */
export const enableInfrastructureEncryption: ResourceValidationPolicy = {
  name: "recoveryservices-vault-enable-infrastructure-encryption",
  description: "Recovery Services vaults with a customer-managed key add infrastructure (double) encryption (advisory).",
  enforcementLevel: "advisory",
  severity: "low",
  remediationSteps: "Enable infrastructure encryption together with the customer-managed key; it cannot be changed once set.",
  url: DOCS.encryption,
  validateResource: [
    validateKind("vault", "native", (vault, { args, ours }, report) => {
      const encryption = vault.properties?.encryption;
      if (!str(encryption?.keyVaultProperties?.keyUri)) args.notApplicable("the vault uses no customer-managed key");
      if (!sameText(encryption?.infrastructureEncryption, "Enabled")) {
        report(`Vault encrypts with a customer-managed key but infrastructure encryption is ${str(encryption?.infrastructureEncryption) ?? "unset (Disabled)"}; ${remedy(ours, "properties.encryption.infrastructureEncryption", "Enabled", "vault.encryption.infrastructureEncryption")}.`);
      }
    }),
    validateKind("vault", "classic", (vault, { args, ours }, report) => {
      if (!str(vault.encryption?.keyId)) args.notApplicable("the vault uses no customer-managed key");
      if (vault.encryption?.infrastructureEncryptionEnabled !== true) {
        report(`Vault encrypts with a customer-managed key but infrastructure encryption is off; ${remedy(ours, "encryption.infrastructureEncryptionEnabled", "true", "vault.encryption.infrastructureEncryption")}.`);
      }
    }),
  ],
};
