import type { StackValidationPolicy } from "@pulumi/policy";
import { parseVmId } from "../../infra/model/resourceId";
import { sameRegion } from "../../infra/model/vmFacts";
import { DOCS } from "../shared/resourceTypes";
import { armIdParts, buildBackupGraph, declaredVault } from "./backupGraph";

/** The nil GUID names no subscription: offline plans and examples use it where the real one is not known. */
const NIL_SUBSCRIPTION = "00000000-0000-0000-0000-000000000000";
const known = (sub: string | undefined) => (sub && sub !== NIL_SUBSCRIPTION ? sub : undefined);

/** A protected VM is in its vault's region and subscription (checked when both are known at preview). */
export const enforceSameRegion: StackValidationPolicy = {
  name: "recoveryservices-protecteditem-enforce-same-region",
  description: "A protected VM is in its vault's region and subscription (checked when both are known at preview).",
  enforcementLevel: "mandatory",
  severity: "high",
  remediationSteps: "Protect the VM in a vault of its own region and subscription (one vault per region).",
  url: DOCS.limits,
  validateStack: (args, report) => {
    const graph = buildBackupGraph(args.resources);
    let compared = 0;
    for (const item of graph.items) {
      const vault = declaredVault(graph, item.vault);
      if (!vault) continue;
      const vmLocation = item.vm?.location;
      if (vmLocation && vault.location) {
        compared++;
        if (!sameRegion(vmLocation, vault.location)) {
          report(`VM ${item.vm!.name} is in ${vmLocation} but its vault ${vault.name} is in ${vault.location}; a VM is backed up by a vault of its own region.`, item.resource.urn);
        }
      }
      const vmSub = known(parseVmId(item.vmId ?? "")?.subscriptionId ?? item.vm?.subscriptionId);
      const vaultSub = known(vault.subscriptionId ?? armIdParts(item.policyId).subscriptions);
      if (vmSub && vaultSub) {
        compared++;
        if (vmSub.toLowerCase() !== vaultSub.toLowerCase()) {
          report(`VM ${item.vm?.name ?? item.vmId} is in subscription ${vmSub} but its vault ${vault.name} is in ${vaultSub}; a VM is backed up by a vault of its own subscription.`, item.resource.urn);
        }
      }
    }
    // Locations and IDs of resources still to be created are unknown at preview: nothing to compare is a skip, not a pass.
    if (compared === 0) args.notApplicable("no protected VM whose region or subscription and its vault's are both known at preview");
  },
};
