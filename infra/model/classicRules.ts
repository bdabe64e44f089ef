import type { ConfigIssue } from "../config/configError";
import type { PolicyConfig, VaultConfig, VmConfig, VmDefaultsConfig } from "../config/configSchema";
import { joinPath } from "../config/configError";
import { SOFT_DELETE_DEFAULT_RETENTION_DAYS } from "../azure/azureLimits";

const CLASSIC = "provider classic (@pulumi/azure)";

/**
 * Settings the classic provider (`@pulumi/azure` 6.x) has no input for. A stack on that provider that
 * asks for one fails validation, naming the setting and the provider, instead of deploying without it.
 * The README's "Classic provider" section lists the same settings.
 */
export function validateForClassic(
  config: {
    readonly vault: VaultConfig;
    readonly policies: Readonly<Record<string, PolicyConfig>>;
    readonly vms: ReadonlyArray<{ readonly index: number; readonly vm: VmConfig }>;
    readonly vmDefaults?: VmDefaultsConfig;
    /** The vault keys the user wrote: a default the user never wrote is named as the default. */
    readonly writtenVaultKeys?: ReadonlySet<string>;
  },
  vaultPath = "vault",
): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const v = config.vault;
  if (v.softDelete === "AlwaysOn") {
    const written = config.writtenVaultKeys?.has("softDelete") ?? true;
    issues.push({
      path: `${vaultPath}.softDelete`,
      message: written
        ? `AlwaysOn cannot be expressed with ${CLASSIC}, which only has softDeleteEnabled true/false; set softDelete: Enabled or Disabled, or use provider native (got AlwaysOn)`
        : `AlwaysOn, the default when softDelete is not set, cannot be expressed with ${CLASSIC}, which only has softDeleteEnabled true/false; set softDelete: Enabled or Disabled, or use provider native`,
    });
  }
  if (v.softDelete !== "Disabled" && v.softDeleteRetentionDays !== SOFT_DELETE_DEFAULT_RETENTION_DAYS) {
    issues.push({
      path: `${vaultPath}.softDeleteRetentionDays`,
      message: `cannot be set with ${CLASSIC}, which always leaves Azure's default of ${SOFT_DELETE_DEFAULT_RETENTION_DAYS} days; remove it or use provider native (got ${v.softDeleteRetentionDays})`,
    });
  }
  // The vault settings added for adoption are rendered by the native vault component only.
  for (const key of ["importId", "sku", "enhancedSecurity", "alerts", "crossSubscriptionRestore", "sourceScan", "resourceGuardId"] as const) {
    if (v[key] === undefined) continue;
    issues.push({ path: `vault.${key}`, message: `is rendered by provider native only; ${CLASSIC} does not declare it here: remove it or use provider native` });
  }
  for (const [name, policy] of Object.entries(config.policies)) {
    if (policy.importId !== undefined) {
      issues.push({ path: joinPath("policies", name, "importId"), message: `adoption (import) is rendered by provider native only; remove it or use provider native` });
    }
    if (policy.tiering?.mode === "DoNotTier") {
      issues.push({
        path: joinPath("policies", name, "tiering", "mode"),
        message: `DoNotTier cannot be expressed with ${CLASSIC}, which only has TierAfter and TierRecommended; remove tiering or use provider native (got DoNotTier)`,
      });
    }
  }
  // VSS, the Linux script plug-in and windowsReadiness are applied by run commands that must fail the
  // deployment when their script fails; azurerm's RunCommand has no treatFailureAsDeploymentFailure or timeoutInSeconds.
  const runCommandIssue = (path: string) => ({
    path,
    message: `cannot be applied with ${CLASSIC}: its compute.RunCommand has no treatFailureAsDeploymentFailure or timeoutInSeconds, so a failing set-up script would not stop the deployment; remove it or use provider native`,
  });
  for (const { index, vm } of config.vms) {
    if (vm.importId !== undefined) {
      issues.push({ path: joinPath("vms", index, "importId"), message: `adoption (import) is rendered by provider native only; remove it or use provider native` });
    }
    // azurerm reads an empty include_disk_luns as unset and backs up every disk, where the API (and
    // the native provider) back up the OS disk only.
    if (vm.disks?.include?.length === 0) {
      issues.push({
        path: joinPath("vms", index, "disks", "include"),
        message: `[] (the OS disk only) cannot be expressed with ${CLASSIC}, which ignores an empty include_disk_luns and backs up every disk; list the VM's data-disk LUNs under disks.exclude instead, or use provider native`,
      });
    }
    for (const key of ["vss", "scripts", "windowsReadiness"] as const) {
      if (vm[key] !== undefined) issues.push(runCommandIssue(joinPath("vms", index, key)));
    }
  }
  if (config.vmDefaults?.windowsReadiness !== undefined) issues.push(runCommandIssue("vmDefaults.windowsReadiness"));
  return issues;
}
