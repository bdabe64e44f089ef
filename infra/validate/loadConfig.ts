import type { z } from "zod";
import { validateForClassic } from "../model/classicRules";
import { validateProtection } from "../model/lifecycle";
import { validatePolicy } from "../model/policyRules";
import { validateSelectors } from "../model/selectors";
import { validateVault } from "../model/vaultRules";
import { validateVms, type IndexedVm } from "../model/vmRules";
import { ConfigError, joinPath, type ConfigIssue } from "../config/configError";
import {
  POLICY_NAME_PATTERN,
  policySchema,
  selectorSchema,
  stackSchema,
  vaultSchema,
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
 * back to this vocabulary (model/policyFromApi.ts) so that both are checked by the same code.
 * `policy` is set whenever the schema accepted the input, even if cross-field rules found issues.
 */
export function parsePolicyConfig(
  rawPolicy: unknown,
  path: string,
  vault?: Pick<VaultConfig, "storageRedundancy">,
): { policy?: PolicyConfig; issues: ConfigIssue[] } {
  const parsed = policySchema.safeParse(rawPolicy, { reportInput: true });
  if (!parsed.success) return { issues: zodIssues(parsed.error, path) };
  const issues: ConfigIssue[] = [];
  const tz = resolveTimeZone(parsed.data.timeZone);
  if (!tz.ok) issues.push({ path: joinPath(path, "timeZone"), message: tz.message });
  const policy: PolicyConfig = { ...parsed.data, timeZone: tz.ok ? tz.windowsId : parsed.data.timeZone };
  issues.push(...validatePolicy(policy, path, vault));
  return { policy, issues };
}

/**
 * Parses and validates the whole stack configuration (CONTRACT section 2).
 * @throws ConfigError listing every problem found, before anything is declared.
 */
export function loadConfig(raw: RawStackConfig): LoadedConfig {
  const prefix = `${PROJECT_NAME}:`;
  // No prototype: a `__proto__` key stays a key, reported below, instead of replacing the prototype.
  const own: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const [key, value] of Object.entries(raw)) {
    if (key.startsWith(prefix)) own[key.slice(prefix.length)] = decode(value);
  }
  const issues: ConfigIssue[] = forbiddenKeyIssues(own);
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

  let vault: VaultConfig | undefined;
  {
    if (own.vault === undefined) {
      issues.push({ path: "vault", message: "is required: the Recovery Services vault (name, resourceGroupName, ...)" });
    } else {
      const parsed = vaultSchema.safeParse(own.vault, { reportInput: true });
      if (parsed.success) vault = parsed.data;
      else issues.push(...zodIssues(parsed.error, "vault"));
    }
  }
  if (vault) issues.push(...validateVault(vault));
  const location = vault?.location ?? raw["azure-native:location"] ?? raw["azure:location"];
  for (const extra of [validateProviderSettings(raw, vault?.location), validateSecretPlacement(own)]) {
    issues.push(...extra.issues);
    warnings.push(...extra.warnings);
  }
  if (vault && !location) {
    issues.push({ path: "vault.location", message: "is required: set azure-native:location (or vault.location) to the vault's Azure region, e.g. westeurope" });
  }

  const policies: Record<string, PolicyConfig> = {};
  const rawPolicies = field("policies") ?? {};
  for (const [name, rawPolicy] of Object.entries(rawPolicies)) {
    const path = joinPath("policies", name);
    if (!POLICY_NAME_PATTERN.test(name)) {
      issues.push({ path, message: `policy names must be 3-150 letters, digits, -, _ or !, starting with a letter (got ${JSON.stringify(name)})` });
    }
    const parsed = parsePolicyConfig(rawPolicy, path, vault);
    issues.push(...parsed.issues);
    if (parsed.policy) policies[name] = parsed.policy;
  }
  if (own.policies !== undefined && Object.keys(rawPolicies).length === 0 && field("policies") !== undefined) {
    issues.push({ path: "policies", message: "must define at least one backup policy" });
  }

  const vms: IndexedVm[] = [];
  const rawVms = field("vms") ?? [];
  rawVms.forEach((rawVm, index) => {
    const parsed = vmSchema.safeParse(rawVm, { reportInput: true });
    if (parsed.success) vms.push({ index, vm: parsed.data });
    else issues.push(...zodIssues(parsed.error, joinPath("vms", index)));
  });
  const subscriptionId = raw["azure-native:subscriptionId"] ?? raw["azure:subscriptionId"];
  const vmResult = validateVms(vms, { policyNames: Object.keys(rawPolicies), subscriptionId });
  issues.push(...vmResult.issues);
  warnings.push(...vmResult.warnings);
  issues.push(...validateProtection(vms, vault));

  let vmDefaults: VmDefaultsConfig = { extension: "auto" };
  if (own.vmDefaults !== undefined) {
    const parsed = vmDefaultsSchema.safeParse(own.vmDefaults, { reportInput: true });
    if (parsed.success) vmDefaults = parsed.data;
    else issues.push(...zodIssues(parsed.error, "vmDefaults"));
  }
  const selectors: Array<{ index: number; selector: SelectorConfig }> = [];
  (field("selectors") ?? []).forEach((rawSelector, index) => {
    const parsed = selectorSchema.safeParse(rawSelector, { reportInput: true });
    if (parsed.success) selectors.push({ index, selector: parsed.data });
    else issues.push(...zodIssues(parsed.error, joinPath("selectors", index)));
  });
  issues.push(...validateSelectors(selectors, Object.keys(rawPolicies)));

  // The classic provider cannot carry every setting: say which, rather than deploy without it.
  if (field("provider") === "classic" && vault) issues.push(...validateForClassic({ vault, policies, vms }));

  if (issues.length > 0 || !stack.success || !vault || !location) throw new ConfigError(issues);
  return {
    config: {
      provider: stack.data.provider,
      protect: stack.data.protect,
      subscriptionId,
      vault: { ...vault, location },
      policies,
      vms: vms.map((v) => v.vm),
      vmDefaults,
      selectors: selectors.map((s) => s.selector),
    },
    warnings,
  };
}
