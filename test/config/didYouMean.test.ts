import { describe, expect, it } from "vitest";
import { ConfigError } from "../../infra/config/configError";
import { nearest } from "../../infra/config/didYouMean";
import { loadConfig } from "../../infra/validate/loadConfig";
import { baseFixture, toRaw } from "../fixtures/stackConfig";

function messages(raw: Record<string, string>): string[] {
  try {
    loadConfig(raw);
    return [];
  } catch (err) {
    if (err instanceof ConfigError) return err.issues.map((i) => `${i.path}: ${i.message}`);
    throw err;
  }
}

describe("did you mean", () => {
  it("suggests the nearest allowed name for a likely typo, and nothing for a stranger", () => {
    expect(nearest("retension", ["tier", "schedule", "retention", "tiering"])).toBe("retention");
    expect(nearest("Retention", ["retention"])).toBe("retention");
    expect(nearest("colour", ["tier", "schedule", "retention"])).toBeUndefined();
  });

  it("an unknown key in a policy names its near match", () => {
    const f = baseFixture();
    f.policies["daily-standard"].retension = { daily: 30 };
    expect(messages(toRaw(f))).toContainEqual(expect.stringMatching(/^policies\.daily-standard: unknown key "retension" \(did you mean "retention"\?\); allowed keys: /));
  });

  it("a namespace typo is an error, not a key ignored in silence", () => {
    const f = baseFixture();
    const raw = { ...toRaw(f), "azure-vm-backups:vmDefaults": JSON.stringify({ extension: "declare" }) };
    expect(messages(raw)).toEqual(['azure-vm-backups:vmDefaults: unknown configuration namespace "azure-vm-backups" (did you mean "azure-vm-backup:vmDefaults"?)']);
    // Other providers' keys are none of our business.
    expect(messages({ ...toRaw(f), "azure-native:location": "westeurope", "pulumi:tags": "{}" })).toEqual([]);
  });
});
