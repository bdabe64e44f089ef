import type { PolicySettings, VaultSettings } from "./args";

/*
 * Neutral, valid sections for the keys a building block does not take, so it is checked by the
 * stack's loadConfig like a whole configuration (only the issues under its own keys are kept).
 */

export function standInVault(location: string | undefined): VaultSettings {
  return { name: "stand-in", resourceGroupName: "stand-in", location: location ?? "westeurope" };
}

export const STAND_IN_POLICY: PolicySettings = { schedule: { frequency: "Daily", time: "22:00" }, retention: { daily: 30 } };

export function standInPolicies(names: readonly string[]): { [name: string]: PolicySettings } {
  return Object.fromEntries((names.length > 0 ? names : ["stand-in"]).map((n) => [n, STAND_IN_POLICY]));
}
