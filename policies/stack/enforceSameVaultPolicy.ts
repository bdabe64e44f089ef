import type { StackValidationPolicy } from "@pulumi/policy";
import { DOCS } from "../shared/resourceTypes";
import { buildBackupGraph, vaultOfPolicyId } from "./backupGraph";

/** Protected items reference a backup policy of their own vault. */
export const enforceSameVaultPolicy: StackValidationPolicy = {
  name: "recoveryservices-protecteditem-enforce-same-vault-policy",
  description: "Protected items reference a backup policy of their own vault.",
  enforcementLevel: "mandatory",
  severity: "high",
  remediationSteps: "Bind the item to a policy declared in the vault that holds the item.",
  url: DOCS.policy,
  validateStack: (args, report) => {
    const graph = buildBackupGraph(args.resources);
    if (graph.items.length === 0) args.notApplicable("the stack declares no protected VMs");
    for (const item of graph.items) {
      const itemVault = item.vault;
      // The policy's vault: from its ID when known, else from the policy resource the item depends on.
      const policyVault = vaultOfPolicyId(item.policyId) ?? item.policy?.vault;
      if (!itemVault || !policyVault) continue;
      const sameVault = itemVault.key.includes("/") && policyVault.key.includes("/") ? itemVault.key === policyVault.key : itemVault.name.toLowerCase() === policyVault.name.toLowerCase();
      if (!sameVault) {
        report(`Protected item in vault ${itemVault.name} references a policy of vault ${policyVault.name}; use a policy of ${itemVault.name}.`, item.resource.urn);
      }
    }
  },
};
