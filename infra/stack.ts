import * as pulumi from "@pulumi/pulumi";
import { declareClassic } from "./components/classic/declareClassic";
import { declareEstate, type StackOutputs } from "./components/declareEstate";
import { nativeRenderer } from "./components/nativeRenderer";
import { installLegacyAliasFilter } from "./transforms/legacyTypeAliases";
import { ConfigError, formatIssue } from "./config/configError";
import { loadConfig } from "./validate/loadConfig";
import type { BackupConfig, LoadedConfig } from "./config/backupConfig";
import { discoverSelectorVms } from "./lookups/tagDiscovery";
import { lookUpVms } from "./lookups/vmLookups";
import { lookUpBackupState } from "./lookups/backupStateLookups";
import { checkDataSafety } from "./model/dataSafetyRules";
import { mergeDataSafetyReports, toDataSafetyReport } from "./model/dataSafetyReport";
import { buildBackupModel, type BackupModel } from "./model/backupModel";
import { parseVmId } from "./model/resourceId";
import { checkSelectorAnswers, resolveVmEntries, type VmEntry } from "./model/selectors";
import { vmLogicalName } from "./model/names";
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
  const answers = await discoverSelectorVms(config.selectors);
  const answered = checkSelectorAnswers(config.selectors, answers);
  const discovered = answers.map((a) => (a.answered ? a.vms : []));
  const { entries, issues: resolveIssues } = resolveVmEntries(config.vms, config.selectors, discovered, config.vmDefaults);
  const selectorIssues = [...answered.issues, ...resolveIssues];
  const refs = entries.map((e) => parseVmId(e.vm.id)!);
  const lookups = await lookUpVms(refs);
  const resolved = applyVmFacts(config, entries, lookups);
  const safety = await checkVaultsDataSafety(config, entries, resolved.vmSide.vaults);
  const issues = [...selectorIssues, ...resolved.issues, ...safety.issues];
  if (issues.length > 0) throw new pulumi.RunError(new ConfigError(issues).message);
  // Found only once the look-ups answered, so loadConfig's warnings (which the offline plan also reads) lack them.
  const lookupWarnings = [...answered.warnings, ...safety.warnings];
  const warnings = [...loaded.warnings, ...lookupWarnings, ...resolved.warnings];
  for (const warning of warnings) pulumi.log.warn(formatIssue(warning));
  return {
    ...buildBackupModel(resolved.config, warnings, resolved.vmSide),
    dataSafety: mergeDataSafetyReports(safety.reports, lookupWarnings),
  };
}

/**
 * Each vault's current backup state, looked up for the VMs routed to it, against what the
 * configuration asks of it (retention cuts, renames, VMs protected elsewhere).
 */
async function checkVaultsDataSafety(config: BackupConfig, entries: readonly VmEntry[], routing: ReadonlyMap<string, string> | undefined) {
  const vaultOf = (e: VmEntry) => routing?.get(vmLogicalName(parseVmId(e.vm.id)!)) ?? (config.vaults.length === 1 ? config.vaults[0]!.key : undefined);
  const perVault = await Promise.all(
    config.vaults.map(async (v) => {
      const mine = entries.filter((e) => vaultOf(e) === v.key);
      const state = await lookUpBackupState({ name: v.settings.name, resourceGroupName: v.settings.resourceGroupName, location: v.settings.location }, mine.map((e) => parseVmId(e.vm.id)!), Object.keys(config.policies));
      return { state, result: checkDataSafety(config, v, mine, state) };
    }),
  );
  return {
    issues: perVault.flatMap((p) => p.result.issues),
    warnings: perVault.flatMap((p) => p.result.warnings),
    reports: perVault.map((p) => toDataSafetyReport(p.state, p.result.changes, [])),
  };
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
