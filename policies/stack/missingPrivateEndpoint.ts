import type { StackValidationPolicy } from "@pulumi/policy";
import { DOCS } from "../shared/resourceTypes";
import { buildBackupGraph } from "./backupGraph";

/** Each declared vault is reached through a private endpoint for the AzureBackup sub-resource (advisory). */
export const missingPrivateEndpoint: StackValidationPolicy = {
  name: "recoveryservices-vault-missing-private-endpoint",
  description: "Each declared vault is reached through a private endpoint for the AzureBackup sub-resource (advisory).",
  enforcementLevel: "advisory",
  severity: "low",
  remediationSteps: "Declare a private endpoint whose connection targets the vault with group ID AzureBackup (needed for SQL/HANA, MARS and file recovery).",
  url: DOCS.privateEndpoints,
  validateStack: (args, report) => {
    const graph = buildBackupGraph(args.resources);
    if (graph.vaults.length === 0) args.notApplicable("the stack declares no vault");
    for (const vault of graph.vaults) {
      if (graph.privateEndpoints.some((e) => e.vault === vault && e.qualifies)) continue;
      const nearMiss = graph.privateEndpoints.find((e) => e.vault === vault);
      report(
        nearMiss
          ? `Vault ${vault.name} has a private endpoint, but not for the AzureBackup sub-resource; add AzureBackup to its groupIds (subresourceNames on the classic provider).`
          : `Vault ${vault.name} has no private endpoint for backup; declare one targeting the vault with group ID AzureBackup (privateLinkServiceConnections[].groupIds, classic privateServiceConnection.subresourceNames).`,
        vault.resource.urn,
      );
    }
  },
};
