import { describe, expect, it } from "vitest";
import { scriptsSchema } from "../../infra/config/configSchema";
import { decodeScriptPluginJson, toScriptPluginModel } from "../../infra/model/scriptPlugin";

const full = scriptsSchema.parse({
  preScript: "/opt/backup/pre.sh",
  postScript: "/opt/backup/post.sh",
  preScriptParams: ["db1", "--quiesce"],
  postScriptParams: ["db1"],
  preScriptRetries: 2,
  postScriptRetries: 1,
  timeoutSeconds: 600,
  continueBackupOnFailure: false,
  fsFreeze: false,
  pollSeconds: 5,
});

describe("toScriptPluginModel", () => {
  it("writes exactly the documented VMSnapshotScriptPluginConfig.json format", () => {
    expect(toScriptPluginModel(full).json).toBe(`{
    "pluginName": "ScriptRunner",
    "preScriptLocation": "/opt/backup/pre.sh",
    "postScriptLocation": "/opt/backup/post.sh",
    "preScriptParams": [
        "db1",
        "--quiesce"
    ],
    "postScriptParams": [
        "db1"
    ],
    "preScriptNoOfRetries": 2,
    "postScriptNoOfRetries": 1,
    "timeoutInSeconds": 600,
    "continueBackupOnFailure": false,
    "fsFreezeEnabled": false,
    "ScriptsExecutionPollTimeSeconds": 5
}
`);
  });

  it("applies the template's defaults: no params, no retries, 30 s timeout, continue on failure, fsfreeze, 3 s poll", () => {
    const model = toScriptPluginModel(scriptsSchema.parse({ preScript: "/p", postScript: "/q" }));
    expect(model.config).toEqual({
      pluginName: "ScriptRunner", preScriptLocation: "/p", postScriptLocation: "/q", preScriptParams: [], postScriptParams: [],
      preScriptNoOfRetries: 0, postScriptNoOfRetries: 0, timeoutInSeconds: 30, continueBackupOnFailure: true, fsFreezeEnabled: true,
      ScriptsExecutionPollTimeSeconds: 3,
    });
    expect(model.configPath).toBe("/etc/azure/VMSnapshotScriptPluginConfig.json");
  });

  it("writes the file through a run command that checks the scripts and sets mode 600, owner root", () => {
    const { runCommand, json } = toScriptPluginModel(full);
    expect(runCommand).toMatchObject({ name: "azure-vm-backup-snapshot-scripts", os: "Linux", timeoutInSeconds: 300, treatFailureAsDeploymentFailure: true });
    const lines = runCommand.script.split("\n");
    expect(lines).toContain("check_script pre-script '/opt/backup/pre.sh'");
    expect(lines).toContain("check_script post-script '/opt/backup/post.sh'");
    expect(lines).toContain('  if [ "$owner" != "root" ] || [ "$mode" != "700" ]; then');
    expect(lines).toContain('chown root:root "$tmp"');
    expect(lines).toContain('chmod 600 "$tmp"');
    expect(lines).toContain('mv -f "$tmp" /etc/azure/VMSnapshotScriptPluginConfig.json');
    // The checks run before the file is written: a bad script stops the run command with its message.
    expect(lines.indexOf("check_script post-script '/opt/backup/post.sh'")).toBeLessThan(lines.findIndex((l) => l.includes("base64 -d")));
    expect(runCommand.script).toContain("must be owned by root with mode 700 (found owner ${owner}, mode ${mode})");
    // `full` has script parameters: they reach the VM only through the protected parameter.
    expect(runCommand.protectedParameters).toEqual([{ name: "AZURE_VM_BACKUP_PLUGIN_CONFIG", value: Buffer.from(json, "utf8").toString("base64") }]);
    expect(runCommand.script).toContain('printf \'%s\' "${AZURE_VM_BACKUP_PLUGIN_CONFIG:?the protected parameter AZURE_VM_BACKUP_PLUGIN_CONFIG is missing}" | base64 -d > "$tmp"');
    const shown = JSON.parse(decodeScriptPluginJson(runCommand.script)!) as { preScriptParams: string[]; postScriptParams: string[] };
    expect(shown).toEqual({ ...JSON.parse(json), preScriptParams: full.preScriptParams.map(() => "[secret]"), postScriptParams: full.postScriptParams.map(() => "[secret]") });
    for (const p of [...full.preScriptParams, ...full.postScriptParams]) expect(runCommand.script).not.toContain(p);
  });

  it("without script parameters the script carries the settings itself, as in 0.1", () => {
    const { runCommand, json } = toScriptPluginModel({ ...full, preScriptParams: [], postScriptParams: [] });
    expect(runCommand.protectedParameters).toBeUndefined();
    expect(decodeScriptPluginJson(runCommand.script)).toBe(json);
  });
});
