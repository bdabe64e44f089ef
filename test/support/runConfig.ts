import type { RawStackConfig } from "../../infra/config/backupConfig";
import type { InvokeHandler } from "../../infra/offline/engine/mockEngine";
import { defaultInventoryPath, inventoryInvokeHandler, readInventoryFile } from "../../infra/offline/engine/inventory";
import { runProgram, type ProgramRun } from "../../infra/offline/engine/runProgram";
import { readStackConfigFile, stackConfigPath } from "../../infra/offline/engine/stackConfig";

/** The bundled dev stack's configuration with some keys replaced (values as the CLI passes them). */
export function devConfig(overrides: Record<string, string> = {}): RawStackConfig {
  return { ...readStackConfigFile(stackConfigPath("dev")).config, ...overrides };
}

/** The dev stack with some vault settings changed, e.g. `{ softDelete: "Enabled" }`. */
export function devConfigWithVault(vault: Record<string, unknown>, overrides: Record<string, string> = {}): RawStackConfig {
  const base = devConfig();
  const current = JSON.parse(base["azure-vm-backup:vault"]!) as Record<string, unknown>;
  return { ...base, "azure-vm-backup:vault": JSON.stringify({ ...current, ...vault }), ...overrides };
}

/**
 * The dev stack without what only the native provider can express (AlwaysOn soft delete, VSS and
 * script plug-in run commands), on the given provider: the estate both renderers must agree on.
 */
export function expressibleDevConfig(provider: "native" | "classic"): RawStackConfig {
  const base = devConfigWithVault({ softDelete: "Enabled" }, { "azure-vm-backup:provider": provider });
  const vms = (JSON.parse(base["azure-vm-backup:vms"]!) as Array<Record<string, unknown>>).map(({ vss: _vss, scripts: _scripts, ...vm }) => vm);
  return { ...base, "azure-vm-backup:vms": JSON.stringify(vms) };
}

/** The dev stack's offline answers to VM look-ups (inventory/dev.yaml). */
export function devInventory(): InvokeHandler {
  return inventoryInvokeHandler(readInventoryFile(defaultInventoryPath("dev")));
}

export function runConfig(config: RawStackConfig, program?: () => unknown, invoke: InvokeHandler = devInventory()): Promise<ProgramRun> {
  return runProgram({ config, program, invoke });
}
