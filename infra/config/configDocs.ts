import { z } from "zod";
import { policySchema, selectorSchema, stackSchema, vaultSchema, vmDefaultsSchema, vmSchema } from "./configSchema";
import { PROJECT_NAME } from "./backupConfig";
import { vaultsEntrySchema } from "./vaultsSchema";

/**
 * Generates the configuration reference (docs/configuration.md) and the typed Pulumi.yaml
 * `config:` declarations from the schema, so docs cannot drift from what the code accepts.
 */

interface JsonSchema {
  type?: string | string[];
  description?: string;
  properties?: Record<string, JsonSchema>;
  additionalProperties?: JsonSchema | boolean;
  items?: JsonSchema;
  required?: string[];
  default?: unknown;
}

function toJson(schema: z.ZodType): JsonSchema {
  return z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema;
}

function typeOf(s: JsonSchema): string {
  if (s.type === "array") return `list of ${s.items ? typeOf(s.items) : "values"}`;
  if (s.type === "object") return s.properties ? "mapping" : "map";
  return Array.isArray(s.type) ? s.type.join(" | ") : (s.type ?? "any");
}

function rows(schema: JsonSchema, path: string, out: string[]): void {
  for (const [key, child] of Object.entries(schema.properties ?? {})) {
    const childPath = `${path}.${key}`;
    const required = schema.required?.includes(key) && child.default === undefined ? "yes" : "";
    out.push(`| \`${childPath}\` | ${typeOf(child)} | ${required} | ${cell(child.description ?? "")} |`);
    const nested = child.type === "array" ? child.items : child;
    if (nested?.properties) rows(nested, child.type === "array" ? `${childPath}[]` : childPath, out);
  }
}

function section(title: string, key: string, schema: JsonSchema, intro: string): string {
  const out = [`## \`${PROJECT_NAME}:${key}\`${title ? ` - ${title}` : ""}`, "", intro, "", "| key | type | required | description |", "| --- | --- | --- | --- |"];
  rows(schema, key, out);
  return out.join("\n");
}

const cell = (text: string) => text.replace(/\|/g, "\\|");

/** The project's scalar keys with their JSON type, description and default (from the schema itself). */
function simpleKeys(): Array<{ key: string; type: string; description: string; default: unknown }> {
  const stack = toJson(stackSchema);
  const shape = stackSchema.shape as Record<string, z.ZodType>;
  return Object.entries(stack.properties ?? {})
    .filter(([, s]) => s.type === "string" || s.type === "boolean" || s.type === "integer")
    .map(([key, s]) => ({ key: `${PROJECT_NAME}:${key}`, type: String(s.type), description: s.description ?? "", default: shape[key]!.safeParse(undefined).data }));
}

/** The whole reference page. */
export function renderConfigurationDocs(): string {
  const simple = simpleKeys();
  return [
    "# Configuration reference",
    "",
    "<!-- Generated from infra/config/configSchema.ts by `npm run docs`; test/docs/generatedDocs.test.ts fails when it drifts. -->",
    "",
    `Keys live in \`Pulumi.<stack>.yaml\` under \`config:\` as \`${PROJECT_NAME}:<key>\`. Enumerations match case-insensitively and are`,
    "written to Azure in the API's spelling. Rules that involve several keys (Hourly needs Enhanced, instant-restore",
    "limits, retention days must be backup days, tiering on ZRS vaults, ...) are listed in [validation-rules.md](validation-rules.md).",
    "",
    "## Simple keys",
    "",
    "| key | type | default | description |",
    "| --- | --- | --- | --- |",
    ...simple.map((k) => `| \`${k.key}\` | ${k.type} | \`${String(k.default)}\` | ${cell(k.description)} |`),
    "",
    section("the Recovery Services vault", "vault", toJson(vaultSchema), "Required unless `vaults` is given (never both). The stack creates the vault and its resource group."),
    "",
    section(
      "several vaults (regions)",
      "vaults.<key>",
      toJson(vaultsEntrySchema),
      "Instead of `vault`: a mapping of vault key (1-40 letters, digits, `-`, `_`) to the settings of `vault`, plus `primary`. Each vault needs its own name and resource group. " +
        "A VM goes to the vault in its region, or to the one its entry names with `vault: <key>`; see [Several regions](multi-region.md).",
    ),
    "",
    section("backup policies", "policies.<name>", toJson(policySchema), "A mapping of policy name (3-150 chars, starts with a letter) to policy. The name is the policy's name in Azure."),
    "",
    section("protected VMs", "vms[]", toJson(vmSchema), "A list of VMs to protect; each is keyed by its resource ID, never by its position."),
    "",
    section("VM-side estate defaults", "vmDefaults", toJson(vmDefaultsSchema), "Optional. Defaults for every `vms` entry and selector match."),
    "",
    section("tag discovery", "selectors[]", toJson(selectorSchema), "Optional. VMs carrying all the tags (optionally only in the listed resource groups) are protected with the selector's policy; explicit `vms` entries win; a VM matched by two selectors with different policies is an error."),
    "",
  ].join("\n");
}

/** Typed declarations for Pulumi.yaml `config:` (Pulumi's project schema types only string, integer, boolean, array). */
export function pulumiYamlConfigDeclarations(): Record<string, { type: string; description: string; default: unknown }> {
  return Object.fromEntries(simpleKeys().map((k) => [k.key, { type: k.type, description: k.description, default: k.default }]));
}
