import type { ResourceValidationPolicy } from "@pulumi/policy";
import { DOCS } from "../shared/resourceTypes";
import { remedy, validateKind } from "../shared/validateKind";
import { sameText, str } from "../shared/values";

/** Recovery Services vaults disable public network access explicitly (the service default is Enabled). */
export const disallowPublicNetworkAccess: ResourceValidationPolicy = {
  name: "recoveryservices-vault-disallow-public-network-access",
  description: "Recovery Services vaults disable public network access explicitly (the service default is Enabled).",
  enforcementLevel: "mandatory",
  severity: "high",
  remediationSteps: "Disable public network access on the vault and reach it through private endpoints.",
  url: DOCS.privateEndpoints,
  validateResource: [
    validateKind("vault", "native", (vault, { ours }, report) => {
      const access = vault.properties?.publicNetworkAccess;
      if (!sameText(access, "Disabled")) {
        report(`Vault public network access is ${str(access) ?? "unset (Enabled)"}; ${remedy(ours, "properties.publicNetworkAccess", "Disabled", "vault.publicNetworkAccess")}.`);
      }
    }),
    validateKind("vault", "classic", (vault, { ours }, report) => {
      if (vault.publicNetworkAccessEnabled !== false) {
        report(`Vault public network access is ${vault.publicNetworkAccessEnabled === true ? "enabled" : "unset (enabled)"}; ${remedy(ours, "publicNetworkAccessEnabled", "false", "vault.publicNetworkAccess")}.`);
      }
    }),
  ],
};
