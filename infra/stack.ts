import * as pulumi from "@pulumi/pulumi";
import { declareClassic } from "./components/classic/declareClassic";
import { declareEstate, type StackOutputs } from "./components/declareEstate";
import { nativeRenderer } from "./components/nativeRenderer";
import { installLegacyAliasFilter } from "./transforms/legacyTypeAliases";
import { ConfigError, formatIssue } from "./config/configError";
import { loadConfig } from "./validate/loadConfig";
import { type LoadedConfig } from "./config/backupConfig";
import { discoverSelectorVms } from "./lookups/tagDiscovery";
import { lookUpVms } from "./lookups/vmLookups";
import { buildBackupModel, type BackupModel } from "./model/backupModel";
import { parseVmId } from "./model/resourceId";
import { resolveVmEntries } from "./model/selectors";
import { applyVmFacts } from "./validate/applyVmFacts";

/**
 * Reads and validates the configuration, then looks up the VMs (tag selectors, then every VM with
 * its instance view and disks) and checks the rules that need Azure's facts. Every look-up
 * finishes before any rule runs, and a ConfigError becomes a RunError (printed without a stack
 * trace) before anything is declared.
 */
export async function readBackupModel(): Promise<BackupModel> {
  let loaded: LoadedConfig;
  try {
    loaded = loadConfig(pulumi.runtime.allConfig());
  } catch (err) {
    if (err instanceof ConfigError) throw new pulumi.RunError(err.message);
    throw err;
  }
  const { config } = loaded;
  const discovered = await discoverSelectorVms(config.selectors);
  const { entries, issues: selectorIssues } = resolveVmEntries(config.vms, config.selectors, discovered, config.vmDefaults);
  const lookups = await lookUpVms(entries.map((e) => parseVmId(e.vm.id)!));
  const resolved = applyVmFacts(config, entries, lookups);
  const issues = [...selectorIssues, ...resolved.issues];
  if (issues.length > 0) throw new pulumi.RunError(new ConfigError(issues).message);
  const warnings = [...loaded.warnings, ...resolved.warnings];
  for (const warning of warnings) pulumi.log.warn(formatIssue(warning));
  return buildBackupModel(resolved.config, warnings, resolved.vmSide);
}

/** Renders the model with @pulumi/azure-native components. */
export function declareNative(model: BackupModel): StackOutputs {
  return declareEstate(model, nativeRenderer);
}

/** The stack program: configuration and look-ups in, components out. */
export async function defineStack(): Promise<StackOutputs> {
  const model = await readBackupModel();
  // Before the first resource: applies to everything declared below (see components/legacyTypeAliases.ts).
  installLegacyAliasFilter();
  switch (model.provider) {
    case "native":
      return declareNative(model);
    case "classic":
      return declareClassic(model);
  }
}
