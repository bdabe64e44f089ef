import { getDisk, getVirtualMachine } from "@pulumi/azure-native/compute";
import { vmLogicalName } from "../model/names";
import type { VmRef } from "../model/resourceId";
import { toVmFacts, type DiskLookupResult, type VirtualMachineLookupResult, type VmLookup } from "../model/vmFacts";
import { mapConcurrently } from "./concurrency";
import { firstLine } from "./lookupErrors";

/**
 * VMs looked up at once (each with its data disks). Not an Azure limit: one `Promise.all` over every VM
 * of a 1,000-VM estate (4,000 invokes) kept thousands of invokes pending and took about twice the time of
 * 8-32 at once on the offline engine (garbage collection over the pending promises and answers), and
 * Azure Resource Manager throttles bursts of reads from one client anyway.
 */
export const VM_LOOKUP_CONCURRENCY = 16;

/** The resource group and name of a managed disk ID, for `compute.getDisk`. */
function diskRef(id: string): { resourceGroupName: string; diskName: string } | undefined {
  const m = /\/resourceGroups\/([^/]+)\/providers\/Microsoft\.Compute\/disks\/([^/]+)$/i.exec(id);
  return m ? { resourceGroupName: m[1]!, diskName: m[2]! } : undefined;
}

/**
 * Looks a VM up with its instance view (power state) and its managed data disks (shared or not:
 * only the disk resource knows `maxShares`). A failed look-up is an answer, not an exception, so
 * every VM is looked up and the rules report all of them at once.
 */
export async function lookUpVm(ref: VmRef): Promise<VmLookup> {
  let vm: VirtualMachineLookupResult;
  try {
    vm = (await getVirtualMachine({ resourceGroupName: ref.resourceGroupName, vmName: ref.name, expand: "instanceView" })) as VirtualMachineLookupResult;
  } catch (err) {
    return { found: false, reason: firstLine(err) };
  }
  // Azure answers a missing VM with an error; an empty answer comes from the offline inventory.
  if (!vm?.id) return { found: false, reason: "not found: the offline inventory has no VM with this ID" };
  const disks = new Map<string, DiskLookupResult>();
  await Promise.all(
    (vm.storageProfile?.dataDisks ?? []).map(async (d) => {
      const id = d.managedDisk?.id;
      const at = id ? diskRef(id) : undefined;
      if (!id || !at) return;
      try {
        disks.set(id.toLowerCase(), (await getDisk(at)) as DiskLookupResult);
      } catch {
        // Without the disk resource, sharing is unknown; the VM's own view still gives LUN and SKU.
      }
    }),
  );
  const facts = toVmFacts(vm, disks);
  return facts ? { found: true, facts } : { found: false, reason: "the answer is not a VM with an OS disk" };
}

/** Looks up every VM, VM_LOOKUP_CONCURRENCY at a time; keyed by vmLogicalName, in the order given. */
export async function lookUpVms(refs: readonly VmRef[]): Promise<Map<string, VmLookup>> {
  const results = await mapConcurrently(refs, VM_LOOKUP_CONCURRENCY, async (ref) => [vmLogicalName(ref), await lookUpVm(ref)] as const);
  return new Map(results);
}
