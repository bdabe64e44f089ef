import { validateResourceOfType, type ResourceValidationPolicy } from "@pulumi/policy";
import { ClassicVault, DOCS, NativeVault } from "../shared/resourceTypes";

/** Recovery Services vaults disable public network access explicitly (the service default is Enabled). */
export const disallowPublicNetworkAccess: ResourceValidationPolicy = {
  name: "recoveryservices-vault-disallow-public-network-access",
  description: "Recovery Services vaults disable public network access explicitly (the service default is Enabled).",
  enforcementLevel: "mandatory",
  severity: "high",
  remediationSteps: "Set vault.publicNetworkAccess to Disabled and reach the vault through private endpoints.",
  url: DOCS.privateEndpoints,
  validateResource: [
    validateResourceOfType(NativeVault, (vault, _args, report) => {
      const access = vault.properties?.publicNetworkAccess;
      if (access !== "Disabled") {
        report(`Vault public network access is ${access ?? "unset (Enabled)"}; set vault.publicNetworkAccess to Disabled (properties.publicNetworkAccess).`);
      }
    }),
    validateResourceOfType(ClassicVault, (vault, _args, report) => {
      if (vault.publicNetworkAccessEnabled !== false) {
        report(`Vault public network access is ${vault.publicNetworkAccessEnabled === true ? "enabled" : "unset (enabled)"}; set publicNetworkAccessEnabled to false.`);
      }
    }),
  ],
};
