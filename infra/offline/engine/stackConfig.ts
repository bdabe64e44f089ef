import * as fs from "node:fs";
import * as path from "node:path";
import { PROJECT_NAME, type RawStackConfig } from "../../config/backupConfig";
import { FileInputError, parseYamlFile, readInputFile } from "./fileInput";

/** The project root: where Pulumi.yaml lives. */
export const PROJECT_ROOT = path.resolve(__dirname, "..", "..", "..");

export interface StackConfigFile {
  readonly config: RawStackConfig;
  /** Keys Pulumi would hand to the program as secrets (`secure:` values). */
  readonly secretKeys: readonly string[];
}

/**
 * Reads a stack file (`Pulumi.<stack>.yaml`) the way the Pulumi CLI hands it to a program: keys
 * namespaced by project, scalars as strings, objects and lists JSON-encoded, project defaults from
 * Pulumi.yaml filled in.
 * @throws FileInputError naming the file when it cannot be read or parsed.
 */
export function readStackConfigFile(file: string, projectFile = path.join(PROJECT_ROOT, "Pulumi.yaml")): StackConfigFile {
  const stackValues = readYamlConfig(file, "config", true);
  const config: Record<string, string> = {};
  const secretKeys: string[] = [];
  for (const [key, value] of Object.entries(projectDefaults(projectFile))) config[key] = value;
  for (const [rawKey, value] of Object.entries(stackValues)) {
    const key = rawKey.includes(":") ? rawKey : `${PROJECT_NAME}:${rawKey}`;
    if (value && typeof value === "object" && !Array.isArray(value) && "secure" in value) {
      // Offline there is no key to decrypt with; the value is a placeholder that stays secret.
      secretKeys.push(key);
      config[key] = "[secret]";
      continue;
    }
    config[key] = typeof value === "string" ? value : JSON.stringify(value);
  }
  return { config, secretKeys };
}

function readYamlConfig(file: string, section: string, required = false): Record<string, unknown> {
  const doc = parseYamlFile(file, readInputFile(file, "the stack configuration"), "the stack configuration");
  const root = doc.toJS() as Record<string, unknown> | null;
  const values = root?.[section];
  if ((values === undefined || values === null) && required && !(root && section in root)) {
    // Without this, a file with its keys at the top level would plan as "vault is required".
    const topLevel = root && typeof root === "object" && Object.keys(root).some((k) => k.startsWith(`${PROJECT_NAME}:`));
    const hint = topLevel ? `; its ${PROJECT_NAME}:* keys sit at the top level: indent them under \`${section}:\`` : `: a stack file holds \`${section}:\` with ${PROJECT_NAME}:* keys`;
    throw new FileInputError([{ path: file, message: `has no \`${section}:\` section${hint}` }], "Cannot parse the stack configuration");
  }
  if (values === undefined || values === null) return {};
  if (typeof values !== "object" || Array.isArray(values)) {
    throw new FileInputError([{ path: `${file}: ${section}`, message: "must be a mapping of configuration keys to values" }], "Cannot parse the stack configuration");
  }
  return values as Record<string, unknown>;
}

/** `default:` values of the project's declared config keys (Pulumi.yaml `config:`). */
function projectDefaults(projectFile: string): Record<string, string> {
  if (!fs.existsSync(projectFile)) return {};
  const declared = readYamlConfig(projectFile, "config");
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
