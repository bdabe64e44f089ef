import type { StackValidationPolicy } from "@pulumi/policy";
import { DOCS } from "../shared/resourceTypes";
import { sameText } from "../shared/values";
import { buildBackupGraph } from "./backupGraph";

// The resource-specific Azure Backup log categories Azure Policy's built-in (c717fb0c) deploys.
export const BACKUP_LOG_CATEGORIES = [
  "CoreAzureBackup",
  "AddonAzureBackupJobs",
  "AddonAzureBackupAlerts",
  "AddonAzureBackupPolicy",
  "AddonAzureBackupStorage",
  "AddonAzureBackupProtectedInstance",
] as const;

/** Each declared vault sends the six Azure Backup log categories to Log Analytics in resource-specific tables (advisory). */
export const missingDiagnosticSettings: StackValidationPolicy = {
  name: "recoveryservices-vault-missing-diagnostic-settings",
  description: "Each declared vault sends the six Azure Backup log categories to Log Analytics in resource-specific tables (advisory).",
  enforcementLevel: "advisory",
  severity: "low",
  remediationSteps: "Declare a diagnostic setting on the vault with a Log Analytics workspace, the Azure Backup categories (or allLogs) and destination type Dedicated.",
  url: DOCS.diagnostics,
  validateStack: (args, report) => {
    const graph = buildBackupGraph(args.resources);
    if (graph.vaults.length === 0) args.notApplicable("the stack declares no vault");
    for (const vault of graph.vaults) {
      const settings = graph.diagnosticSettings.filter((d) => d.vault === vault);
      if (settings.length === 0) {
        report(`Vault ${vault.name} has no diagnostic setting; declare one (resourceUri / classic targetResourceId = the vault) sending the Azure Backup categories to Log Analytics, destination type Dedicated.`, vault.resource.urn);
        continue;
      }
      const good = settings.find((d) => d.toWorkspace && sameText(d.destinationType, "Dedicated") && missing(d.categories).length === 0);
      if (good) continue;
      const best = settings[0]!;
      const problems = [
        ...(best.toWorkspace ? [] : ["no Log Analytics workspace (workspaceId / logAnalyticsWorkspaceId)"]),
        ...(sameText(best.destinationType, "Dedicated") ? [] : [`logAnalyticsDestinationType ${best.destinationType ?? "unset"} (needs Dedicated)`]),
        ...(missing(best.categories).length === 0 ? [] : [`missing categories ${missing(best.categories).join(", ")}`]),
      ];
      report(`Vault ${vault.name}'s diagnostic setting ${best.resource.name} is incomplete: ${problems.join("; ")}.`, best.resource.urn);
    }
  },
};

function missing(categories: readonly string[]): string[] {
  if (categories.some((c) => sameText(c, "allLogs"))) return [];
  return BACKUP_LOG_CATEGORIES.filter((c) => !categories.some((x) => sameText(x, c)));
}
