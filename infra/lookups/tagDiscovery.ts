import { getResources } from "@pulumi/azure/core";
import type { SelectorConfig } from "../config/configSchema";
import type { SelectorAnswer } from "../model/selectors";
import { firstLine } from "./lookupErrors";

export const VM_RESOURCE_TYPE = "Microsoft.Compute/virtualMachines";

/**
 * Finds the VMs each selector's tags match, through `@pulumi/azure` `core.getResources` (one call
 * per selector, or per listed resource group). New VMs carrying the tags are picked up on the
 * next `pulumi up`. A failed call is an answer of its own ("no answer"), never an empty match:
 * the stack must not mistake a failed query for "no VM carries these tags" and drop VMs.
 */
export async function discoverSelectorVms(selectors: readonly SelectorConfig[]): Promise<SelectorAnswer[]> {
  return Promise.all(
    selectors.map(async (selector): Promise<SelectorAnswer> => {
      const groups = selector.resourceGroups ?? [undefined];
      try {
        const answers = await Promise.all(
          groups.map((resourceGroupName) =>
            getResources({ type: VM_RESOURCE_TYPE, requiredTags: { ...selector.tags }, ...(resourceGroupName && { resourceGroupName }) }),
          ),
        );
        return { answered: true, vms: answers.flatMap((a) => (a.resources ?? []).map((r) => ({ id: r.id, tags: r.tags, location: r.location }))) };
      } catch (err) {
        return { answered: false, reason: firstLine(err) };
      }
    }),
  );
}
