import type { ScriptsConfig } from "../config/configSchema";
import { SCRIPT_PLUGIN_CONFIG_PATH, SCRIPT_PLUGIN_NAME } from "../azure/azureLimits";
import { RUN_COMMAND_TIMEOUT_SECONDS, type RunCommandModel } from "./runCommand";

export const SCRIPT_PLUGIN_RUN_COMMAND_NAME = "azure-vm-backup-snapshot-scripts";
/** The protected parameter (an environment variable of the script) carrying the settings when they hold script parameters. */
export const SCRIPT_PLUGIN_CONFIG_PARAMETER = "AZURE_VM_BACKUP_PLUGIN_CONFIG";
/** What plan views show for a script parameter. */
export const SECRET_PARAM = "[secret]";

/**
 * /etc/azure/VMSnapshotScriptPluginConfig.json exactly as the VMSnapshotLinux extension reads it
 * (MicrosoftAzureBackup/VMSnapshotPluginConfig template): same keys, same order, same spelling,
 * including the capitalised `ScriptsExecutionPollTimeSeconds`.
 */
export interface ScriptPluginConfig {
  readonly pluginName: typeof SCRIPT_PLUGIN_NAME;
  readonly preScriptLocation: string;
  readonly postScriptLocation: string;
  readonly preScriptParams: readonly string[];
  readonly postScriptParams: readonly string[];
  readonly preScriptNoOfRetries: number;
  readonly postScriptNoOfRetries: number;
  readonly timeoutInSeconds: number;
  readonly continueBackupOnFailure: boolean;
  readonly fsFreezeEnabled: boolean;
  readonly ScriptsExecutionPollTimeSeconds: number;
}

export interface ScriptPluginModel {
  readonly configPath: string;
  readonly config: ScriptPluginConfig;
  /** The file's exact content. */
  readonly json: string;
  readonly runCommand: RunCommandModel;
}

export function toScriptPluginConfig(scripts: ScriptsConfig): ScriptPluginConfig {
  return {
    pluginName: SCRIPT_PLUGIN_NAME,
    preScriptLocation: scripts.preScript,
    postScriptLocation: scripts.postScript,
    preScriptParams: scripts.preScriptParams,
    postScriptParams: scripts.postScriptParams,
    preScriptNoOfRetries: scripts.preScriptRetries,
    postScriptNoOfRetries: scripts.postScriptRetries,
    timeoutInSeconds: scripts.timeoutSeconds,
    continueBackupOnFailure: scripts.continueBackupOnFailure,
    fsFreezeEnabled: scripts.fsFreeze,
    ScriptsExecutionPollTimeSeconds: scripts.pollSeconds,
  };
}

export function scriptPluginJson(config: ScriptPluginConfig): string {
  return `${JSON.stringify(config, null, 4)}\n`;
}

/**
 * The bash the run command executes. It refuses to write the file unless both scripts exist,
 * are owned by root and have mode 700, because the extension silently skips scripts otherwise and
 * the backups would quietly be only file-system consistent. The JSON travels base64-encoded so no
 * parameter value can break the shell. The file is written beside the target and moved into place
 * with mode 600 and root ownership, which the extension also requires.
 */
export function scriptPluginScript(config: ScriptPluginConfig, json: string, fromParameter = false): string {
  // With script parameters the settings come from the protected parameter; the script only carries
  // them with each parameter value replaced by [secret], so plan views can still show the rest.
  const source = fromParameter ? `"\${${SCRIPT_PLUGIN_CONFIG_PARAMETER}:?the protected parameter ${SCRIPT_PLUGIN_CONFIG_PARAMETER} is missing}"` : `'${Buffer.from(json, "utf8").toString("base64")}'`;
  return [
    "#!/bin/bash",
    ...(fromParameter ? [`# azure-vm-backup: settings with script parameters redacted: ${Buffer.from(scriptPluginJson(redactParams(config)), "utf8").toString("base64")}`] : []),
    "# azure-vm-backup: app-consistent snapshot scripts for Azure Backup (VMSnapshotLinux script plug-in).",
    "set -euo pipefail",
    "check_script() {",
    '  local role="$1" path="$2" owner mode',
    '  if [ ! -f "$path" ]; then',
    '    echo "azure-vm-backup: the ${role} ${path} does not exist; create it owned by root with mode 700" >&2',
    "    exit 1",
    "  fi",
    // -L: the existence test above follows a symlink, so the owner and mode checked are the target's too.
    '  owner="$(stat -L -c %U "$path")"',
    '  mode="$(stat -L -c %a "$path")"',
    '  if [ "$owner" != "root" ] || [ "$mode" != "700" ]; then',
    '    echo "azure-vm-backup: the ${role} ${path} must be owned by root with mode 700 (found owner ${owner}, mode ${mode}); Azure Backup skips it otherwise" >&2',
    "    exit 1",
    "  fi",
    "}",
    `check_script pre-script '${config.preScriptLocation}'`,
    `check_script post-script '${config.postScriptLocation}'`,
    "mkdir -p /etc/azure",
    'tmp="$(mktemp /etc/azure/.VMSnapshotScriptPluginConfig.XXXXXX)"',
    // A failure below (base64, chown, chmod) must not leave the half-written file behind.
    `trap 'rm -f "$tmp"' EXIT`,
    `printf '%s' ${source} | base64 -d > "$tmp"`,
    'chown root:root "$tmp"',
    'chmod 600 "$tmp"',
    `mv -f "$tmp" ${SCRIPT_PLUGIN_CONFIG_PATH}`,
    `echo "azure-vm-backup: wrote ${SCRIPT_PLUGIN_CONFIG_PATH}"`,
  ].join("\n");
}

const redactParams = (config: ScriptPluginConfig): ScriptPluginConfig => ({
  ...config,
  preScriptParams: config.preScriptParams.map(() => SECRET_PARAM),
  postScriptParams: config.postScriptParams.map(() => SECRET_PARAM),
});

/**
 * The Linux script plug-in settings and the run command that writes them. Script parameters often
 * carry database names and credentials: when there are any, the settings travel in a protected
 * parameter (never returned by Azure, a Pulumi secret) instead of the script, which anyone who can
 * read the VM can read back. Without parameters the script carries the settings as before.
 */
export function toScriptPluginModel(scripts: ScriptsConfig): ScriptPluginModel {
  const config = toScriptPluginConfig(scripts);
  const json = scriptPluginJson(config);
  const secret = config.preScriptParams.length > 0 || config.postScriptParams.length > 0;
  return {
    configPath: SCRIPT_PLUGIN_CONFIG_PATH,
    config,
    json,
    runCommand: {
      name: SCRIPT_PLUGIN_RUN_COMMAND_NAME,
      os: "Linux",
      script: scriptPluginScript(config, json, secret),
      timeoutInSeconds: RUN_COMMAND_TIMEOUT_SECONDS,
      treatFailureAsDeploymentFailure: true,
      ...(secret && { protectedParameters: [{ name: SCRIPT_PLUGIN_CONFIG_PARAMETER, value: Buffer.from(json, "utf8").toString("base64") }] }),
    },
  };
}

/** Reads the JSON back out of a run command script written by scriptPluginScript (for plan views and tests). */
export function decodeScriptPluginJson(script: string): string | undefined {
  const m = /printf '%s' '([A-Za-z0-9+/=]+)' \| base64 -d/.exec(script) ?? /^# azure-vm-backup: settings with script parameters redacted: ([A-Za-z0-9+/=]+)$/m.exec(script);
  return m ? Buffer.from(m[1]!, "base64").toString("utf8") : undefined;
}
