import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { scriptsSchema } from "../../infra/config/configSchema";
import { scriptPluginJson, scriptPluginScript, toScriptPluginConfig } from "../../infra/model/scriptPlugin";

const pluginConfig = (preScript: string, postScript: string) => toScriptPluginConfig(scriptsSchema.parse({ preScript, postScript }));

/**
 * Runs the real script plug-in set-up script with bash, in a scratch folder standing in for /etc/azure,
 * so its checks are proven by behaviour, not by reading its text. Root is needed for chown (CI runs as
 * root); elsewhere the test is skipped.
 */
const asRoot = typeof process.getuid === "function" && process.getuid() === 0;

function scratch() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "avb-plugin-"));
  const etc = path.join(dir, "etc-azure");
  const script = (name: string, mode: number) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, "#!/bin/sh\nexit 0\n");
    fs.chmodSync(file, mode);
    return file;
  };
  return { dir, etc, script };
}

function run(scriptText: string, etc: string) {
  const text = scriptText.split("/etc/azure").join(etc);
  return spawnSync("bash", ["-c", text], { encoding: "utf8" });
}

describe.runIf(asRoot)("the script plug-in set-up script, run", () => {
  it("accepts scripts reached through a symlink when the target is root-owned with mode 700, and writes the settings file with mode 600", () => {
    const { dir, etc, script } = scratch();
    const pre = script("pre.sh", 0o700);
    const link = path.join(dir, "pre-link.sh");
    fs.symlinkSync(pre, link);
    const post = script("post.sh", 0o700);
    const config = pluginConfig(link, post);
    const r = run(scriptPluginScript(config, scriptPluginJson(config)), etc);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const written = path.join(etc, "VMSnapshotScriptPluginConfig.json");
    expect(fs.statSync(written).mode & 0o777).toBe(0o600);
    expect(JSON.parse(fs.readFileSync(written, "utf8")).preScriptLocation).toBe(link);
  });

  it("refuses a script whose target has the wrong mode, even through a symlink", () => {
    const { dir, etc, script } = scratch();
    const pre = script("pre.sh", 0o755);
    const link = path.join(dir, "pre-link.sh");
    fs.symlinkSync(pre, link);
    const config = pluginConfig(link, script("post.sh", 0o700));
    const r = run(scriptPluginScript(config, scriptPluginJson(config)), etc);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("must be owned by root with mode 700 (found owner root, mode 755)");
  });

  it("leaves no temporary file behind when a step fails", () => {
    const { etc, script } = scratch();
    const config = pluginConfig(script("pre.sh", 0o700), script("post.sh", 0o700));
    // Settings that are not base64 make the decode step fail after the temporary file exists.
    const broken = scriptPluginScript(config, scriptPluginJson(config)).replace(/printf '%s' '[^']*'/, "printf '%s' '!!not base64!!'");
    const r = run(broken, etc);
    expect(r.status).not.toBe(0);
    expect(fs.readdirSync(etc)).toEqual([]);
  });
});
