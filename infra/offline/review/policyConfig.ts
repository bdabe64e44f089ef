import Ajv from "ajv";
import type { EnforcementLevel, Policies } from "@pulumi/policy";
import { ConfigError, joinPath, type ConfigIssue } from "../../config/configError";
import { FileInputError, readInputFile } from "../engine/fileInput";

/** Each policy's effective enforcement level and configuration, as the engine hands it to the pack. */
export type PolicyConfigMap = Readonly<Record<string, { readonly enforcementLevel: EnforcementLevel; readonly properties: Readonly<Record<string, unknown>> }>>;

export const ENFORCEMENT_LEVELS: readonly EnforcementLevel[] = ["advisory", "mandatory", "remediate", "disabled"];
const ALL = "all";

type Given = Record<string, { enforcementLevel?: EnforcementLevel; properties: Record<string, unknown> }>;

function parseGiven(raw: unknown, policyNames: readonly string[], issues: ConfigIssue[]): Given {
  const given: Given = {};
  if (raw === undefined || raw === null) return given;
  if (typeof raw !== "object" || Array.isArray(raw)) {
    issues.push({ path: "", message: `must be a JSON object mapping policy names (or "all") to an enforcement level or an object (got ${JSON.stringify(raw)})` });
    return given;
  }
  const levelIssue = (path: string, v: unknown) => issues.push({ path, message: `must be one of ${ENFORCEMENT_LEVELS.join(", ")} (got ${JSON.stringify(v)})` });
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    if (key !== ALL && !policyNames.includes(key)) {
      // Stricter than the CLI, which ignores unknown names: a typo would silently leave the default in force.
      issues.push({ path: key, message: `is not a policy of this pack; policies: ${ALL}, ${policyNames.join(", ")}` });
      continue;
    }
    if (typeof value === "string") {
      if (!ENFORCEMENT_LEVELS.includes(value as EnforcementLevel)) levelIssue(key, value);
      else given[key] = { enforcementLevel: value as EnforcementLevel, properties: {} };
      continue;
    }
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      issues.push({ path: key, message: `must be an enforcement level (${ENFORCEMENT_LEVELS.join(", ")}) or an object (got ${JSON.stringify(value)})` });
      continue;
    }
    const { enforcementLevel, ...properties } = value as Record<string, unknown>;
    if (enforcementLevel !== undefined && !ENFORCEMENT_LEVELS.includes(enforcementLevel as EnforcementLevel)) levelIssue(joinPath(key, "enforcementLevel"), enforcementLevel);
    if (key === ALL && Object.keys(properties).length > 0) issues.push({ path: ALL, message: "takes only enforcementLevel" });
    given[key] = { enforcementLevel: enforcementLevel as EnforcementLevel | undefined, properties };
  }
  return given;
}

/**
 * Reconciles a `--policy-pack-config` document with the pack as the Pulumi CLI does
 * (ReconcilePolicyPackConfig): schema defaults, then `all`'s enforcement level, then each policy's
 * level and properties; the result is validated against each policy's config schema.
 * @throws ConfigError listing every problem, by `<policy>.<key>` path.
 */
export function reconcilePolicyConfig(policies: Policies, raw?: unknown, source = "policy configuration"): PolicyConfigMap {
  const issues: ConfigIssue[] = [];
  const given = parseGiven(raw, policies.map((p) => p.name), issues);
  const ajv = new Ajv({ allErrors: true, strict: false });
  const result: Record<string, { enforcementLevel: EnforcementLevel; properties: Record<string, unknown> }> = {};
  for (const p of policies) {
    const defaults: Record<string, unknown> = {};
    for (const [key, schema] of Object.entries(p.configSchema?.properties ?? {})) {
      if (typeof schema === "object" && schema.default !== undefined) defaults[key] = schema.default;
    }
    const mine = given[p.name];
    const enforcementLevel = mine?.enforcementLevel ?? given[ALL]?.enforcementLevel ?? p.enforcementLevel ?? "advisory";
    const properties = { ...defaults, ...(mine?.properties ?? {}) };
    const allowed = Object.keys(p.configSchema?.properties ?? {});
    for (const key of Object.keys(mine?.properties ?? {})) {
      if (!allowed.includes(key)) {
        issues.push({ path: joinPath(p.name, key), message: allowed.length > 0 ? `is not a setting of this policy; settings: enforcementLevel, ${allowed.join(", ")}` : "this policy takes only enforcementLevel" });
      }
    }
    if (p.configSchema) {
      const validate = ajv.compile({ type: "object", properties: p.configSchema.properties, ...(p.configSchema.required && { required: p.configSchema.required }) });
      if (!validate(properties)) {
        for (const e of validate.errors ?? []) {
          const at = e.instancePath.split("/").filter(Boolean).map((s) => (/^\d+$/.test(s) ? Number(s) : s));
          const allowedValues = e.keyword === "enum" ? `: ${(e.params as { allowedValues: unknown[] }).allowedValues.join(", ")}` : "";
          issues.push({ path: joinPath(p.name, ...at), message: `${e.message ?? "is invalid"}${allowedValues} (got ${JSON.stringify(pathValue(properties, at))})` });
        }
      }
    }
    result[p.name] = { enforcementLevel, properties };
  }
  if (issues.length > 0) throw new ConfigError(issues, `Invalid ${source}`);
  return result;
}

function pathValue(root: unknown, at: ReadonlyArray<string | number>): unknown {
  let node = root as Record<string | number, unknown> | undefined;
  for (const key of at) node = node?.[key] as Record<string | number, unknown> | undefined;
  return node;
}

/**
 * Reads a `--policy-pack-config` JSON file (the format `pulumi preview --policy-pack-config` takes).
 * @throws FileInputError naming the file when it cannot be read or is not JSON; ConfigError with the reconcile errors.
 */
export function readPolicyConfigFile(file: string, policies: Policies): PolicyConfigMap {
  const text = readInputFile(file, "the policy configuration");
  if (text.trim() === "") return reconcilePolicyConfig(policies, undefined, `policy configuration ${file}`);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new FileInputError([{ path: file, message: `is not valid JSON: ${(err as Error).message}` }], "Cannot parse the policy configuration");
  }
  return reconcilePolicyConfig(policies, raw, `policy configuration ${file}`);
}
