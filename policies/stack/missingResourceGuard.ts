import type { StackValidationPolicy } from "@pulumi/policy";
import { DOCS } from "../shared/resourceTypes";
import { buildBackupGraph } from "./backupGraph";

/** Each declared vault is guarded by a Resource Guard (multi-user authorization, advisory). */
export const missingResourceGuard: StackValidationPolicy = {
  name: "recoveryservices-vault-missing-resource-guard",
  description: "Each declared vault is guarded by a Resource Guard (multi-user authorization, advisory).",
  enforcementLevel: "advisory",
  severity: "medium",
  remediationSteps: "Associate the vault with a Resource Guard held by another team: a ResourceGuardProxy (azure-native) or VaultResourceGuardAssociation (classic).",
  url: DOCS.multiUserAuthorization,
  validateStack: (args, report) => {
    const graph = buildBackupGraph(args.resources);
    if (graph.vaults.length === 0) args.notApplicable("the stack declares no vault");
    for (const vault of graph.vaults) {
      if (graph.resourceGuards.some((g) => g.vault === vault && g.qualifies)) continue;
      report(
        `Vault ${vault.name} has no Resource Guard; declare a ResourceGuardProxy (vaultName, properties.resourceGuardResourceId) or, on the classic provider, a VaultResourceGuardAssociation (vaultId, resourceGuardId) so critical operations need a second person.`,
        vault.resource.urn,
      );
    }
  },
};
