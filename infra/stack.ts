import * as pulumi from "@pulumi/pulumi";
import { BackupVault } from "./components/backupVault";
import { declareClassic } from "./components/classic/declareClassic";
import { registerLightRegistration } from "./components/legacyTypeAliases";
import { ProtectedVms } from "./components/protectedVms";
import { VmBackupExtensions } from "./components/vmBackupExtensions";
import { VmBackupPolicy } from "./components/vmBackupPolicy";
import { ConfigError, formatIssue } from "./config/configError";
import { loadConfig, type LoadedConfig } from "./config/loadConfig";
import { discoverSelectorVms } from "./lookups/tagDiscovery";
import { lookUpVms } from "./lookups/vmLookups";
import { buildBackupModel, type BackupModel } from "./model/backupModel";
import { parseVmId } from "./model/resourceId";
import { resolveVmEntries } from "./model/selectors";
import { applyVmFacts } from "./model/vmSide";

/** Stack outputs: what other stacks and scripts compose with. */
export interface StackOutputs {
  readonly vaultName: pulumi.Output<string>;
  readonly vaultId: pulumi.Output<string>;
  readonly policyIds: Record<string, pulumi.Output<string>>;
  readonly protectedVmCount: number;
}

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
  const vault = new BackupVault(model.vault.name, { vault: model.vault, protect: model.protect });
  const policies = new Map<string, VmBackupPolicy>();
  for (const policy of model.policies) {
    policies.set(
      policy.name,
      new VmBackupPolicy(policy.name, { vaultName: vault.vaultName, resourceGroupName: vault.resourceGroupName, policy }),
    );
  }
  // The VM side and the protected items are sibling components, one of each per vault: no
  // azure-native resource is parented to another (alias explosion), and no component per VM.
  new VmBackupExtensions(model.vault.name, { items: model.protectedVms, fallbackLocation: model.vault.location });
  new ProtectedVms(model.vault.name, {
    vaultName: vault.vaultName,
    resourceGroupName: vault.resourceGroupName,
    policyIds: new Map([...policies].map(([name, p]) => [name, p.policyId])),
    items: model.protectedVms,
    protect: model.protect,
  });
  return {
    vaultName: vault.vaultName,
    vaultId: vault.vaultId,
    policyIds: Object.fromEntries([...policies].map(([name, p]) => [name, p.policyId])),
    protectedVmCount: model.protectedVms.length,
  };
}

/** The stack program: configuration and look-ups in, components out. */
export async function defineStack(): Promise<StackOutputs> {
  const model = await readBackupModel();
  // Before the first resource: applies to everything declared below (see components/legacyTypeAliases.ts).
  registerLightRegistration();
  switch (model.provider) {
    case "native":
      return declareNative(model);
    case "classic":
      return declareClassic(model);
  }
}
