import type { z } from "zod";
import { validateForClassic } from "../model/classicRules";
import { validateProtection } from "../model/lifecycle";
import { validatePolicy } from "../model/policyRules";
import { validateSelectors } from "../model/selectors";
import { validateVaultForNative } from "../model/vaultRules";
import { validateAdoption } from "../model/adoptionRules";
import { unusedSettingsWarnings } from "../model/usageRules";
import { validateVaultReferences } from "../model/vaultRouting";
import { validateVms, type IndexedVm } from "../model/vmRules";
import { ConfigError, joinPath, type ConfigIssue } from "../config/configError";
import {
  POLICY_NAME_PATTERN,
  policySchema,
  selectorSchema,
  stackSchema,
  vmDefaultsSchema,
  vmSchema,
  type PolicyConfig,
  type SelectorConfig,
  type VmDefaultsConfig,
  type VaultConfig,
} from "../config/configSchema";
import { resolveTimeZone } from "../config/timeZone";
import { PROJECT_NAME, type LoadedConfig, type RawStackConfig } from "../config/backupConfig";
import { zodIssues } from "../config/zodIssues";
import { forbiddenKeyIssues } from "../config/forbiddenKeys";
import { validateProviderSettings } from "../model/providerRules";
import { validateSecretPlacement } from "../model/secretRules";
import { nearest } from "../config/didYouMean";
import { parsePartially, withoutSetAside } from "../config/partialParse";

/**
 * Neutral values for required keys whose value was refused, so the rules that do not need that key still
 * run on the rest of its section (their findings at the refused key itself are dropped).
 */
const SET_ASIDE = "set-aside";
const POLICY_STAND_INS = { "schedule.time": "00:00" };
const VM_STAND_INS = { id: `/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/${SET_ASIDE}/providers/Microsoft.Compute/virtualMachines/${SET_ASIDE}` };

/** `azure-vm-backups:vault` would otherwise be ignored in silence, and the stack planned without it. */
function namespaceTypo(key: string): ConfigIssue[] {
  const [namespace, ...rest] = key.split(":");
  if (rest.length === 0 || namespace === PROJECT_NAME || !nearest(namespace, [PROJECT_NAME])) return [];
  return [{ path: key, message: `unknown configuration namespace ${JSON.stringify(namespace)} (did you mean ${JSON.stringify(`${PROJECT_NAME}:${rest.join(":")}`)}?)` }];
}

const writtenKeys = (section: unknown): ReadonlySet<string> =>
  new Set(section !== null && typeof section === "object" ? Object.keys(section) : []);
import { loadVaults } from "./loadVaults";

/** Adoption reads one vault's estate (`npm run adopt`); a `vaults` stack declares what it adopts per vault later. */
function adoptionNeedsOneVault(policies: Readonly<Record<string, PolicyConfig>>, vms: readonly IndexedVm[]): ConfigIssue[] {
  const message = "adoption (importId) is supported in one-vault stacks (vault:) only; adopt each vault's estate into a stack of its own";
  return [
    ...Object.entries(policies).filter(([, p]) => p.importId).map(([name]) => ({ path: joinPath("policies", name, "importId"), message })),
    ...vms.filter(({ vm }) => vm.importId).map(({ index }) => ({ path: joinPath("vms", index, "importId"), message })),
  ];
}

function decode(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/**
 * Parses and validates one backup policy: the schema (ranges, enums), the time zone and Azure's
 * cross-field rules. Shared by loadConfig and the policy pack, which maps a raw ProtectionPolicy
 * back to this vocabulary (providers/nativePolicy.ts, providers/classic.ts) so that both are checked by the same code.
 * `policy` is set whenever the schema accepted the input, even if cross-field rules found issues; the
 * cross-field rules also run when the schema refused some fields, on the fields it could read.
 */
export function parsePolicyConfig(
  rawPolicy: unknown,
  path: string,
  vault?: Pick<VaultConfig, "storageRedundancy">,
): { policy?: PolicyConfig; issues: ConfigIssue[] } {
  const parsed = parsePartially(policySchema, rawPolicy, path, POLICY_STAND_INS);
  const issues: ConfigIssue[] = [...parsed.issues];
  if (!parsed.data) return { issues };
  // Rules run on every field that could be read, even when another field was refused (one pass).
  const ruleIssues: ConfigIssue[] = [];
  const tz = resolveTimeZone(parsed.data.timeZone);
  if (!tz.ok) ruleIssues.push({ path: joinPath(path, "timeZone"), message: tz.message });
  const policy: PolicyConfig = { ...parsed.data, timeZone: tz.ok ? tz.windowsId : parsed.data.timeZone };
  ruleIssues.push(...validatePolicy(policy, path, vault));
  issues.push(...withoutSetAside(ruleIssues, parsed.setAside));
  return parsed.issues.length === 0 ? { policy, issues } : { issues };
}

/**
 * Parses and validates the whole stack configuration (docs/configuration.md).
 * @throws ConfigError listing every problem found, before anything is declared.
 */
export function loadConfig(raw: RawStackConfig): LoadedConfig {
  const prefix = `${PROJECT_NAME}:`;
  // No prototype: a `__proto__` key stays a key, reported below, instead of replacing the prototype.
  const own: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  const issues: ConfigIssue[] = [];
  for (const [key, value] of Object.entries(raw)) {
    if (key.startsWith(prefix)) own[key.slice(prefix.length)] = decode(value);
    else issues.push(...namespaceTypo(key));
  }
  issues.push(...forbiddenKeyIssues(own));
  const warnings: ConfigIssue[] = [];

  const stack = stackSchema.safeParse(own, { reportInput: true });
  if (!stack.success) issues.push(...zodIssues(stack.error, ""));
  // Each top-level key is also read on its own, so a mistake in one (say, a missing `policies`)
  // never hides the problems of the others.
  const shape = stackSchema.shape;
  const field = <K extends keyof typeof shape>(key: K): z.output<(typeof shape)[K]> | undefined => {
    const parsed = shape[key].safeParse(own[key]);
    return parsed.success ? (parsed.data as z.output<(typeof shape)[K]>) : undefined;
  };

  // `vault` or `vaults` (loadVaults.ts); `vault` is the only vault's settings, for the rules that read one;
  // `readableVault` is what could be read of it even when a field was refused, so the rules of other
  // sections that read the vault still run (one pass).
  const loadedVaults = loadVaults(own, raw);
  issues.push(...loadedVaults.issues);
  const vaults = loadedVaults.vaults;
  const vault: VaultConfig | undefined = vaults?.length === 1 ? vaults[0]!.settings : undefined;
  const readableVault: VaultConfig | undefined = loadedVaults.readable.length === 1 ? loadedVaults.readable[0]!.settings : undefined;
  for (const extra of [validateProviderSettings(raw, readableVault?.location), validateSecretPlacement(own)]) {
    issues.push(...extra.issues);
    warnings.push(...extra.warnings);
  }

  const policies: Record<string, PolicyConfig> = {};
  const rawPolicies = field("policies") ?? {};
  for (const [name, rawPolicy] of Object.entries(rawPolicies)) {
    const path = joinPath("policies", name);
    if (!POLICY_NAME_PATTERN.test(name)) {
      issues.push({ path, message: `policy names must be 3-150 letters, digits, -, _ or !, starting with a letter (got ${JSON.stringify(name)})` });
    }
    const parsed = parsePolicyConfig(rawPolicy, path, readableVault);
    issues.push(...parsed.issues);
    if (parsed.policy) policies[name] = parsed.policy;
  }
  if (own.policies !== undefined && Object.keys(rawPolicies).length === 0 && field("policies") !== undefined) {
    issues.push({ path: "policies", message: "must define at least one backup policy" });
  }

  // VMs with a refused field still take part in the rules across VMs (duplicates, policy names),
  // on the fields that could be read; only fully valid VMs reach the configuration.
  const vms: IndexedVm[] = [];
  const readableVms: IndexedVm[] = [];
  const vmsSetAside: string[] = [];
  const rawVms = field("vms") ?? [];
  rawVms.forEach((rawVm, index) => {
    const parsed = parsePartially(vmSchema, rawVm, joinPath("vms", index), VM_STAND_INS);
    issues.push(...parsed.issues);
    vmsSetAside.push(...parsed.setAside);
    if (parsed.data) readableVms.push({ index, vm: parsed.data });
    if (parsed.data && parsed.issues.length === 0) vms.push({ index, vm: parsed.data });
  });
  const subscriptionId = raw["azure-native:subscriptionId"] ?? raw["azure:subscriptionId"];
  // With several vaults, what counts per vault is checked once the VMs are routed (model/vaultRouting.ts).
  const vmResult = validateVms(readableVms, { policyNames: field("policies") && Object.keys(rawPolicies), subscriptionId, countPerVault: !loadedVaults.many || loadedVaults.readable.length === 1 });
  issues.push(...withoutSetAside(vmResult.issues, vmsSetAside));
  warnings.push(...withoutSetAside(vmResult.warnings, vmsSetAside));
  issues.push(...withoutSetAside(validateProtection(readableVms, readableVault), vmsSetAside));

  let vmDefaults: VmDefaultsConfig = { extension: "auto" };
  if (own.vmDefaults !== undefined) {
    const parsed = parsePartially(vmDefaultsSchema, own.vmDefaults, "vmDefaults");
    issues.push(...parsed.issues);
    if (parsed.data) vmDefaults = parsed.data;
  }
  const selectors: Array<{ index: number; selector: SelectorConfig }> = [];
  const readableSelectors: Array<{ index: number; selector: SelectorConfig }> = [];
  const selectorsSetAside: string[] = [];
  (field("selectors") ?? []).forEach((rawSelector, index) => {
    const parsed = parsePartially(selectorSchema, rawSelector, joinPath("selectors", index));
    issues.push(...parsed.issues);
    selectorsSetAside.push(...parsed.setAside);
    if (parsed.data) readableSelectors.push({ index, selector: parsed.data });
    if (parsed.data && parsed.issues.length === 0) selectors.push({ index, selector: parsed.data });
  });
  if (field("policies")) issues.push(...withoutSetAside(validateSelectors(readableSelectors, Object.keys(rawPolicies)), selectorsSetAside));
  if (vaults) issues.push(...validateVaultReferences(vms, selectors, vaults, loadedVaults.many));

  // The classic provider cannot carry every setting: say which, rather than deploy without it.
  const readable = loadedVaults.readable;
  if (field("provider") === "classic") {
    readable.forEach((v, i) =>
      issues.push(...validateForClassic(
        i === 0
          ? { vault: v.settings, policies, vms: readableVms, vmDefaults, writtenVaultKeys: writtenKeys(loadedVaults.many ? (own.vaults as Record<string, unknown>)[v.key] : own.vault) }
          : { vault: v.settings, policies: {}, vms: [] },
        v.path,
      )),
    );
  } else {
    for (const v of readable) issues.push(...validateVaultForNative(v.settings, v.path));
  }
  if (vault) issues.push(...validateAdoption({ vault, policies, vms }));
  if (field("policies")) warnings.push(...unusedSettingsWarnings(Object.keys(rawPolicies), readableVms, readableSelectors));
  else if (loadedVaults.many) issues.push(...adoptionNeedsOneVault(policies, vms));

  if (issues.length > 0 || !stack.success || !vaults) throw new ConfigError(issues);
  return {
    config: {
      provider: stack.data.provider,
      protect: stack.data.protect,
      subscriptionId,
      vaults,
      policies,
      vms: vms.map((v) => v.vm),
      vmDefaults,
      selectors: selectors.map((s) => s.selector),
    },
    warnings,
  };
}
