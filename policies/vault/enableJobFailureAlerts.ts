import type { ResourceValidationPolicy } from "@pulumi/policy";
import { DOCS } from "../shared/resourceTypes";
import { remedy, validateKind } from "../shared/validateKind";
import { sameText, str } from "../shared/values";

/** Recovery Services vaults raise Azure Monitor alerts for every failed backup job. */
export const enableJobFailureAlerts: ResourceValidationPolicy = {
  name: "recoveryservices-vault-enable-job-failure-alerts",
  description: "Recovery Services vaults raise Azure Monitor alerts for every failed backup job.",
  enforcementLevel: "mandatory",
  severity: "medium",
  remediationSteps: "Turn on Azure Monitor alerts for all job failures (classic alerts were retired on 31 March 2026).",
  url: DOCS.monitoring,
  validateResource: [
    validateKind("vault", "native", (vault, { ours }, report) => {
      // Required explicitly: the service default is not documented in a stable source.
      const state = vault.properties?.monitoringSettings?.azureMonitorAlertSettings?.alertsForAllJobFailures;
      if (!sameText(state, "Enabled")) {
        report(`Vault job-failure alerts are ${str(state) ?? "unset"}; ${remedy(ours, "properties.monitoringSettings.azureMonitorAlertSettings.alertsForAllJobFailures", "Enabled", "vault.jobFailureAlerts")}.`);
      }
    }),
    validateKind("vault", "classic", (vault, { ours }, report) => {
      // azurerm defaults alertsForAllJobFailuresEnabled to true.
      if (vault.monitoring?.alertsForAllJobFailuresEnabled === false) {
        report(`Vault job-failure alerts are off; ${remedy(ours, "monitoring.alertsForAllJobFailuresEnabled", "true", "vault.jobFailureAlerts")}.`);
      }
    }),
  ],
};
