import { validateResourceOfType, type ResourceValidationPolicy } from "@pulumi/policy";
import { ClassicVault, DOCS, NativeVault } from "../shared/resourceTypes";

const MESSAGE = "Geo-redundant vault without cross-region restore; set vault.crossRegionRestore to true so backups can be restored in the paired region (cannot be turned off later).";

/** Geo-redundant Recovery Services vaults enable cross-region restore (advisory). */
export const enableCrossRegionRestore: ResourceValidationPolicy = {
  name: "recoveryservices-vault-enable-cross-region-restore",
  description: "Geo-redundant Recovery Services vaults enable cross-region restore (advisory).",
  enforcementLevel: "advisory",
  severity: "low",
  remediationSteps: "Set vault.crossRegionRestore to true on GeoRedundant vaults.",
  url: DOCS.crossRegionRestore,
  validateResource: [
    validateResourceOfType(NativeVault, (vault, args, report) => {
      const r = vault.properties?.redundancySettings;
      if ((r?.standardTierStorageRedundancy ?? "GeoRedundant") !== "GeoRedundant") args.notApplicable("cross-region restore needs a GeoRedundant vault");
      if (r?.crossRegionRestore !== "Enabled") report(MESSAGE);
    }),
    validateResourceOfType(ClassicVault, (vault, args, report) => {
      if ((vault.storageModeType ?? "GeoRedundant") !== "GeoRedundant") args.notApplicable("cross-region restore needs a GeoRedundant vault");
      if (vault.crossRegionRestoreEnabled !== true) report(MESSAGE);
    }),
  ],
};
