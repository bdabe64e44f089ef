import type { ResourceValidationPolicy } from "@pulumi/policy";
import { configSchemaWithDefaults, readConfig } from "../shared/policyConfig";
import { DOCS } from "../shared/resourceTypes";
import { remedy, validateKind } from "../shared/validateKind";
import { str } from "../shared/values";

const REDUNDANCIES = ["GeoRedundant", "ZoneRedundant", "LocallyRedundant"];
const defaults = { allowed: ["GeoRedundant", "ZoneRedundant"] as readonly string[] };

function check(redundancy: string, allowed: readonly string[], report: (m: string) => void, field: string, ours: boolean) {
  if (!allowed.some((a) => a.toLowerCase() === redundancy.toLowerCase())) {
    report(`Vault storage redundancy is ${redundancy}; ${remedy(ours, field, `one of ${allowed.join(", ")}`, "vault.storageRedundancy")}. It cannot change once items are protected.`);
  }
}

/** Recovery Services vaults use an allowed storage redundancy (default GeoRedundant or ZoneRedundant). */
export const configureAllowedRedundancy: ResourceValidationPolicy = {
  name: "recoveryservices-vault-configure-allowed-redundancy",
  description: "Recovery Services vaults use an allowed storage redundancy (default GeoRedundant or ZoneRedundant).",
  enforcementLevel: "mandatory",
  severity: "medium",
  remediationSteps: "Choose an allowed redundancy before the first item is protected: it is immutable afterwards.",
  url: DOCS.redundancy,
  configSchema: configSchemaWithDefaults(defaults, {
    allowed: { type: "array", items: { type: "string", enum: REDUNDANCIES }, minItems: 1, uniqueItems: true, description: "Storage redundancies a vault may use." },
  }),
  validateResource: [
    validateKind("vault", "native", (vault, { args, ours }, report) => {
      // Absent means the service default, GeoRedundant.
      const redundancy = str(vault.properties?.redundancySettings?.standardTierStorageRedundancy) ?? "GeoRedundant";
      check(redundancy, readConfig(args, defaults).allowed, report, "properties.redundancySettings.standardTierStorageRedundancy", ours);
    }),
    validateKind("vault", "classic", (vault, { args, ours }, report) => {
      check(str(vault.storageModeType) ?? "GeoRedundant", readConfig(args, defaults).allowed, report, "storageModeType", ours);
    }),
  ],
};
