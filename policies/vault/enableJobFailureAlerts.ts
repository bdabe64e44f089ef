import { validateResourceOfType, type ResourceValidationPolicy } from "@pulumi/policy";
import { ClassicVault, DOCS, NativeVault } from "../shared/resourceTypes";

/** Recovery Services vaults raise Azure Monitor alerts for every failed backup job. */
export const enableJobFailureAlerts: ResourceValidationPolicy = {
  name: "recoveryservices-vault-enable-job-failure-alerts",
  description: "Recovery Services vaults raise Azure Monitor alerts for every failed backup job.",
  enforcementLevel: "mandatory",
  severity: "medium",
  remediationSteps: "Set vault.jobFailureAlerts to true (classic alerts were retired on 31 March 2026).",
  url: DOCS.monitoring,
  validateResource: [
    validateResourceOfType(NativeVault, (vault, _args, report) => {
      // Required explicitly: the service default is not documented in a stable source.
      const state = vault.properties?.monitoringSettings?.azureMonitorAlertSettings?.alertsForAllJobFailures;
      if (state !== "Enabled") {
        report(`Vault job-failure alerts are ${state ?? "unset"}; set vault.jobFailureAlerts to true (properties.monitoringSettings.azureMonitorAlertSettings.alertsForAllJobFailures: Enabled).`);
      }
    }),
    validateResourceOfType(ClassicVault, (vault, _args, report) => {
      // azurerm defaults alertsForAllJobFailuresEnabled to true.
      if (vault.monitoring?.alertsForAllJobFailuresEnabled === false) report("Vault job-failure alerts are off; set monitoring.alertsForAllJobFailuresEnabled to true.");
    }),
  ],
};
