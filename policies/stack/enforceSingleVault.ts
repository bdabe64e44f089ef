import type { StackValidationPolicy } from "@pulumi/policy";
import { parseVmId } from "../../infra/model/resourceId";
import { vmLogicalName } from "../../infra/model/names";
import { DOCS } from "../shared/resourceTypes";
import { buildBackupGraph, type ItemNode } from "./backupGraph";

/** The VM an item protects, as one key whatever the ID's casing: the declared VM, else the ID's group and name. */
function vmKey(item: ItemNode): string | undefined {
  if (item.vm) return `urn:${item.vm.resource.urn}`;
  const ref = item.vmId ? parseVmId(item.vmId) : undefined;
  return ref ? `${ref.subscriptionId}/${vmLogicalName(ref)}` : undefined;
}

/** No VM is the source of two protected items (in one vault or across vaults). */
export const enforceSingleVault: StackValidationPolicy = {
  name: "compute-virtualmachine-enforce-single-vault",
  description: "No VM is the source of two protected items (in one vault or across vaults).",
  enforcementLevel: "mandatory",
  severity: "high",
  remediationSteps: "Protect each VM once: remove the second protected item (Azure rejects a VM already protected by another vault).",
  url: DOCS.limits,
  validateStack: (args, report) => {
    const graph = buildBackupGraph(args.resources);
    if (graph.items.length === 0) args.notApplicable("the stack declares no protected VMs");
    const first = new Map<string, ItemNode>();
    for (const item of graph.items) {
      const key = vmKey(item);
      if (key === undefined) continue;
      const earlier = first.get(key);
      if (!earlier) {
        first.set(key, item);
        continue;
      }
      const vm = item.vm?.name ?? item.vmId;
      report(`VM ${vm} is already protected by ${earlier.resource.name} (vault ${earlier.vault?.name ?? "unknown"}); a VM can be protected by one item in one vault only.`, item.resource.urn);
    }
  },
};
