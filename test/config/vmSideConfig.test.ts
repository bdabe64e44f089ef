import { describe, expect, it } from "vitest";
import { ConfigError } from "../../infra/config/configError";
import { loadConfig } from "../../infra/validate/loadConfig";
import { toRaw, vmSideKeys } from "../fixtures/vmSide";

function issuesOf(keys: Record<string, unknown>): string[] {
  try {
    loadConfig(toRaw(keys));
  } catch (err) {
    if (err instanceof ConfigError) return err.issues.map((i) => `${i.path}: ${i.message}`);
    throw err;
  }
  return [];
}

const withVm = (vm: Record<string, unknown>, extra: Record<string, unknown> = {}) => {
  const keys = vmSideKeys();
  keys.vms[0] = { ...keys.vms[0], ...vm };
  return { ...keys, ...extra };
};
const scripts = (s: Record<string, unknown>) => ({ scripts: { preScript: "/opt/pre.sh", postScript: "/opt/post.sh", ...s } });

describe("loadConfig: VM-side keys", () => {
  it("accepts the agreed surface and applies defaults", () => {
    const { config } = loadConfig(toRaw({
      ...withVm({ protection: "stopped", extension: "DECLARE", vss: "copy" }),
      vmDefaults: { extension: "declare" },
      selectors: [{ tags: { backup: "gold" }, resourceGroups: ["rg-app"], policy: "daily-standard" }],
    }));
    expect(config.vms[0]).toMatchObject({ protection: "Stopped", extension: "declare", vss: "Copy" });
    expect(config.vms[1]).toEqual({ id: config.vms[1]!.id, policy: "daily-standard", protection: "Protected" });
    expect(config.vmDefaults).toEqual({ extension: "declare" });
    expect(config.selectors).toEqual([{ tags: { backup: "gold" }, resourceGroups: ["rg-app"], policy: "daily-standard" }]);
  });

  it("defaults vmDefaults.extension to auto and selectors to none", () => {
    const { config } = loadConfig(toRaw(vmSideKeys()));
    expect(config.vmDefaults).toEqual({ extension: "auto" });
    expect(config.selectors).toEqual([]);
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ["an unknown protection state", withVm({ protection: "Paused" }), ['vms[0].protection: must be one of Protected, Stopped, Suspended (got "Paused")']],
    ["an unknown extension mode", withVm({ extension: "manual" }), ['vms[0].extension: must be one of auto, declare (got "manual")']],
    ["an unknown VSS mode", withVm({ vss: "Incremental" }), ['vms[0].vss: must be one of Full, Copy (got "Incremental")']],
    ["an unknown windowsReadiness mode", withVm({ windowsReadiness: "fix" }), ['vms[0].windowsReadiness: must be one of check, prepare (got "fix")']],
    ["an unknown vmDefaults windowsReadiness", { ...vmSideKeys(), vmDefaults: { windowsReadiness: "enforce" } }, ['vmDefaults.windowsReadiness: must be one of check, prepare (got "enforce")']],
    ["a script timeout of 0", withVm(scripts({ timeoutSeconds: 0 })), ["vms[0].scripts.timeoutSeconds: must be a whole number from 1 to 1800 seconds (got 0)"]],
    ["a script timeout over 1800", withVm(scripts({ timeoutSeconds: 1801 })), ["vms[0].scripts.timeoutSeconds: must be a whole number from 1 to 1800 seconds (got 1801)"]],
    ["a poll interval of 6 s", withVm(scripts({ pollSeconds: 6 })), ["vms[0].scripts.pollSeconds: must be a whole number from 1 to 5 seconds (got 6)"]],
    ["a poll interval of 0 s", withVm(scripts({ pollSeconds: 0 })), ["vms[0].scripts.pollSeconds: must be a whole number from 1 to 5 seconds (got 0)"]],
    ["negative retries", withVm(scripts({ preScriptRetries: -1 })), ["vms[0].scripts.preScriptRetries: must be a whole number from 0 to 10 (got -1)"]],
    ["a relative script path", withVm(scripts({ preScript: "pre.sh" })), ['vms[0].scripts.preScript: must be an absolute path of letters, digits, ., _, +, - and /, e.g. /opt/backup/pre.sh (got "pre.sh")']],
    ["a script path with shell characters", withVm(scripts({ postScript: "/opt/x;rm -rf /" })), ['vms[0].scripts.postScript: must be an absolute path of letters, digits, ., _, +, - and /, e.g. /opt/backup/pre.sh (got "/opt/x;rm -rf /")']],
    ["scripts without a post-script", withVm({ scripts: { preScript: "/opt/pre.sh" } }), ["vms[0].scripts.postScript: is required"]],
    ["non-string script params", withVm(scripts({ preScriptParams: [1] })), ["vms[0].scripts.preScriptParams[0]: must be a string"]],
    ["an unknown scripts key", withVm(scripts({ timeout: 5 })), ['vms[0].scripts: unknown key "timeout"; allowed keys: preScript, postScript, preScriptParams, postScriptParams, preScriptRetries, postScriptRetries, timeoutSeconds, continueBackupOnFailure, fsFreeze, pollSeconds']],
    ["Suspended on a vault without immutability", { ...withVm({ protection: "Suspended" }), vault: { name: "rsv-test", resourceGroupName: "rg-backup", immutability: "Disabled" } },
      ["vms[0].protection: Suspended needs an immutable vault (vault.immutability Unlocked or Locked; got Disabled); use Stopped to stop backups and keep the recovery points"]],
    ["an unknown vmDefaults extension", { ...vmSideKeys(), vmDefaults: { extension: "always" } }, ['vmDefaults.extension: must be one of auto, declare (got "always")']],
    ["an unknown vmDefaults key", { ...vmSideKeys(), vmDefaults: { vss: "Copy" } }, ['vmDefaults: unknown key "vss"; allowed keys: extension, windowsReadiness']],
    ["a selector without tags", { ...vmSideKeys(), selectors: [{ tags: {}, policy: "daily-standard" }] }, ["selectors[0].tags: must name at least one tag"]],
    ["a selector with an unknown policy", { ...vmSideKeys(), selectors: [{ tags: { a: "b" }, policy: "gold" }] }, ['selectors[0].policy: must be one of the configured policies: daily-standard, daily-enhanced (got "gold")']],
    ["a selector with an empty resource group list", { ...vmSideKeys(), selectors: [{ tags: { a: "b" }, resourceGroups: [], policy: "daily-standard" }] },
      ["selectors[0].resourceGroups: must list at least one resource group (omit the key to search the whole subscription)"]],
    ["selectors that are not a list", { ...vmSideKeys(), selectors: { tags: { a: "b" } } }, ["selectors: must be a list of tag selectors"]],
  ])("rejects %s", (_name, keys, expected) => {
    expect(issuesOf(keys)).toEqual(expected);
  });

  it("lists every VM-side problem at once", () => {
    const keys = withVm({ vss: "x", protection: "y" }, { selectors: [{ policy: "nope" }] });
    expect(issuesOf(keys)).toEqual([
      "selectors[0].tags: is required",
      'vms[0].protection: must be one of Protected, Stopped, Suspended (got "y")',
      'vms[0].vss: must be one of Full, Copy (got "x")',
    ]);
  });
});
