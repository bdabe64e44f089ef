import type { ResourceValidationPolicy } from "@pulumi/policy";
import { DOCS } from "../shared/resourceTypes";
import { remedy, validateKind } from "../shared/validateKind";
import { sameText, str } from "../shared/values";

const check = (identityType: unknown, ours: boolean, report: (m: string) => void) => {
  if (!str(identityType) || sameText(identityType, "None")) {
    report(`Vault has no managed identity (identity.type ${str(identityType) ?? "unset"}); ${remedy(ours, "identity.type", "SystemAssigned or UserAssigned", "vault.encryption, which gives the vault an identity")} (a customer-managed key needs it).`);
  }
};

/** Recovery Services vaults have a managed identity (advisory; a customer-managed key needs one). */
export const enableManagedIdentity: ResourceValidationPolicy = {
  name: "recoveryservices-vault-enable-managed-identity",
  description: "Recovery Services vaults have a managed identity (advisory; a customer-managed key needs one).",
  enforcementLevel: "advisory",
  severity: "low",
  remediationSteps: "Give the vault a system- or user-assigned managed identity.",
  url: DOCS.identity,
  validateResource: [
    validateKind("vault", "native", (vault, { ours }, report) => check(vault.identity?.type, ours, report)),
    validateKind("vault", "classic", (vault, { ours }, report) => check(vault.identity?.type, ours, report)),
  ],
};
