import { describe, expect, it } from "vitest";
import { ConfigError } from "../../infra/config/configError";
import { loadConfig } from "../../infra/validate/loadConfig";
import { baseFixture, toRaw } from "../fixtures/stackConfig";

const warningsOf = (fixture: Parameters<typeof toRaw>[0]) => loadConfig(toRaw(fixture)).warnings.map((w) => `${w.path}: ${w.message}`);

describe("settings that protect nothing are said, not accepted in silence", () => {
  it("an unused policy is a warning naming it", () => {
    const f = baseFixture();
    f.policies["spare"] = { schedule: { frequency: "Daily", time: "23:00" }, retention: { daily: 30 } };
    expect(warningsOf(f)).toContainEqual(expect.stringMatching(/^policies\.spare: is used by no VM and no selector/));
    expect(warningsOf(baseFixture()).filter((w) => w.startsWith("policies."))).toEqual([]);
  });

  it("a policy used only by a selector is used", () => {
    const f = baseFixture();
    f.policies["gold"] = { schedule: { frequency: "Daily", time: "23:00" }, retention: { daily: 30 } };
    f.selectors = [{ tags: { backup: "gold" }, policy: "gold" }];
    expect(warningsOf(f).filter((w) => w.startsWith("policies.gold"))).toEqual([]);
  });

  it("a vault with no VM and no selector is a warning", () => {
    const f = baseFixture();
    f.vms = [];
    expect(warningsOf(f)).toContainEqual("vms: lists no VM and there are no selectors: the vault is created empty and protects nothing");
  });
});

describe("a documentation placeholder is not an ID", () => {
  it("refuses /subscriptions/<sub>/... for the key's identity", () => {
    const f = baseFixture();
    f.vault.encryption = { keyUri: "https://kv.vault.azure.net/keys/k", userAssignedIdentityId: "/subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.ManagedIdentity/userAssignedIdentities/<id>" };
    let issues: readonly string[] = [];
    try {
      loadConfig(toRaw(f));
    } catch (err) {
      if (!(err instanceof ConfigError)) throw err;
      issues = err.issues.map((i) => i.path);
    }
    expect(issues).toContain("vault.encryption.userAssignedIdentityId");
  });
});
