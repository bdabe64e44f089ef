import type { OsType, VssMode, WindowsReadinessMode } from "../config/configSchema";
import { SCRIPT_PLUGIN_CONFIG_PATH, VSS_REGISTRY_KEY, VSS_REGISTRY_VALUE } from "../azure/azureLimits";
import { IAAS_VM_PROVIDER_SERVICE, VSS_SERVICE, WINDOWS_VC_REDIST } from "../azure/inGuestFacts";
import type { ProtectionState } from "./lifecycle";
import { SCRIPT_PLUGIN_RUN_COMMAND_NAME } from "./scriptPlugin";
import type { SnapshotExtensionModel } from "./snapshotExtension";
import type { PowerState } from "./vmFacts";
import { VSS_RUN_COMMAND_NAME } from "./vssSetting";
import { WINDOWS_READINESS_RUN_COMMAND_NAME } from "./windowsReadiness";

/**
 * When a change happens inside the VM: `deployment` for what this stack declares (applied at
 * `pulumi up`), `firstBackup` for what Azure Backup installs or reconfigures itself at the VM's
 * first backup.
 */
export type InGuestWhen = "deployment" | "firstBackup";

export interface InGuestChange {
  readonly when: InGuestWhen;
  /** What changes, as a change-management notice would say it. */
  readonly change: string;
}

/** Everything that will change inside one VM, this stack's own changes first. */
export interface InGuestChanges {
  readonly changes: readonly InGuestChange[];
  /** Why Azure Backup adds nothing of its own (already protected, crash-consistent only, no backups run); absent when it does. */
  readonly azureBackupAddsNothing?: string;
}

/** What decides the in-guest changes of one VM: its model's VM-side settings and state. */
export interface InGuestInput {
  readonly os?: OsType;
  readonly extension: SnapshotExtensionModel;
  readonly vss?: VssMode;
  readonly scripts: boolean;
  readonly windowsReadiness?: WindowsReadinessMode;
  readonly powerState?: PowerState;
  readonly crashConsistentOnly: boolean;
  readonly protectionState: ProtectionState;
  /**
   * The VM already has backup (a protected item in the vault before this deployment), so Azure
   * Backup's first-backup changes were made long ago and nothing new is installed. Defaults to
   * false: the stack plans every VM as newly protected until the vault's existing items are known.
   */
  readonly alreadyProtected?: boolean;
}

export const WHEN_LABEL: Readonly<Record<InGuestWhen, string>> = {
  deployment: "at this deployment",
  firstBackup: "at the first backup",
};

/** One change as a line: `at the first backup: installs ...`. */
export function describeInGuestChange(change: InGuestChange): string {
  return `${WHEN_LABEL[change.when]}: ${change.change}`;
}

/** This stack's own changes, made by declared resources at `pulumi up`. */
function stackChanges(input: InGuestInput): string[] {
  const out: string[] = [];
  const ext = input.extension;
  if (ext.declared) out.push(`installs the ${ext.type} ${ext.typeHandlerVersion} extension (${ext.publisher}), declared by this stack`);
  if (input.vss === "Copy") {
    out.push(`sets registry value ${VSS_REGISTRY_KEY.replace(":", "")}\\${VSS_REGISTRY_VALUE} = TRUE (REG_SZ, copy-only VSS backups) by run command ${VSS_RUN_COMMAND_NAME}`);
  } else if (input.vss === "Full") {
    out.push(`removes registry value ${VSS_REGISTRY_KEY.replace(":", "")}\\${VSS_REGISTRY_VALUE} (full VSS backups) by run command ${VSS_RUN_COMMAND_NAME}`);
  }
  if (input.windowsReadiness === "check") {
    out.push(`checks the ${VSS_SERVICE.displayName} service and the VM agent by run command ${WINDOWS_READINESS_RUN_COMMAND_NAME} (changes nothing; fails the deployment if VSS is Disabled or the agent is missing)`);
  } else if (input.windowsReadiness === "prepare") {
    out.push(`sets the ${VSS_SERVICE.displayName} (${VSS_SERVICE.name}) service startup type to ${VSS_SERVICE.startupAfter} by run command ${WINDOWS_READINESS_RUN_COMMAND_NAME}`);
  }
  if (input.scripts) {
    out.push(`writes ${SCRIPT_PLUGIN_CONFIG_PATH} (owner root, mode 600) by run command ${SCRIPT_PLUGIN_RUN_COMMAND_NAME}, after checking the pre/post scripts are owned by root with mode 700`);
  }
  return out;
}

/** Why Azure Backup will install nothing new in the VM, if it will not. */
function azureBackupAddsNothing(input: InGuestInput): string | undefined {
  if (input.alreadyProtected) return "already protected: Azure Backup made its changes at the VM's first backup";
  if (input.protectionState !== "Protected") return `protection ${input.protectionState}: no backups run`;
  // Learn "An overview of Azure VM backup": crash-consistent backups need no agent in the VM.
  if (input.crashConsistentOnly) return "crash-consistent-only policy: Azure Backup needs no extension in the VM";
  return undefined;
}

/** What Azure Backup installs or reconfigures at the VM's first backup (Learn "An overview of Azure VM backup"). */
function azureBackupChanges(input: InGuestInput): string[] {
  const out: string[] = [];
  const ext = input.extension;
  if (!ext.declared) {
    const name = ext.type ? `the ${ext.type} extension` : "the snapshot extension for the VM's OS";
    const stopped = input.powerState === "deallocated" || input.powerState === "stopped";
    out.push(`installs ${name} (${ext.publisher})${stopped ? `; the VM is ${input.powerState}, so at the first backup after it starts` : ""}`);
  }
  if (input.os === "Windows") {
    out.push(`installs ${WINDOWS_VC_REDIST.name} ${WINDOWS_VC_REDIST.version}`);
    // prepare already set it at deployment; Azure Backup then finds it Automatic.
    if (input.windowsReadiness !== "prepare") {
      out.push(`changes the ${VSS_SERVICE.displayName} (${VSS_SERVICE.name}) service startup type from ${VSS_SERVICE.startupBefore} to ${VSS_SERVICE.startupAfter}`);
    }
    out.push(`adds the Windows service ${IAAS_VM_PROVIDER_SERVICE}`);
  }
  return out;
}

/**
 * Lists what will change inside one protected VM and when: first what this stack declares (applied
 * at this deployment), then what Azure Backup installs at the first backup. A VM that already has
 * backup, whose protection is stopped or suspended, or whose policy is crash-consistent only gets
 * nothing new from Azure Backup, and the result says why.
 */
export function toInGuestChanges(input: InGuestInput): InGuestChanges {
  const nothing = azureBackupAddsNothing(input);
  return {
    changes: [
      ...stackChanges(input).map((change) => ({ when: "deployment" as const, change })),
      ...(nothing ? [] : azureBackupChanges(input)).map((change) => ({ when: "firstBackup" as const, change })),
    ],
    ...(nothing && { azureBackupAddsNothing: nothing }),
  };
}
