import type { StackValidationPolicy } from "@pulumi/policy";
import { configSchemaWithDefaults, readConfig } from "../shared/policyConfig";
import { DOCS } from "../shared/resourceTypes";
import { buildBackupGraph, declaredVault } from "./backupGraph";

const defaults = { standbyTag: "backup-standby" };

/** Each declared vault protects at least one VM, unless tagged as a standby vault (advisory). */
export const missingProtectedItems: StackValidationPolicy = {
  name: "recoveryservices-vault-missing-protected-items",
  description: "Each declared vault protects at least one VM, unless tagged as a standby vault (advisory).",
  enforcementLevel: "advisory",
  severity: "low",
  remediationSteps: "Protect VMs in the vault, remove the unused vault, or tag it with the standby tag and the reason it stays empty.",
  url: DOCS.policy,
  configSchema: configSchemaWithDefaults(defaults, {
    standbyTag: { type: "string", minLength: 1, description: "Tag whose non-empty value (the reason) marks a vault that is empty on purpose." },
  }),
  validateStack: (args, report) => {
    const { standbyTag } = readConfig(args, defaults);
    const graph = buildBackupGraph(args.resources);
    if (graph.vaults.length === 0) args.notApplicable("the stack declares no vault");
    const used = new Set(graph.items.map((i) => declaredVault(graph, i.vault)));
    for (const vault of graph.vaults) {
      if (used.has(vault)) continue;
      const reason = vault.tags[standbyTag];
      if (typeof reason === "string" && reason.trim().length > 0) continue;
      report(`Vault ${vault.name} protects no VM in this stack; protect VMs in it (ProtectedItem vaultName / classic ProtectedVM recoveryVaultName) or tag it ${standbyTag}: <reason>.`, vault.resource.urn);
    }
  },
};
