import * as path from "node:path";
import { loadConfig } from "../../validate/loadConfig";
import { formatIssue, type ConfigIssue } from "../../config/configError";
import * as fs from "node:fs";
import { defaultInventoryPath, EMPTY_INVENTORY, hasBackupState, inventoryInvokeHandler, readInventoryFile, type LoadedInventory } from "./inventory";
import type { DataSafetyReport } from "../../model/dataSafetyReport";
import { runProgram, type ProgramRun } from "./runProgram";
import { readStackConfigFile, stackConfigPath, type StackConfigFile } from "./stackConfig";

export interface StackSelection {
  /** Stack name: reads `Pulumi.<stack>.yaml` from the project root. */
  readonly stack?: string;
  /** A configuration file to read instead (same format). */
  readonly configFile?: string;
  /** Offline answers to the VM and tag look-ups; default `inventory/<stack>.yaml` when it exists. */
  readonly inventory?: string;
}

export interface PlannedStack extends ProgramRun {
  readonly file: string;
  readonly stackConfig: StackConfigFile;
  readonly warnings: readonly ConfigIssue[];
  readonly inventory: LoadedInventory;
  /** The program's report on existing backups (views/dataView.ts turns it into the plan's Data section). */
  readonly dataSafety?: DataSafetyReport;
  /** Where the existing backup state came from offline: the inventory file, or none. */
  readonly backupStateSource: string;
}

/** The inventory a selection plans with: the given file, else the stack's default file if it exists, else none. */
export function resolveInventory(selection: StackSelection): LoadedInventory {
  if (selection.inventory) return readInventoryFile(path.resolve(selection.inventory));
  if (selection.configFile) return EMPTY_INVENTORY;
  const file = defaultInventoryPath(selection.stack ?? "dev");
  return fs.existsSync(file) ? readInventoryFile(file) : EMPTY_INVENTORY;
}

/** The file a stack selection reads. */
export function resolveStackFile(selection: StackSelection): string {
  return selection.configFile ? path.resolve(selection.configFile) : stackConfigPath(selection.stack ?? "dev");
}

/**
 * Plans a stack offline: reads its configuration, validates it (a ConfigError lists every
 * problem) and runs the real program on the mock engine. Shared by `plan`, `review` and tests.
 */
export async function planStack(selection: StackSelection): Promise<PlannedStack> {
  const file = resolveStackFile(selection);
  const stackConfig = readStackConfigFile(file);
  // Validate before running so the caller gets the structured ConfigError (the program reports it as text).
  const { warnings } = loadConfig(stackConfig.config);
  const stack = selection.stack ?? (selection.configFile ? path.basename(file).replace(/^Pulumi\.|\.ya?ml$/g, "") || "dev" : "dev");
  const inventory = resolveInventory(selection);
  const run = await runProgram({ config: stackConfig.config, secretKeys: stackConfig.secretKeys, stack, invoke: inventoryInvokeHandler(inventory) });
  const report = run.outputs.dataSafety as DataSafetyReport | undefined;
  // The program only sees answers; which inventory gave them (or that none described backups) is known here.
  const backupState = hasBackupState(inventory)
    ? `inventory ${path.relative(process.cwd(), inventory.file ?? "") || inventory.file}`
    : "none offline: the inventory has no protectedItems/backupPolicies sections, so no existing backups were compared (planned as a new estate)";
  // Every warning once: the configuration's, the data-safety report's, and what the program logged
  // (look-ups, VM facts), which repeats the configuration's.
  const all = [...warnings, ...(report?.warnings ?? []), ...run.programWarnings.map((message) => ({ path: "", message }))];
  const seen = new Set<string>();
  const unique = all.filter((w) => !seen.has(formatIssue(w)) && seen.add(formatIssue(w)));
  return { ...run, file, stackConfig, warnings: unique, inventory, ...(report && { dataSafety: report }), backupStateSource: backupState };
}
