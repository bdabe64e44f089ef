import { getResources } from "@pulumi/azure/core";
import type { SelectorConfig } from "../config/configSchema";
import type { DiscoveredVm } from "../model/selectors";

export const VM_RESOURCE_TYPE = "Microsoft.Compute/virtualMachines";

/**
 * Finds the VMs each selector's tags match, through `@pulumi/azure` `core.getResources` (one call
 * per selector, or per listed resource group). New VMs carrying the tags are picked up on the
 * next `pulumi up`.
 */
export async function discoverSelectorVms(selectors: readonly SelectorConfig[]): Promise<DiscoveredVm[][]> {
  return Promise.all(
    selectors.map(async (selector) => {
      const groups = selector.resourceGroups ?? [undefined];
      const answers = await Promise.all(
        groups.map((resourceGroupName) =>
          getResources({ type: VM_RESOURCE_TYPE, requiredTags: { ...selector.tags }, ...(resourceGroupName && { resourceGroupName }) }),
        ),
      );
      return answers.flatMap((a) => (a.resources ?? []).map((r) => ({ id: r.id, tags: r.tags })));
    }),
  );
}
