import { classicReader } from "../../providers/classic";
import { nativeReader } from "../../providers/native";
import type { ExtensionRead, ItemRead, Obj, PolicyRead, ProviderReader, ResourceGroupRead, RunCommandRead, VaultRead } from "../../providers/readBack";
import type { RecordedResource } from "../engine/recordedResource";

/**
 * What Azure will be asked for, read back from the recorded resources of either renderer through its
 * provider adapter, in the configuration's own vocabulary. If both renderers give the same canonical
 * estate for a configuration, Azure gets the same backup set-up whichever provider a stack uses.
 * Everything that presents an estate (plan summary, equivalence tests) builds on this.
 */
export interface CanonicalEstate {
  readonly provider: "native" | "classic" | "mixed" | "none";
  readonly resourceGroups: ReadonlyArray<ResourceGroupRead & Protection>;
  readonly vaults: readonly CanonicalVault[];
  readonly policies: readonly CanonicalPolicy[];
  readonly items: readonly CanonicalItem[];
  readonly extensions: readonly ExtensionRead[];
  readonly runCommands: readonly RunCommandRead[];
}

interface Protection {
  readonly protect: boolean;
}

export type CanonicalVault = VaultRead & Protection;

export interface CanonicalPolicy {
  readonly id?: string;
  readonly name: string;
  readonly vaultName: string;
  readonly resourceGroupName: string;
  /** Raw `policies.<name>` configuration, as read back from the inputs. */
  readonly config: Obj;
}

export interface CanonicalItem extends Omit<ItemRead, "policyId">, Protection {
  readonly urn: string;
  readonly vmResourceGroup: string;
  readonly vmName: string;
  /** The policy's name, resolved from the policy ID the item references. */
  readonly policyName?: string;
  readonly retainOnDelete: boolean;
}

const READERS: readonly ProviderReader[] = [nativeReader, classicReader];

const byKey = <T>(key: (t: T) => string) => (a: T, b: T) => key(a).localeCompare(key(b));
/** Azure compares IDs case-insensitively. */
const idKey = (id: string) => id.toLowerCase();
const subscriptionOf = (id: string | undefined) => (id ?? "").split("/")[2] ?? "";

function policyOf(r: RecordedResource, read: PolicyRead): CanonicalPolicy {
  return { ...(r.id !== undefined && { id: r.id }), name: read.name, vaultName: read.vaultName, resourceGroupName: read.resourceGroupName, config: read.policy.raw };
}

function itemOf(r: RecordedResource, read: ItemRead, policyName: (id: unknown) => string | undefined): CanonicalItem {
  const { policyId, ...rest } = read;
  const parts = read.vmId.split("/");
  const name = policyName(policyId);
  return {
    urn: r.urn,
    ...rest,
    vmResourceGroup: parts[4] ?? "",
    vmName: parts[8] ?? read.vmId,
    ...(name !== undefined && { policyName: name }),
    protect: r.protect,
    retainOnDelete: r.retainOnDelete,
  };
}

/** Reads the canonical estate from a recorded run of either renderer (or a mix, which tests reject). */
export function toCanonicalEstate(resources: readonly RecordedResource[]): CanonicalEstate {
  const used = READERS.filter((reader) => resources.some((r) => Object.values(reader.types).includes(r.type)));
  const provider = used.length === 0 ? "none" : used.length > 1 ? "mixed" : used[0]!.provider;
  const each = <T>(pick: (types: ProviderReader["types"]) => string, read: (reader: ProviderReader, r: RecordedResource) => T): T[] =>
    READERS.flatMap((reader) => resources.filter((r) => r.type === pick(reader.types)).map((r) => read(reader, r)));

  const vaultSub = subscriptionOf(resources.find((r) => READERS.some((reader) => reader.types.vault === r.type))?.id);
  const sub = (r: RecordedResource) => subscriptionOf(r.id) || vaultSub;
  const resourceGroups = each((t) => t.resourceGroup, (reader, r) => ({ ...reader.readResourceGroup(r.inputs), protect: r.protect })).sort(byKey((g) => g.name));
  const vaults = each((t) => t.vault, (reader, r) => ({ ...reader.readVault(r.inputs), protect: r.protect })).sort(byKey((v) => String(v.config.name)));
  const policies = each((t) => t.policy, (reader, r) => policyOf(r, reader.readPolicy(r.inputs))).sort(byKey((p) => p.name));
  const policyById = new Map(policies.filter((p) => p.id).map((p) => [idKey(p.id!), p.name]));
  const policyName = (id: unknown) => (typeof id === "string" ? policyById.get(idKey(id)) : undefined);
  const items = each((t) => t.item, (reader, r) => itemOf(r, reader.readItem(r.inputs), policyName)).sort(byKey((i) => idKey(i.vmId)));
  const extensions = each((t) => t.extension, (reader, r) => reader.readExtension(r.inputs, sub(r))).sort(byKey((e) => `${idKey(e.vmId)}/${e.name}`));
  const runCommands = each((t) => t.runCommand, (reader, r) => reader.readRunCommand(r.inputs, sub(r))).sort(byKey((c) => `${idKey(c.vmId)}/${c.name}`));
  return { provider, resourceGroups, vaults, policies, items, extensions, runCommands };
}

/**
 * The canonical estate without what differs by provider only in form: the provider itself, ARM IDs of
 * policies (same path, different casing rules per provider) and URNs (types differ by provider).
 */
export function providerNeutral(estate: CanonicalEstate) {
  return {
    resourceGroups: estate.resourceGroups,
    vaults: estate.vaults,
    policies: estate.policies.map(({ id: _id, ...p }) => p),
    items: estate.items.map(({ urn: _urn, ...i }) => i),
    extensions: estate.extensions,
    runCommands: estate.runCommands,
  };
}
