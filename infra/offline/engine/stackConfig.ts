import * as fs from "node:fs";
import * as path from "node:path";
import { parseDocument } from "yaml";
import { PROJECT_NAME, type RawStackConfig } from "../../config/backupConfig";
import { FileInputError, readInputFile } from "./fileInput";
import { ConfigError, joinPath, type ConfigIssue } from "../../config/configError";
import { quote } from "../../config/quote";
import { forbiddenKeyIssues } from "../../config/forbiddenKeys";

import { SECRET_VALUE_PLACEHOLDER } from "../../config/secretValue";
/** Aliases one YAML document may expand: far above any real stack file, far below an alias bomb. */
const MAX_ALIAS_COUNT = 1000;
/** Nesting a stack file may have: the deepest real setting is about 6 levels down. */
const MAX_DEPTH = 64;

/** A value that refers to itself (`a: &x {b: *x}`) or nests past MAX_DEPTH, by path; undefined when sound. */
function unsoundShape(value: unknown, path: string, ancestors: Set<unknown>): string | undefined {
  if (value === null || typeof value !== "object") return undefined;
  if (ancestors.has(value)) return `${path || "the document"} refers to itself (an alias inside its own anchor)`;
  if (ancestors.size >= MAX_DEPTH) return `${path} nests more than ${MAX_DEPTH} levels deep`;
  ancestors.add(value);
  const entries: Array<[string | number, unknown]> = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
  for (const [k, v] of entries) {
    const found = unsoundShape(v, joinPath(path, k), ancestors);
    if (found) return found;
  }
  ancestors.delete(value);
  return undefined;
}

const isSecure = (v: unknown): v is { secure: unknown } =>
  v !== null && typeof v === "object" && !Array.isArray(v) && Object.keys(v).length === 1 && "secure" in v;

/**
 * Replaces every `secure:` value, at any depth (`pulumi config set --secret --path`), with the opaque
 * placeholder, collecting the paths of those below the top level.
 */
function maskSecureValues(value: unknown, path: string, nested: string[]): unknown {
  if (isSecure(value)) {
    nested.push(path);
    return SECRET_VALUE_PLACEHOLDER;
  }
  if (Array.isArray(value)) return value.map((v, i) => maskSecureValues(v, joinPath(path, i), nested));
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskSecureValues(v, joinPath(path, k), nested)]));
  }
  return value;
}

/** The project root: where Pulumi.yaml lives. */
export const PROJECT_ROOT = path.resolve(__dirname, "..", "..", "..");

export interface StackConfigFile {
  readonly config: RawStackConfig;
  /** Keys Pulumi would hand to the program as secrets (`secure:` values). */
  readonly secretKeys: readonly string[];
  /** Paths of `secure:` values nested inside a key's object (`azure-vm-backup:vms[0].scripts.preScriptParams`). */
  readonly nestedSecretPaths: readonly string[];
}

/**
 * Reads a stack file (`Pulumi.<stack>.yaml`) the way the Pulumi CLI hands it to a program: keys
 * namespaced by project, scalars as strings, objects and lists JSON-encoded, project defaults from
 * Pulumi.yaml filled in.
 * @throws FileInputError naming the file when it cannot be read or parsed; ConfigError for keys no configuration may hold.
 */
export function readStackConfigFile(file: string, projectFile = path.join(PROJECT_ROOT, "Pulumi.yaml")): StackConfigFile {
  return readStackConfigText(readText(file), file, projectFile);
}

/** The same reading of a stack file's text; `source` names it in errors. */
export function readStackConfigText(text: string, source: string, projectFile = path.join(PROJECT_ROOT, "Pulumi.yaml")): StackConfigFile {
  const stackValues = yamlSection(text, source, "config", true);
  const config: Record<string, string> = {};
  const secretKeys: string[] = [];
  const nestedSecretPaths: string[] = [];
  for (const [key, value] of Object.entries(projectDefaults(projectFile))) config[key] = value;
  for (const [rawKey, value] of Object.entries(stackValues)) {
    const key = rawKey.includes(":") ? rawKey : `${PROJECT_NAME}:${rawKey}`;
    if (isSecure(value)) {
      // Offline there is no key to decrypt with; the value is a placeholder that stays secret.
      secretKeys.push(key);
      config[key] = SECRET_VALUE_PLACEHOLDER;
      continue;
    }
    const nested: string[] = [];
    const masked = maskSecureValues(value, key, nested);
    // Pulumi hands a key holding any secret to the program as a secret as a whole.
    if (nested.length > 0) secretKeys.push(key);
    nestedSecretPaths.push(...nested);
    config[key] = typeof masked === "string" ? masked : JSON.stringify(masked);
  }
  return { config, secretKeys, nestedSecretPaths };
}

const readText = (file: string): string => readInputFile(file, "the stack configuration");
/** The file's YAML could not be read as a document: a file-input error, not a setting Azure would reject. */
const unreadable = (issues: ConfigIssue[]) => new FileInputError(issues, "Cannot parse the stack configuration");

function yamlSection(text: string, file: string, section: string, required = false): Record<string, unknown> {
  // YAML merge keys (`<<: *std`) are how users share one block between several policies.
  let doc: ReturnType<typeof parseDocument>;
  try {
    // Keys are names: a list or mapping as a key is an error, not a key stringified with a warning.
    doc = parseDocument(text, { merge: true, uniqueKeys: true, stringKeys: true, prettyErrors: false });
  } catch (err) {
    // The parser recurses: thousands of nested brackets exhaust its stack.
    throw unreadable([{ path: file, message: `cannot be parsed: ${(err as Error).message.split("\n")[0]!.slice(0, 200)}` }]);
  }
  if (doc.errors.length > 0) {
    throw unreadable(doc.errors.slice(0, 20).map((e) => ({ path: `${file}:${e.linePos?.[0]?.line ?? "?"}`, message: e.message.split("\n")[0]! })));
  }
  let root: Record<string, unknown> | null;
  try {
    root = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as Record<string, unknown> | null;
  } catch (err) {
    // An alias bomb (or an alias cycle) expands past any sensible size: refuse it as Pulumi's reader would fail on it.
    throw unreadable([{ path: file, message: `cannot be read: ${(err as Error).message.split("\n")[0]!.slice(0, 200)}` }]);
  }
  const unsound = unsoundShape(root, "", new Set());
  if (unsound) throw unreadable([{ path: file, message: unsound }]);
  const forbidden = forbiddenKeyIssues(root);
  if (forbidden.length > 0) throw new ConfigError(forbidden.map((i) => ({ path: `${file}: ${i.path}`, message: i.message })), "Cannot parse configuration");
  if (root !== null && (typeof root !== "object" || Array.isArray(root))) {
    throw unreadable([{ path: file, message: `must be a YAML mapping with a ${section} key (got ${quote(root)})` }]);
  }
  const values = root?.[section];
  if ((values === undefined || values === null) && required && !(root && section in root)) {
    // Without this, a file with its keys at the top level would plan as "vault is required".
    const topLevel = root && typeof root === "object" && Object.keys(root).some((k) => k.startsWith(`${PROJECT_NAME}:`));
    const hint = topLevel ? `; its ${PROJECT_NAME}:* keys sit at the top level: indent them under \`${section}:\`` : `: a stack file holds \`${section}:\` with ${PROJECT_NAME}:* keys`;
    throw unreadable([{ path: file, message: `has no \`${section}:\` section${hint}` }]);
  }
  if (values === undefined || values === null) return {};
  if (typeof values !== "object" || Array.isArray(values)) {
    throw unreadable([{ path: `${file}: ${section}`, message: "must be a mapping of configuration keys to values" }]);
  }
  return values as Record<string, unknown>;
}

const defaultsByProjectFile = new Map<string, { mtimeMs: number; defaults: Record<string, string> }>();

/** `default:` values of the project's declared config keys (Pulumi.yaml `config:`), read once per change of the file. */
function projectDefaults(projectFile: string): Record<string, string> {
  if (!fs.existsSync(projectFile)) return {};
  const { mtimeMs } = fs.statSync(projectFile);
  const cached = defaultsByProjectFile.get(projectFile);
  if (cached?.mtimeMs === mtimeMs) return cached.defaults;
  const defaults = readProjectDefaults(projectFile);
  defaultsByProjectFile.set(projectFile, { mtimeMs, defaults });
  return defaults;
}

function readProjectDefaults(projectFile: string): Record<string, string> {
  const declared = yamlSection(readText(projectFile), projectFile, "config");
  const out: Record<string, string> = {};
  for (const [rawKey, decl] of Object.entries(declared)) {
    const key = rawKey.includes(":") ? rawKey : `${PROJECT_NAME}:${rawKey}`;
    if (decl && typeof decl === "object" && "default" in decl) {
      const value = (decl as { default: unknown }).default;
      out[key] = typeof value === "string" ? value : JSON.stringify(value);
    }
  }
  return out;
}

/** The stack file for a stack name: `Pulumi.<name>.yaml` in the project root. */
export function stackConfigPath(stack: string): string {
  return path.join(PROJECT_ROOT, `Pulumi.${stack}.yaml`);
}
