import { joinPath, type ConfigIssue } from "../config/configError";
import type { PolicyConfig, SelectorConfig, VmConfig } from "../config/configSchema";
import type { ConfiguredVault } from "../config/backupConfig";
import { MAX_VMS_PER_VAULT, RECOMMENDED_MAX_VMS_PER_POLICY } from "../azure/azureLimits";
import { vmLogicalName } from "./names";
import { parseVmId } from "./resourceId";
import type { VmEntry } from "./selectors";
import { sameRegion, type VmLookup } from "./vmFacts";

/**
 * Which vault protects which VM, in a stack with one vault or several (`vaults`). A vault protects
 * only VMs of its own region, so a VM goes to the vault it names (`vault: <key>`) or else to the one
 * vault in its region (from the look-up, or the entry's `location`). Pure: the stack looks the VMs
 * up first, and every VM that cannot be placed is reported at once.
 */

export interface VaultRouting {
  /** Vault key by VM key (vmLogicalName). */
  readonly vaultOf: ReadonlyMap<string, string>;
  readonly issues: readonly ConfigIssue[];
  readonly warnings: readonly ConfigIssue[];
}

const vaultList = (vaults: readonly ConfiguredVault[]) => vaults.map((v) => `${v.key} (${v.settings.location})`).join(", ");

/** `vms[].vault` and `selectors[].vault` name a vault of `vaults`; a one-vault `vault` stack has no keys. */
export function validateVaultReferences(
  vms: ReadonlyArray<{ index: number; vm: Pick<VmConfig, "vault"> }>,
  selectors: ReadonlyArray<{ index: number; selector: Pick<SelectorConfig, "vault"> }>,
  vaults: readonly ConfiguredVault[],
  many: boolean,
): ConfigIssue[] {
  const keys = vaults.map((v) => v.key);
  const check = (path: string, key: string | undefined): ConfigIssue[] => {
    if (key === undefined) return [];
    if (!many) return [{ path, message: `names a vault of vaults, but this stack configures one vault under vault; remove it (got ${JSON.stringify(key)})` }];
    return keys.includes(key) ? [] : [{ path, message: `must be one of the vault keys: ${keys.join(", ")} (got ${JSON.stringify(key)})` }];
  };
  return [
    ...vms.flatMap(({ index, vm }) => check(joinPath("vms", index, "vault"), vm.vault)),
    ...selectors.flatMap(({ index, selector }) => check(joinPath("selectors", index, "vault"), selector.vault)),
  ];
}

/**
 * Places every VM entry in a vault. With one vault every VM goes to it (a VM of another region is
 * reported by the fact rules, as before there were several vaults); with several, a VM's region
 * must have exactly one vault unless the entry names its vault.
 */
export function routeVms(vaults: readonly ConfiguredVault[], entries: readonly VmEntry[], lookups: ReadonlyMap<string, VmLookup>): VaultRouting {
  const vaultOf = new Map<string, string>();
  const issues: ConfigIssue[] = [];
  const byKey = new Map(vaults.map((v) => [v.key, v]));
  for (const entry of entries) {
    const ref = parseVmId(entry.vm.id);
    if (!ref) continue;
    const key = vmLogicalName(ref);
    const explicit = entry.source === "vms";
    const at = (field: string) => (explicit ? joinPath(entry.path, field) : entry.path);
    const say = (message: string) => (explicit ? message : `matches VM ${entry.vm.id}, which ${message}`);
    const lookup = lookups.get(key);
    const looked = lookup?.found ? lookup.facts.location : undefined;
    const stated = entry.vm.location;
    if (looked && stated && !sameRegion(looked, stated)) {
      issues.push({ path: at("location"), message: say(`says ${stated} but Azure reports ${looked}; remove location or correct it`) });
    }
    const region = looked ?? stated;
    const pinned = entry.vm.vault !== undefined ? byKey.get(entry.vm.vault) : undefined;
    if (entry.vm.vault !== undefined && !pinned) continue; // validateVaultReferences names the bad key
    if (vaults.length === 1 || pinned) {
      const vault = pinned ?? vaults[0]!;
      vaultOf.set(key, vault.key);
      // A looked-up VM's region is checked by the fact rules; a stated one is checked here.
      if (!looked && stated && !sameRegion(stated, vault.settings.location)) {
        issues.push({ path: at("location"), message: say(`is ${stated} but the vault ${vault.path === "vault" ? "" : `${vault.key} `}is in ${vault.settings.location}; a VM can only be backed up to a vault in its own region`) });
      }
      continue;
    }
    if (!region) {
      issues.push({
        path: at("id"),
        message: say(`could not be looked up and states no region, so no vault can be chosen for it: state location: <region> or vault: <key> (vaults: ${vaultList(vaults)})`),
      });
      continue;
    }
    const local = vaults.filter((v) => sameRegion(v.settings.location, region));
    if (local.length === 1) {
      vaultOf.set(key, local[0]!.key);
    } else if (local.length === 0) {
      issues.push({
        path: at("id"),
        message: say(`is VM ${ref.name} in region ${region}, where this stack has no vault (vaults: ${vaultList(vaults)}); add a vault in ${region} under vaults, or remove the VM`),
      });
    } else {
      issues.push({
        path: at(explicit ? "vault" : "id"),
        message: say(`is VM ${ref.name} in region ${region}, where this stack has ${local.length} vaults (${local.map((v) => v.key).join(", ")}); choose one with vault: ${local.map((v) => v.key).join(" | ")}`),
      });
    }
  }
  return { vaultOf, issues, warnings: [] };
}

/**
 * The rules that count or read a VM's vault, for a stack with several vaults (a one-vault stack
 * checks the same in loadConfig and applyVmFacts): at most 1,000 VMs per vault, the portal's 100 per
 * policy in each vault, Suspended only in an immutable vault, no archive tiering in a ZRS vault.
 */
export function validateRoutedVaults(
  vaults: readonly ConfiguredVault[],
  entries: readonly VmEntry[],
  vaultOf: ReadonlyMap<string, string>,
  policies: Readonly<Record<string, PolicyConfig>>,
): { issues: ConfigIssue[]; warnings: ConfigIssue[] } {
  const issues: ConfigIssue[] = [];
  const warnings: ConfigIssue[] = [];
  const perVault = new Map<string, VmEntry[]>();
  for (const entry of entries) {
    const ref = parseVmId(entry.vm.id);
    const vault = ref ? vaultOf.get(vmLogicalName(ref)) : undefined;
    if (vault === undefined) continue;
    const list = perVault.get(vault);
    if (list) list.push(entry);
    else perVault.set(vault, [entry]);
  }
  for (const vault of vaults) {
    const list = perVault.get(vault.key) ?? [];
    if (list.length > MAX_VMS_PER_VAULT) {
      issues.push({
        path: vault.path,
        message: `protects ${list.length} VMs (listed and matched by selectors, routed by region); a vault protects at most ${MAX_VMS_PER_VAULT} Azure VMs: add a vault in the region and route VMs to it with vault: <key>`,
      });
    }
    const perPolicy = new Map<string, number>();
    for (const e of list) perPolicy.set(e.vm.policy, (perPolicy.get(e.vm.policy) ?? 0) + 1);
    for (const [policy, count] of perPolicy) {
      if (count > RECOMMENDED_MAX_VMS_PER_POLICY) {
        warnings.push({
          path: joinPath("policies", policy),
          message: `protects ${count} VMs in vault ${vault.key}; the portal and PowerShell manage at most ${RECOMMENDED_MAX_VMS_PER_POLICY} per policy (the API and CLI accept more): consider splitting it`,
        });
      }
    }
    // The policies created in the vault: all of them in the primary vault, those its VMs use elsewhere.
    for (const policy of policiesInVault(vault, Object.keys(policies), new Set(perPolicy.keys()))) {
      const tiering = policies[policy]?.tiering;
      if (tiering && tiering.mode !== "DoNotTier" && vault.settings.storageRedundancy === "ZoneRedundant") {
        issues.push({
          path: joinPath("policies", policy, "tiering", "mode"),
          message: `archive tiering is not available on ZoneRedundant vaults, and ${vault.path} is ZoneRedundant and holds this policy: use DoNotTier, or keep the policy out of that vault`,
        });
      }
    }
    if (vault.settings.immutability === "Disabled") {
      for (const e of list.filter((x) => x.source === "vms" && x.vm.protection === "Suspended")) {
        issues.push({
          path: joinPath(e.path, "protection"),
          message: `Suspended needs an immutable vault (${vault.path}.immutability Unlocked or Locked; got Disabled); use Stopped to stop backups and keep the recovery points`,
        });
      }
    }
  }
  if (!vaults.some((v) => v.primary)) {
    const used = new Set(entries.map((e) => e.vm.policy));
    for (const policy of Object.keys(policies).filter((p) => !used.has(p))) {
      warnings.push({ path: joinPath("policies", policy), message: "no VM uses it and no vault is primary, so no vault creates it (a vault other than the primary one gets the policies its VMs use)" });
    }
  }
  if (vaults.length > 1 && !vaults.some((v) => v.primary)) {
    warnings.push({
      path: "vaults",
      message: `no vault is primary, so every policy component is named <vault name>/<policy>; if this stack had one vault before, mark that vault primary: true, or its policies' URNs change (Pulumi would replace them)`,
    });
  }
  return { issues, warnings };
}

/**
 * The logical name of a policy's component in a vault. The primary vault's keep the one-vault name
 * (the policy's name, as in 0.1); every other vault's carry its Azure name, which the stack keeps
 * unique, and a policy name has no `/`: no two can collide.
 */
export function policyComponentName(policy: string, vault: Pick<ConfiguredVault, "primary" | "settings">): string {
  return vault.primary ? policy : `${vault.settings.name}/${policy}`;
}

/**
 * The policies created in a vault: the primary vault (the only vault of a one-vault stack) gets every
 * configured policy, as before there were several; every other vault gets those its VMs use.
 */
export function policiesInVault(vault: Pick<ConfiguredVault, "primary">, allPolicies: readonly string[], usedHere: ReadonlySet<string>): string[] {
  return vault.primary ? [...allPolicies] : allPolicies.filter((p) => usedHere.has(p));
}
