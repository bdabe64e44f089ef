import type { ResourceValidationPolicy } from "@pulumi/policy";
import { SOFT_DELETE_RETENTION_DAYS } from "../../infra/azure/azureLimits";
import { configSchemaWithDefaults, readConfig } from "../shared/policyConfig";
import { DOCS } from "../shared/resourceTypes";
import { remedy, validateKind } from "../shared/validateKind";
import { sameText, str } from "../shared/values";

const defaults = { requireAlwaysOn: false, minimumRetentionDays: SOFT_DELETE_RETENTION_DAYS.min };
const STATE = "properties.securitySettings.softDeleteSettings.softDeleteState";
const DAYS = "properties.securitySettings.softDeleteSettings.softDeleteRetentionPeriodInDays";

/** Recovery Services vaults keep soft delete on (AlwaysON if configured) for the minimum to 180 days. */
export const enableSoftDelete: ResourceValidationPolicy = {
  name: "recoveryservices-vault-enable-soft-delete",
  description: "Recovery Services vaults keep soft delete on (AlwaysON if configured) for the minimum to 180 days.",
  enforcementLevel: "mandatory",
  severity: "high",
  remediationSteps: "Keep soft delete AlwaysON (irreversible) or Enabled, with a retention between the minimum and 180 days.",
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
    validateKind("vault", "native", (vault, { args, ours }, report) => {
      const { requireAlwaysOn, minimumRetentionDays } = readConfig(args, defaults);
      const settings = vault.properties?.securitySettings?.softDeleteSettings;
      // Absent means the service default: Enabled, 14 days.
      const state = str(settings?.softDeleteState) ?? "Enabled";
      const days = typeof settings?.softDeleteRetentionPeriodInDays === "number" ? settings.softDeleteRetentionPeriodInDays : SOFT_DELETE_RETENTION_DAYS.min;
      const disabled = sameText(state, "Disabled");
      if (disabled) {
        report(`Vault soft delete is ${state}; ${remedy(ours, STATE, "AlwaysON or Enabled", "vault.softDelete")}.`);
      } else if (requireAlwaysOn && !sameText(state, "AlwaysON")) {
        report(`Vault soft delete is ${state}; this pack requires AlwaysON: ${remedy(ours, STATE, "AlwaysON (irreversible)", "vault.softDelete")}.`);
      }
      if (disabled) return;
      if (days < minimumRetentionDays) {
        report(`Vault soft delete keeps deleted backups ${days} days; ${remedy(ours, DAYS, `at least ${minimumRetentionDays}`, "vault.softDeleteRetentionDays")}.`);
      } else if (days > SOFT_DELETE_RETENTION_DAYS.max) {
        report(`Vault soft delete keeps deleted backups ${days} days; Azure allows at most ${SOFT_DELETE_RETENTION_DAYS.max}: ${remedy(ours, DAYS, `${minimumRetentionDays}-${SOFT_DELETE_RETENTION_DAYS.max}`, "vault.softDeleteRetentionDays")}.`);
      }
    }),
    validateKind("vault", "classic", (vault, { args, ours }, report) => {
      const { requireAlwaysOn, minimumRetentionDays } = readConfig(args, defaults);
      if (vault.softDeleteEnabled === false) {
        report(`Vault soft delete is disabled; ${remedy(ours, "softDeleteEnabled", "true (or leave it unset)", "vault.softDelete")}.`);
        return;
      }
      // @pulumi/azure has no field for AlwaysON or the retention days: the service default (Enabled, 14 days) applies.
      if (requireAlwaysOn) report("AlwaysON soft delete is not expressible with the classic @pulumi/azure provider; use azure-native (properties.securitySettings.softDeleteSettings.softDeleteState: AlwaysON).");
      if (SOFT_DELETE_RETENTION_DAYS.min < minimumRetentionDays) {
        report(`The classic @pulumi/azure provider cannot set soft delete retention (service default ${SOFT_DELETE_RETENTION_DAYS.min} days, below the required ${minimumRetentionDays}); use azure-native.`);
      }
    }),
  ],
};
