import { stringify } from "yaml";
import { ConfigError } from "../../infra/config/configError";
import { FileInputError } from "../../infra/offline/engine/fileInput";
import { buildBackupModel } from "../../infra/model/backupModel";
import { readStackConfigText } from "../../infra/offline/engine/stackConfig";
import { loadConfig } from "../../infra/validate/loadConfig";

/** The whole configuration reader on a stack file's text: YAML, Pulumi's config encoding, validation, model. */
export function readConfigText(text: string) {
  const file = readStackConfigText(text, "Pulumi.fuzz.yaml");
  const loaded = loadConfig(file.config);
  return { ...loaded, model: buildBackupModel(loaded.config), file };
}

export type ReadOutcome = { kind: "plan"; warnings: readonly { path: string; message: string }[] } | { kind: "config-error"; message: string } | { kind: "crash"; error: unknown };

/** What the reader made of one input: a plan, a configuration error, or anything else (a bug). */
export function outcomeOf(text: string): ReadOutcome {
  try {
    return { kind: "plan", warnings: readConfigText(text).warnings };
  } catch (error) {
    // A stack file that is not a readable YAML mapping is a file-input error: an answer too, not a crash.
    return error instanceof ConfigError || error instanceof FileInputError ? { kind: "config-error", message: error.message } : { kind: "crash", error };
  }
}

/** A stack file's text with these values under `config:` (keys without a namespace are the project's). */
export const stackFile = (config: Record<string, unknown>) => stringify({ config });
