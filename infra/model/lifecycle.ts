import type { ConfigIssue } from "../config/configError";
import { joinPath } from "../config/configError";
import type { ProtectionSetting, VaultConfig, VmConfig } from "../config/configSchema";

/** The protected item's `protectionState` as the API spells it (azure-backup-service.md: Protected VM). */
export type ProtectionState = "Protected" | "ProtectionStopped" | "BackupsSuspended";

const STATES: Readonly<Record<ProtectionSetting, ProtectionState>> = {
  Protected: "Protected",
  Stopped: "ProtectionStopped",
  Suspended: "BackupsSuspended",
};

/** `Stopped` -> `ProtectionStopped`, `Suspended` -> `BackupsSuspended`. */
export function toProtectionState(setting: ProtectionSetting): ProtectionState {
  return STATES[setting];
}

/** The configuration's word for a `protectionState` the API names: `ProtectionStopped` -> `Stopped`; anything else as found. */
export function protectionSettingOf(state: unknown): unknown {
  return (Object.keys(STATES) as ProtectionSetting[]).find((k) => STATES[k] === state) ?? state;
}

/**
 * Whether the item stays bound to its policy. `ProtectionStopped` ("stop protection and retain
 * data") keeps every recovery point with no policy, so no policyId is sent; `BackupsSuspended`
 * keeps points under the policy's retention, so the policy stays.
 */
export function keepsPolicy(state: ProtectionState): boolean {
  return state !== "ProtectionStopped";
}

/** Lifecycle rules that need no look-up: Suspended needs an immutable vault (azure-backup-service.md: Protected VM). */
export function validateProtection(vms: ReadonlyArray<{ index: number; vm: VmConfig }>, vault: VaultConfig | undefined): ConfigIssue[] {
  if (!vault || vault.immutability !== "Disabled") return [];
  return vms
    .filter(({ vm }) => vm.protection === "Suspended")
    .map(({ index }) => ({
      path: joinPath("vms", index, "protection"),
      message: "Suspended needs an immutable vault (vault.immutability Unlocked or Locked; got Disabled); use Stopped to stop backups and keep the recovery points",
    }));
}
