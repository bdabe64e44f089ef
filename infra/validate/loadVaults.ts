import { joinPath, type ConfigIssue } from "../config/configError";
import { vaultSchema } from "../config/configSchema";
import type { ConfiguredVault, RawStackConfig } from "../config/backupConfig";
import { VAULT_KEY_PATTERN, vaultsEntrySchema, vaultsSchema } from "../config/vaultsSchema";
import { zodIssues } from "../config/zodIssues";
import { parsePartially, withoutSetAside } from "../config/partialParse";
import { validateVault } from "../model/vaultRules";

/** Stand-ins for a vault's required names when refused, so its other rules still run (one pass). */
const SET_ASIDE = "set-aside";
const VAULT_STAND_INS = { name: SET_ASIDE, resourceGroupName: SET_ASIDE };

export interface LoadedVaults {
  /** Every vault that parsed, sorted by key; undefined when `vault`/`vaults` is missing or unusable. */
  readonly vaults?: readonly ConfiguredVault[];
  /**
   * Every vault as far as it could be read (refused values set aside), for the rules of other sections
   * that read a vault's settings; equal to `vaults` when nothing was refused.
   */
  readonly readable: readonly ConfiguredVault[];
  /** Whether the stack configures `vaults` (keys, `vms[].vault`) rather than `vault`. */
  readonly many: boolean;
  readonly issues: readonly ConfigIssue[];
}

/**
 * Reads `vault` or `vaults` (never both) with each vault's region (its `location`, else the
 * provider's default region) and checks what spans vaults: Azure names and resource groups are the
 * stack's to create once each, and at most one vault is `primary`.
 */
export function loadVaults(own: Readonly<Record<string, unknown>>, raw: RawStackConfig): LoadedVaults {
  const issues: ConfigIssue[] = [];
  const defaultLocation = raw["azure-native:location"] ?? raw["azure:location"];
  const many = own.vaults !== undefined;
  if (own.vault !== undefined && many) {
    return { many, readable: [], issues: [{ path: "vaults", message: "is given together with vault; configure one vault under vault or every vault under vaults, not both" }] };
  }
  if (!many) {
    if (own.vault === undefined) return { many, readable: [], issues: [{ path: "vault", message: "is required: the Recovery Services vault (name, resourceGroupName, ...), or several under vaults" }] };
    const parsed = parsePartially(vaultSchema, own.vault, "vault", VAULT_STAND_INS);
    issues.push(...parsed.issues);
    if (!parsed.data) return { many, readable: [], issues };
    issues.push(...withoutSetAside(validateVault(parsed.data), parsed.setAside));
    const location = parsed.data.location ?? defaultLocation;
    if (!location) {
      issues.push({ path: "vault.location", message: "is required: set azure-native:location (or vault.location) to the vault's Azure region, e.g. westeurope" });
      return { many, readable: [], issues };
    }
    const only: ConfiguredVault = { key: "vault", path: "vault", settings: { ...parsed.data, location }, primary: true };
    return { many, issues, readable: [only], ...(parsed.issues.length === 0 && { vaults: [only] }) };
  }

  const map = vaultsSchema.safeParse(own.vaults);
  if (!map.success) return { many, readable: [], issues: zodIssues(map.error, "vaults") };
  const keys = Object.keys(map.data).sort();
  if (keys.length === 0) return { many, readable: [], issues: [{ path: "vaults", message: "must configure at least one vault (key: { name, resourceGroupName, ... })" }] };
  const vaults: ConfiguredVault[] = [];
  const readable: ConfiguredVault[] = [];
  let complete = true;
  for (const key of keys) {
    const path = joinPath("vaults", key);
    if (!VAULT_KEY_PATTERN.test(key)) {
      issues.push({ path, message: `vault keys must be 1-40 letters, digits, - or _, starting with a letter (got ${JSON.stringify(key)})` });
    }
    const parsed = parsePartially(vaultsEntrySchema, map.data[key], path, VAULT_STAND_INS);
    issues.push(...parsed.issues);
    if (parsed.issues.length > 0) complete = false;
    if (!parsed.data) continue;
    const { primary, ...settings } = parsed.data;
    issues.push(...withoutSetAside(validateVault(settings, path), parsed.setAside));
    const location = settings.location ?? defaultLocation;
    if (!location) {
      issues.push({ path: joinPath(path, "location"), message: "is required: set it (or azure-native:location) to the vault's Azure region, e.g. westeurope" });
      complete = false;
      continue;
    }
    const configured: ConfiguredVault = { key, path, settings: { ...settings, location }, primary: primary ?? keys.length === 1 };
    readable.push(configured);
    if (parsed.issues.length === 0) vaults.push(configured);
  }
  issues.push(...crossVaultIssues(readable));
  return { many, issues, readable, ...(complete && { vaults }) };
}

/** Names and resource groups are created once per stack; the policy component names need one primary at most. */
function crossVaultIssues(vaults: readonly ConfiguredVault[]): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const seen = (field: (v: ConfiguredVault) => string, what: string, why: string) => {
    const first = new Map<string, ConfiguredVault>();
    for (const v of vaults) {
      const value = field(v).toLowerCase();
      const earlier = first.get(value);
      if (earlier) issues.push({ path: joinPath(v.path, what), message: `${field(v)} is also the ${what} of ${earlier.path}; ${why}` });
      else first.set(value, v);
    }
  };
  seen((v) => v.settings.name, "name", "each vault needs its own name (it names the vault's Pulumi components)");
  seen((v) => v.settings.resourceGroupName, "resourceGroupName", "the stack creates one resource group per vault: give each vault its own");
  const primaries = vaults.filter((v) => v.primary);
  if (primaries.length > 1) {
    for (const v of primaries.slice(1)) {
      issues.push({ path: joinPath(v.path, "primary"), message: `only one vault can be primary, and ${primaries[0]!.path} is too` });
    }
  }
  return issues;
}
