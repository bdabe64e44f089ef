import type { ResourceValidationPolicy } from "@pulumi/policy";
import { DOCS } from "../shared/resourceTypes";
import { remedy, validateKind } from "../shared/validateKind";
import { sameText, str } from "../shared/values";

const message = (ours: boolean, field: string, value: string) =>
  `Geo-redundant vault without cross-region restore; ${remedy(ours, field, value, "vault.crossRegionRestore")} so backups can be restored in the paired region (cannot be turned off later).`;

/** Geo-redundant Recovery Services vaults enable cross-region restore (advisory). */
export const enableCrossRegionRestore: ResourceValidationPolicy = {
  name: "recoveryservices-vault-enable-cross-region-restore",
  description: "Geo-redundant Recovery Services vaults enable cross-region restore (advisory).",
  enforcementLevel: "advisory",
  severity: "low",
  remediationSteps: "Enable cross-region restore on GeoRedundant vaults.",
  url: DOCS.crossRegionRestore,
  validateResource: [
    validateKind("vault", "native", (vault, { args, ours }, report) => {
      const r = vault.properties?.redundancySettings;
      if (!sameText(str(r?.standardTierStorageRedundancy) ?? "GeoRedundant", "GeoRedundant")) args.notApplicable("cross-region restore needs a GeoRedundant vault");
      if (!sameText(r?.crossRegionRestore, "Enabled")) report(message(ours, "properties.redundancySettings.crossRegionRestore", "Enabled"));
    }),
    validateKind("vault", "classic", (vault, { args, ours }, report) => {
      if (!sameText(str(vault.storageModeType) ?? "GeoRedundant", "GeoRedundant")) args.notApplicable("cross-region restore needs a GeoRedundant vault");
      if (vault.crossRegionRestoreEnabled !== true) report(message(ours, "crossRegionRestoreEnabled", "true"));
    }),
  ],
};
