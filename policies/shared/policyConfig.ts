import type { PolicyConfigSchema } from "@pulumi/policy";
import type { PolicyConfigJSONSchema } from "@pulumi/policy/schema";

type Defaults = Readonly<Record<string, string | number | boolean | readonly string[]>>;

/**
 * A policy's `configSchema` with every default taken from the object the code reads with
 * `readConfig`: the Pulumi CLI applies schema defaults, a policy evaluated directly gets none, so
 * one object feeds both and they cannot disagree.
 */
export function configSchemaWithDefaults<T extends Defaults>(
  defaults: T,
  properties: { readonly [K in keyof T]: Omit<PolicyConfigJSONSchema, "default"> & { readonly description: string } },
): PolicyConfigSchema {
  const out: PolicyConfigSchema["properties"] = {};
  for (const key of Object.keys(properties) as Array<keyof T & string>) {
    out[key] = { ...properties[key], default: defaults[key] as PolicyConfigJSONSchema["default"] };
  }
  return { properties: out };
}

/** The policy's configuration with the code defaults under whatever the engine sent. */
export function readConfig<T extends Defaults>(args: { getConfig<U extends object>(): U }, defaults: T): T {
  return { ...defaults, ...args.getConfig<Partial<T>>() };
}
