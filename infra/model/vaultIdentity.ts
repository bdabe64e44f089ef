import type { VaultConfig } from "../config/configSchema";

/** The vault's managed identities: a system-assigned one, user-assigned ones, or both. */
export interface VaultIdentity {
  readonly systemAssigned: boolean;
  readonly userAssigned: readonly string[];
}

/**
 * The identities the vault gets: as configured, or else the one customer-managed encryption needs (its
 * user-assigned identity, or the system-assigned one). Both provider adapters write this; neither decides it.
 */
export function vaultIdentity(vault: Pick<VaultConfig, "identity" | "encryption">): VaultIdentity | undefined {
  if (vault.identity) return { systemAssigned: vault.identity.systemAssigned, userAssigned: vault.identity.userAssigned ?? [] };
  const cmk = vault.encryption;
  if (!cmk) return undefined;
  return cmk.userAssignedIdentityId ? { systemAssigned: false, userAssigned: [cmk.userAssignedIdentityId] } : { systemAssigned: true, userAssigned: [] };
}

/** Azure's `identity.type` for a set of identities. */
export function identityType(identity: VaultIdentity): "SystemAssigned" | "UserAssigned" | "SystemAssigned, UserAssigned" {
  if (!identity.systemAssigned) return "UserAssigned";
  return identity.userAssigned.length > 0 ? "SystemAssigned, UserAssigned" : "SystemAssigned";
}

/** The `identity` setting for identities Azure receives (stated even when the encryption implied them). */
export function identitySetting(identity: VaultIdentity | undefined): VaultConfig["identity"] {
  if (!identity) return undefined;
  return { systemAssigned: identity.systemAssigned, ...(identity.userAssigned.length > 0 && { userAssigned: [...identity.userAssigned] }) };
}
