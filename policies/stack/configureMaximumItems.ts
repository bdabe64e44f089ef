import type { StackValidationPolicy } from "@pulumi/policy";
import { MAX_VMS_PER_POLICY, MAX_VMS_PER_VAULT, RECOMMENDED_MAX_VMS_PER_POLICY } from "../../infra/azure/azureLimits";
import { configSchemaWithDefaults, readConfig } from "../shared/policyConfig";
import { DOCS } from "../shared/resourceTypes";
import { buildBackupGraph, type ItemNode } from "./backupGraph";

const defaults = { maximumItemsPerPolicy: RECOMMENDED_MAX_VMS_PER_POLICY };

function countBy(items: readonly ItemNode[], key: (i: ItemNode) => string | undefined): Map<string, ItemNode[]> {
  const out = new Map<string, ItemNode[]>();
  for (const item of items) {
    const k = key(item);
    if (k !== undefined) out.set(k, [...(out.get(k) ?? []), item]);
  }
  return out;
}

/** A vault protects at most 1000 VMs and a policy at most the configured number (default 100). */
export const configureMaximumItems: StackValidationPolicy = {
  name: "recoveryservices-vault-configure-maximum-items",
  description: `A vault protects at most ${MAX_VMS_PER_VAULT} VMs and a policy at most the configured number (default ${RECOMMENDED_MAX_VMS_PER_POLICY}).`,
  enforcementLevel: "mandatory",
  severity: "medium",
  remediationSteps: "Split the estate across vaults (one stack per region or subscription) or spread VMs over more policies.",
  url: DOCS.limits,
  configSchema: configSchemaWithDefaults(defaults, {
    maximumItemsPerPolicy: {
      type: "integer",
      minimum: 1,
      maximum: MAX_VMS_PER_POLICY,
      description: `VMs one policy may protect: the portal and PowerShell manage ${RECOMMENDED_MAX_VMS_PER_POLICY}, the API and CLI ${MAX_VMS_PER_POLICY}.`,
    },
  }),
  validateStack: (args, report) => {
    const { maximumItemsPerPolicy } = readConfig(args, defaults);
    const graph = buildBackupGraph(args.resources);
    if (graph.items.length === 0) args.notApplicable("the stack declares no protected VMs");
    for (const [, items] of countBy(graph.items, (i) => i.vault?.key)) {
      if (items.length > MAX_VMS_PER_VAULT) {
        report(`Vault ${items[0]!.vault!.name} protects ${items.length} VMs; a vault protects at most ${MAX_VMS_PER_VAULT}: split the estate across vaults.`);
      }
    }
    for (const [, items] of countBy(graph.items, (i) => i.policy?.resource.urn ?? i.policyId?.toLowerCase())) {
      if (items.length > maximumItemsPerPolicy) {
        const name = items[0]!.policy?.name ?? items[0]!.policyId;
        report(`Policy ${name} protects ${items.length} VMs; the limit is ${maximumItemsPerPolicy} per policy: spread the VMs over more policies.`, items[0]!.policy?.resource.urn);
      }
    }
  },
};
