import type { ResourceValidationPolicy } from "@pulumi/policy";
import { DOCS } from "../shared/resourceTypes";
import { validateKind } from "../shared/validateKind";
import { str } from "../shared/values";

const message = (ours: boolean, field: string) =>
  `Vault uses platform-managed keys; set ${field}${ours ? " (config vault.encryption.keyUri)" : ""} before any item is protected.`;

/** Recovery Services vaults encrypt backups with a customer-managed key (advisory). */
export const enableCustomerManagedKey: ResourceValidationPolicy = {
  name: "recoveryservices-vault-enable-customer-managed-key",
  description: "Recovery Services vaults encrypt backups with a customer-managed key (advisory).",
  enforcementLevel: "advisory",
  severity: "low",
  remediationSteps: "Set the vault's encryption key before the first item is protected; the key cannot be removed later.",
  url: DOCS.encryption,
  validateResource: [
    validateKind("vault", "native", (vault, { ours }, report) => {
      if (!str(vault.properties?.encryption?.keyVaultProperties?.keyUri)) report(message(ours, "properties.encryption.keyVaultProperties.keyUri"));
    }),
    validateKind("vault", "classic", (vault, { ours }, report) => {
      if (!str(vault.encryption?.keyId)) report(message(ours, "encryption.keyId"));
    }),
  ],
};
