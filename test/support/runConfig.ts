import { readStackConfigFile, stackConfigPath } from "../../infra/offline/stackConfig";
import { runProgram, type ProgramRun } from "../../infra/offline/runProgram";
import type { RawStackConfig } from "../../infra/config/loadConfig";

/** The bundled dev stack's configuration with some keys replaced (values as the CLI passes them). */
export function devConfig(overrides: Record<string, string> = {}): RawStackConfig {
  return { ...readStackConfigFile(stackConfigPath("dev")).config, ...overrides };
}

/** The dev stack with one vault setting changed, e.g. `{ softDelete: "Enabled" }`. */
export function devConfigWithVault(vault: Record<string, unknown>, overrides: Record<string, string> = {}): RawStackConfig {
  const base = devConfig();
  const current = JSON.parse(base["azure-vm-backup:vault"]!) as Record<string, unknown>;
  return { ...base, "azure-vm-backup:vault": JSON.stringify({ ...current, ...vault }), ...overrides };
}

export function runConfig(config: RawStackConfig, program?: () => unknown): Promise<ProgramRun> {
  return runProgram({ config, program });
}
