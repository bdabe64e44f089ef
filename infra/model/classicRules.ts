import type { ConfigIssue } from "../config/configError";
import type { PolicyConfig, VaultConfig } from "../config/configSchema";
import { joinPath } from "../config/configError";
import { SOFT_DELETE_DEFAULT_RETENTION_DAYS } from "./azureLimits";

const CLASSIC = "provider classic (@pulumi/azure)";

/**
 * Settings the classic provider (`@pulumi/azure` 6.x) has no input for. A stack on that provider that
 * asks for one fails validation, naming the setting and the provider, instead of deploying without it.
 * The README's "Classic provider" section lists the same settings.
 */
export function validateForClassic(config: { readonly vault: VaultConfig; readonly policies: Readonly<Record<string, PolicyConfig>> }): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const v = config.vault;
  if (v.softDelete === "AlwaysOn") {
    issues.push({
      path: "vault.softDelete",
      message: `AlwaysOn cannot be expressed with ${CLASSIC}, which only has softDeleteEnabled true/false; set softDelete: Enabled or Disabled, or use provider native (got AlwaysOn)`,
    });
  }
  if (v.softDelete !== "Disabled" && v.softDeleteRetentionDays !== SOFT_DELETE_DEFAULT_RETENTION_DAYS) {
    issues.push({
      path: "vault.softDeleteRetentionDays",
      message: `cannot be set with ${CLASSIC}, which always leaves Azure's default of ${SOFT_DELETE_DEFAULT_RETENTION_DAYS} days; remove it or use provider native (got ${v.softDeleteRetentionDays})`,
    });
  }
  for (const [name, policy] of Object.entries(config.policies)) {
    if (policy.tiering?.mode === "DoNotTier") {
      issues.push({
        path: joinPath("policies", name, "tiering", "mode"),
        message: `DoNotTier cannot be expressed with ${CLASSIC}, which only has TierAfter and TierRecommended; remove tiering or use provider native (got DoNotTier)`,
      });
    }
  }
  return issues;
}
