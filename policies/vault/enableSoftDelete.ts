import { validateResourceOfType, type ResourceValidationPolicy } from "@pulumi/policy";
import { SOFT_DELETE_RETENTION_DAYS } from "../../infra/azure/azureLimits";
import { configSchemaWithDefaults, readConfig } from "../shared/policyConfig";
import { ClassicVault, DOCS, NativeVault } from "../shared/resourceTypes";

const defaults = { requireAlwaysOn: false, minimumRetentionDays: SOFT_DELETE_RETENTION_DAYS.min };

/** Recovery Services vaults keep soft delete on (AlwaysON if configured) for at least the minimum days. */
export const enableSoftDelete: ResourceValidationPolicy = {
  name: "recoveryservices-vault-enable-soft-delete",
  description: "Recovery Services vaults keep soft delete on (AlwaysON if configured) for at least the minimum days.",
  enforcementLevel: "mandatory",
  severity: "high",
  remediationSteps: "Set vault.softDelete to AlwaysOn (irreversible) or Enabled and vault.softDeleteRetentionDays to at least the minimum.",
  url: DOCS.softDelete,
  configSchema: configSchemaWithDefaults(defaults, {
    requireAlwaysOn: { type: "boolean", description: "Demand the irreversible AlwaysON state, not just Enabled." },
    minimumRetentionDays: {
      type: "integer",
      minimum: SOFT_DELETE_RETENTION_DAYS.min,
      maximum: SOFT_DELETE_RETENTION_DAYS.max,
      description: `Fewest days soft-deleted backup data is kept (${SOFT_DELETE_RETENTION_DAYS.min}-${SOFT_DELETE_RETENTION_DAYS.max}).`,
    },
  }),
  validateResource: [
    validateResourceOfType(NativeVault, (vault, args, report) => {
      const { requireAlwaysOn, minimumRetentionDays } = readConfig(args, defaults);
      const settings = vault.properties?.securitySettings?.softDeleteSettings;
      // Absent means the service default: Enabled, 14 days.
      const state = settings?.softDeleteState ?? "Enabled";
      const days = settings?.softDeleteRetentionPeriodInDays ?? SOFT_DELETE_RETENTION_DAYS.min;
      if (state === "Disabled") {
        report("Vault soft delete is Disabled; set vault.softDelete to AlwaysOn or Enabled (properties.securitySettings.softDeleteSettings.softDeleteState).");
      } else if (requireAlwaysOn && state !== "AlwaysON") {
        report(`Vault soft delete is ${state}; this pack requires AlwaysON: set vault.softDelete to AlwaysOn (irreversible).`);
      }
      if (state !== "Disabled" && days < minimumRetentionDays) {
        report(`Vault soft delete keeps deleted backups ${days} days; set vault.softDeleteRetentionDays to at least ${minimumRetentionDays}.`);
      }
    }),
    validateResourceOfType(ClassicVault, (vault, args, report) => {
      const { requireAlwaysOn, minimumRetentionDays } = readConfig(args, defaults);
      if (vault.softDeleteEnabled === false) {
        report("Vault soft delete is disabled; set softDeleteEnabled to true (or leave it unset).");
        return;
      }
      // @pulumi/azure has no field for AlwaysON or the retention days: the service default (Enabled, 14 days) applies.
      if (requireAlwaysOn) report("AlwaysON soft delete is not expressible with the classic @pulumi/azure provider; use azure-native (vault.softDelete: AlwaysOn).");
      if (SOFT_DELETE_RETENTION_DAYS.min < minimumRetentionDays) {
        report(`The classic @pulumi/azure provider cannot set soft delete retention (service default ${SOFT_DELETE_RETENTION_DAYS.min} days, below the required ${minimumRetentionDays}); use azure-native.`);
      }
    }),
  ],
};
