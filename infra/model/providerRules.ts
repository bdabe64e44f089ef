import { isKnownRegion, nearestRegion } from "../azure/azureRegions";
import type { ConfigIssue } from "../config/configError";
import { quote } from "../config/quote";
import { SECRET_CANNOT_SERVE, SECRET_VALUE_PLACEHOLDER } from "../config/secretValue";

/**
 * Rules on the provider keys a stack sets next to its own (`azure-native:location`,
 * `azure-native:subscriptionId`, or the classic `azure:` ones).
 */
export function validateProviderSettings(raw: Readonly<Record<string, string | undefined>>, vaultLocation?: string): { issues: ConfigIssue[]; warnings: ConfigIssue[] } {
  const issues: ConfigIssue[] = [];
  const warnings: ConfigIssue[] = [];
  for (const key of ["azure-native:subscriptionId", "azure:subscriptionId"]) {
    const value = raw[key];
    if (value === undefined) continue;
    if (value === SECRET_VALUE_PLACEHOLDER) issues.push({ path: key, message: SECRET_CANNOT_SERVE });
    else if (/^\s*[[{]/.test(value)) issues.push({ path: key, message: "must be a subscription GUID, not a mapping or list" });
    // A YAML null reaches the program as "null"; either way Azure gets no subscription to deploy to.
    if (value.trim() === "" || value.trim() === "null") issues.push({ path: key, message: "must be a subscription GUID when set (got an empty value); remove the key to use the logged-in subscription" });
  }
  const locations: Array<[string, string | undefined]> = [["vault.location", vaultLocation], ["azure-native:location", raw["azure-native:location"]], ["azure:location", raw["azure:location"]]];
  for (const [path, location] of locations) {
    if (location === undefined) continue;
    if (location === SECRET_VALUE_PLACEHOLDER) {
      // vault.location's placeholder is reported with the rest of the stack's own keys.
      if (path !== "vault.location") issues.push({ path, message: SECRET_CANNOT_SERVE });
    } else if (/^\s*[[{]/.test(location)) {
      issues.push({ path, message: "must be an Azure region such as westeurope, not a mapping or list" });
    } else if (location.trim() === "" || location.trim() === "null") {
      issues.push({ path, message: "must be an Azure region such as westeurope (got an empty value)" });
    } else if (!isKnownRegion(location)) {
      warnings.push({ path, message: `${quote(location)} is not a known Azure region; the nearest known one is ${nearestRegion(location)} (Azure refuses unknown regions at deployment)` });
    }
  }
  return { issues, warnings };
}
