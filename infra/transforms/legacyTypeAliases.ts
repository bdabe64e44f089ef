import * as pulumi from "@pulumi/pulumi";

/**
 * Versioned azure-native type tokens (`azure-native:recoveryservices/v20230401:ProtectedItem`): the SDK
 * adds one alias per old API version to every resource so that stacks created with those tokens keep
 * their state. This project has only ever used the unversioned tokens, so no stack of it holds such a URN.
 */
const LEGACY_TYPE_TOKEN = /^azure-native:[^:/]+\/v\d{8}(preview|privatepreview|beta)?:[A-Za-z0-9]+$/;

type AliasEntry = NonNullable<pulumi.ResourceOptions["aliases"]>[number];

/** True for an alias that only names an old API-version type token and nothing else. */
export function isLegacyTypeAlias(alias: AliasEntry): boolean {
  if (typeof alias !== "object" || alias === null || pulumi.Output.isInstance(alias)) return false;
  const keys = Object.keys(alias).filter((k) => (alias as Record<string, unknown>)[k] !== undefined);
  const type = (alias as { type?: unknown }).type;
  return keys.length === 1 && keys[0] === "type" && typeof type === "string" && LEGACY_TYPE_TOKEN.test(type);
}

/**
 * Drops the SDK's API-version type aliases from azure-native resources before the Resource
 * constructor expands them. Each costs Outputs and promises in the Node SDK (~13 ms and ~2 MB per
 * resource with 20-46 of them under mocks), which is what limits how many VMs one stack can hold.
 *
 * Safe for this project's stacks: an alias only matters when the state holds a URN with that exact old
 * type token, and this project never registered one. Aliases a component sets on purpose (moves,
 * renames, anything with a name or parent) are kept, and nothing in the registered type, name, inputs,
 * provider or version changes, so Azure receives exactly the same requests.
 */
export const dropLegacyTypeAliases: pulumi.ResourceTransformation = (args) => {
  const aliases = args.opts.aliases;
  if (!args.type.startsWith("azure-native:") || !aliases || aliases.length === 0) return undefined;
  const kept = aliases.filter((alias) => !isLegacyTypeAlias(alias));
  if (kept.length === aliases.length) return undefined;
  return { props: args.props, opts: { ...args.opts, aliases: kept } };
};

/**
 * Registers `dropLegacyTypeAliases` for every resource the program declares after this call (the
 * renderers and any VM-side resource added later): one place, no per-resource special case.
 * Must run inside the Pulumi stack, before the first resource.
 */
export function installLegacyAliasFilter(): void {
  pulumi.runtime.registerStackTransformation(dropLegacyTypeAliases);
}
