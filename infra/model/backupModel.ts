import type { ConfigIssue } from "../config/configError";
import type { BackupConfig, ConfiguredVault } from "../config/backupConfig";
import type { PolicyConfig, VaultConfig } from "../config/configSchema";
import { toProtectedVmModel, type ProtectedVmModel } from "./protectedVm";
import { vmLogicalName } from "./names";
import { parseVmId } from "./resourceId";
import { policiesInVault, policyComponentName } from "./vaultRouting";
import type { VmFacts } from "./vmFacts";
import type { DataSafetyReport } from "./dataSafetyReport";

/** What the look-ups found, keyed by vmLogicalName, and where each VM came from in the configuration. */
export interface VmSideContext {
  readonly facts?: ReadonlyMap<string, VmFacts>;
  readonly sources?: ReadonlyMap<string, string>;
  readonly backedUpLuns?: ReadonlyMap<string, readonly number[]>;
  readonly warnings?: ReadonlyMap<string, readonly ConfigIssue[]>;
  /**
   * Keys of the VMs that already have backup in the vault (nothing new is installed in them).
   * Unset or empty plans every VM as newly protected.
   */
  readonly alreadyProtected?: ReadonlySet<string>;
  /** The vault key each VM was routed to (model/vaultRouting.ts). */
  readonly vaults?: ReadonlyMap<string, string>;
}

/** The vault's validated settings, its region resolved: each provider adapter maps them to its inputs. */
export type VaultModel = VaultConfig & { readonly location: string };

export interface PolicyModel {
  /** The policy's name in Azure: exactly the configured map key. */
  readonly name: string;
  /** The validated settings (with `importId` when adopted); each provider adapter maps them to its inputs. */
  readonly config: PolicyConfig;
}

/** A policy as created in one vault, with the logical name of its component there. */
export interface VaultPolicyModel {
  readonly componentName: string;
  readonly policy: PolicyModel;
}

/** One vault and what it holds: its policies and the VMs it protects. */
export interface VaultEstateModel {
  /** The key under `vaults` (`vault` for a one-vault `vault` stack). */
  readonly key: string;
  readonly primary: boolean;
  readonly vault: VaultModel;
  readonly policies: readonly VaultPolicyModel[];
  readonly protectedVms: readonly ProtectedVmModel[];
}

/** The whole declared system as plain data: what the components render, nothing else. */
export interface BackupModel {
  readonly provider: BackupConfig["provider"];
  readonly protect: boolean;
  /** Every vault, sorted by key. */
  readonly vaults: readonly VaultEstateModel[];
  /** Every configured policy, by name (each vault creates those it holds, see VaultEstateModel). */
  readonly policies: readonly PolicyModel[];
  /** Every protected VM of every vault, by key. */
  readonly protectedVms: readonly ProtectedVmModel[];
  readonly warnings: readonly ConfigIssue[];
  /** What the deployment does to existing backups, once the backup state was looked up (stack.ts). */
  readonly dataSafety?: DataSafetyReport;
}

/** The vault a VM goes to: the routing's choice, else the one it names, else the only vault. */
function vaultKeyOf(config: BackupConfig, vm: BackupConfig["vms"][number], key: string, vmSide: VmSideContext): string {
  const routed = vmSide.vaults?.get(key) ?? vm.vault ?? (config.vaults.length === 1 ? config.vaults[0]!.key : undefined);
  if (routed === undefined) throw new Error(`${key}: no vault was chosen; applyVmFacts routes every VM before the model is built`);
  return routed;
}

function toVaultEstate(vault: ConfiguredVault, policies: readonly PolicyModel[], items: readonly ProtectedVmModel[]): VaultEstateModel {
  const used = new Set(items.map((i) => i.policyName));
  const names = policiesInVault(vault, policies.map((p) => p.name), used);
  const byName = new Map(policies.map((p) => [p.name, p]));
  return {
    key: vault.key,
    primary: vault.primary,
    vault: vault.settings,
    policies: names.map((name) => ({ componentName: policyComponentName(name, vault), policy: byName.get(name)! })),
    protectedVms: items,
  };
}

/** Builds the model from a validated configuration. Vaults, policies and VMs are sorted for stable output. */
export function buildBackupModel(config: BackupConfig, warnings: readonly ConfigIssue[] = [], vmSide: VmSideContext = {}): BackupModel {
  const policies = Object.keys(config.policies)
    .sort()
    .map((name) => ({ name, config: config.policies[name]! }));
  const perVault = new Map<string, ProtectedVmModel[]>(config.vaults.map((v) => [v.key, []]));
  const protectedVms = config.vms
    .map((vm) => {
      const key = vmLogicalName(parseVmId(vm.id)!);
      const model = toProtectedVmModel(vm, {
        source: vmSide.sources?.get(key),
        facts: vmSide.facts?.get(key),
        backedUpLuns: vmSide.backedUpLuns?.get(key),
        warnings: vmSide.warnings?.get(key),
        crashConsistentOnly: config.policies[vm.policy]?.crashConsistentOnly,
        defaultWindowsReadiness: config.vmDefaults.windowsReadiness,
        alreadyProtected: vmSide.alreadyProtected?.has(key) ?? false,
      });
      perVault.get(vaultKeyOf(config, vm, key, vmSide))?.push(model);
      return model;
    })
    .sort((a, b) => a.key.localeCompare(b.key));
  const byKey = (a: ProtectedVmModel, b: ProtectedVmModel) => a.key.localeCompare(b.key);
  return {
    provider: config.provider,
    protect: config.protect,
    vaults: config.vaults.map((v) => toVaultEstate(v, policies, perVault.get(v.key)!.sort(byKey))),
    policies,
    protectedVms,
    warnings,
  };
}
