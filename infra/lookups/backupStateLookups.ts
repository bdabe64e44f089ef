import { getResources } from "@pulumi/azure/core";
import { getProtectedItem, getProtectionPolicy } from "@pulumi/azure-native/recoveryservices";
import { toExistingItem, toExistingPolicy, type ArmBody, type BackupState, type ExistingItem, type ExistingPolicy } from "../model/backupState";
import { BACKUP_FABRIC_NAME, protectedItemName, protectionContainerName, vmLogicalName } from "../model/names";
import type { VmRef } from "../model/resourceId";
import { sameRegion } from "../model/vmFacts";
import { mapConcurrently } from "./concurrency";
import { firstLine, isNotFound } from "./lookupErrors";
import { VM_LOOKUP_CONCURRENCY } from "./vmLookups";

const VAULT_RESOURCE_TYPE = "Microsoft.RecoveryServices/vaults";

export interface VaultRef {
  readonly name: string;
  readonly resourceGroupName: string;
  readonly location: string;
}

/** Raised inside the look-up when a read failed for another reason than "not found". */
class Unreadable extends Error {}

async function readOrNone<T>(what: string, read: () => Promise<T>): Promise<T | undefined> {
  try {
    return await read();
  } catch (err) {
    if (isNotFound(err)) return undefined;
    throw new Unreadable(`${what}: ${firstLine(err)}`);
  }
}

const itemIn = (vault: Pick<VaultRef, "name" | "resourceGroupName">, vm: VmRef) => () =>
  getProtectedItem({
    vaultName: vault.name,
    resourceGroupName: vault.resourceGroupName,
    fabricName: BACKUP_FABRIC_NAME,
    containerName: protectionContainerName(vm),
    protectedItemName: protectedItemName(vm),
  }) as unknown as Promise<ArmBody>;

/**
 * Reads what Azure Backup already holds for the stack before anything is declared: the stack's VMs'
 * items in its vault, the vault's policies (declared ones and those the items are on), and, for VMs the
 * vault does not hold, their items in the other vaults of the region (a VM can be in one vault only).
 * `getProtectedItem` and `getProtectionPolicy` (azure-native; the backup-status API is not in
 * azure-native 3.28), VM_LOOKUP_CONCURRENCY at a time like the VM look-ups. "Not found" is an answer
 * (nothing there); any other failure on the stack's own vault leaves the state unknown, which the
 * rules turn into an error. Other vaults are listed with `core.getResources` (the classic provider, as
 * for tag selectors); when that fails the plan goes on with a note.
 */
export async function lookUpBackupState(vault: VaultRef, vms: readonly VmRef[], policyNames: readonly string[]): Promise<BackupState> {
  try {
    const policies = new Map<string, ExistingPolicy>();
    const readPolicies = async (names: readonly string[]) => {
      const bodies = await mapConcurrently(names, VM_LOOKUP_CONCURRENCY, (policyName) =>
        readOrNone(`backup policy ${policyName} in vault ${vault.name}`, () =>
          getProtectionPolicy({ vaultName: vault.name, resourceGroupName: vault.resourceGroupName, policyName }) as unknown as Promise<ArmBody>,
        ),
      );
      for (const body of bodies) {
        const policy = body && toExistingPolicy(body);
        if (policy) policies.set(policy.name.toLowerCase(), policy);
      }
    };
    const [, own] = await Promise.all([
      readPolicies(policyNames),
      mapConcurrently(vms, VM_LOOKUP_CONCURRENCY, (vm) => readOrNone(`protected item of VM ${vm.name} in vault ${vault.name}`, itemIn(vault, vm))),
    ]);
    const items = new Map<string, ExistingItem>();
    vms.forEach((vm, i) => {
      const item = own[i] && toExistingItem(own[i]!);
      if (item) items.set(vmLogicalName(vm), item);
    });
    // The items' current policies, where they are not declared under the same name (a renamed key).
    const missing = [...new Set([...items.values()].flatMap((i) => (i.policyName && !policies.has(i.policyName.toLowerCase()) ? [i.policyName] : [])))];
    await readPolicies(missing);
    const notes = await lookUpOtherVaults(vault, vms.filter((vm) => !items.has(vmLogicalName(vm))), items);
    return { known: true, source: `look-up of vault ${vault.name}`, items, policies, notes };
  } catch (err) {
    if (err instanceof Unreadable) return { known: false, reason: err.message };
    throw err;
  }
}

/** Finds the items of `vms` in the region's other vaults; returns notes on what could not be read. */
async function lookUpOtherVaults(vault: VaultRef, vms: readonly VmRef[], items: Map<string, ExistingItem>): Promise<string[]> {
  if (vms.length === 0) return [];
  let others: Array<{ name: string; resourceGroupName: string }>;
  try {
    const listed = await getResources({ type: VAULT_RESOURCE_TYPE });
    others = (listed.resources ?? [])
      .filter((r) => !(r.name.toLowerCase() === vault.name.toLowerCase() && r.resourceGroupName.toLowerCase() === vault.resourceGroupName.toLowerCase()))
      .filter((r) => !r.location || sameRegion(r.location, vault.location))
      .map((r) => ({ name: r.name, resourceGroupName: r.resourceGroupName }));
  } catch (err) {
    return [`other vaults could not be listed (${firstLine(err)}): a VM another vault protects is not detected before deployment`];
  }
  const notes: string[] = [];
  const pairs = others.flatMap((other) => vms.map((vm) => ({ other, vm })));
  const found = await mapConcurrently(pairs, VM_LOOKUP_CONCURRENCY, async ({ other, vm }) => {
    try {
      return await readOrNone(`protected item of VM ${vm.name} in vault ${other.name}`, itemIn(other, vm));
    } catch (err) {
      notes.push((err as Error).message);
      return undefined;
    }
  });
  pairs.forEach(({ vm }, i) => {
    const item = found[i] && toExistingItem(found[i]!);
    if (item && !items.has(vmLogicalName(vm))) items.set(vmLogicalName(vm), item);
  });
  return notes;
}
