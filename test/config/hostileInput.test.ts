import { describe, expect, it } from "vitest";
import { readConfigText, outcomeOf, stackFile } from "../support/readConfigText";
import { baseFixture, SUB, toRaw, vmId } from "../fixtures/stackConfig";
import { ConfigError } from "../../infra/config/configError";
import { loadConfig } from "../../infra/validate/loadConfig";

/** Each finding of the fuzz run over the reader, decided as Azure decides it. */

const base = () => ({
  "azure-native:location": "westeurope",
  "azure-native:subscriptionId": SUB,
  vault: { name: "rsv-test", resourceGroupName: "rg-backup" } as Record<string, unknown>,
  policies: { "daily-standard": { schedule: { frequency: "Daily", time: "22:00" }, retention: { daily: 30 } } } as Record<string, unknown>,
  vms: [{ id: vmId("rg-app", "vm-web-01"), policy: "daily-standard", os: "Windows" }] as Array<Record<string, unknown>>,
});
const errorOf = (text: string) => {
  const outcome = outcomeOf(text);
  if (outcome.kind !== "config-error") throw new Error(`expected a configuration error, got ${outcome.kind}`);
  return outcome.message;
};

describe("YAML the reader must survive", () => {
  it("an alias bomb is a configuration error, not an exhausted process", () => {
    const bomb = ["config:", "  a: &a [x, x, x, x, x, x, x, x, x]", ...["b", "c", "d", "e", "f", "g"].map((k, i) => `  ${k}: &${k} [${Array(9).fill(`*${"abcdefg"[i]}`).join(", ")}]`)].join("\n");
    expect(errorOf(bomb)).toMatch(/^Cannot parse the stack configuration \(1 problem\):\n {2}- Pulumi\.fuzz\.yaml: cannot be read: Excessive alias count/);
  });

  it("a list or mapping used as a key is a configuration error", () => {
    expect(errorOf("config:\n  ? [a, b]\n  : 1\n")).toContain("With stringKeys, all keys must be strings");
  });

  it("an alias cycle or a document that is not a mapping is a configuration error", () => {
    expect(errorOf("- just\n- a list\n")).toContain("must be a YAML mapping with a config key");
    expect(errorOf("config: &x\n  a: *x\n")).toContain("  - Pulumi.fuzz.yaml: config.a refers to itself (an alias inside its own anchor)");
    expect(errorOf(`config:\n  azure-vm-backup:vms: ${"[".repeat(5000)}${"]".repeat(5000)}\n`)).toContain("Cannot parse the stack configuration");
  });

  it("merge keys share one policy block between several policies", () => {
    const text = [
      "config:",
      "  azure-native:location: westeurope",
      "  azure-vm-backup:vault: { name: rsv-test, resourceGroupName: rg-backup }",
      "  azure-vm-backup:policies:",
      "    standard: &std",
      "      schedule: { frequency: Daily, time: \"22:00\" }",
      "      retention: { daily: 30 }",
      "    longer:",
      "      <<: *std",
      "      retention: { daily: 60 }",
      `  azure-vm-backup:vms: [{ id: ${vmId("rg-app", "vm-web-01")}, policy: longer, os: Linux }]`,
    ].join("\n");
    const { config } = readConfigText(text);
    expect(config.policies.longer).toMatchObject({ schedule: { frequency: "Daily", time: "22:00" }, retention: { daily: 60 } });
  });
});

describe("accepted though Azure refuses them: now refused (or warned) as Azure decides", () => {
  it("an unknown location is a warning naming the nearest known region", () => {
    const { warnings } = readConfigText(stackFile({ ...base(), "azure-native:location": "westeurop" }));
    expect(warnings).toContainEqual({ path: "azure-native:location", message: '"westeurop" is not a known Azure region; the nearest known one is westeurope (Azure refuses unknown regions at deployment)' });
    expect(readConfigText(stackFile({ ...base(), "azure-native:location": "West Europe" })).warnings.filter((w) => w.path.includes("location"))).toEqual([]);
  });

  it.each([
    [{ mode: "TierAfter", after: 3, unit: "Days" }, { monthly: { count: 60, weeks: ["First"], days: ["Sunday"] } }, "must be at least 3 months (90 days, 13 weeks) in all: Azure refuses an earlier move to archive (got 3 Days)"],
    [{ mode: "TierAfter", after: 12, unit: "Months" }, { monthly: { count: 12, weeks: ["First"], days: ["Sunday"] } }, "12 Months plus 6 months is longer than the longest monthly or yearly retention (12 months)"],
    [{ mode: "TierAfter", after: 5, unit: "Years" }, { yearly: { count: 3, months: ["January"], weeks: ["First"], days: ["Sunday"] } }, "5 Years plus 6 months is longer than the longest monthly or yearly retention (36 months)"],
  ])("tiering %j with retention %j is refused", (tiering, retention, message) => {
    const cfg = base();
    cfg.policies = { "tier-archive": { tier: "Enhanced", schedule: { frequency: "Daily", time: "22:00" }, retention: { daily: 30, weekly: { count: 12, days: ["Sunday"] }, ...retention }, tiering } };
    cfg.vms = [{ ...cfg.vms[0], policy: "tier-archive" }];
    expect(errorOf(stackFile(cfg))).toContain(`policies.tier-archive.tiering.after: ${message}`);
  });

  it("tiering after 3 months with 9 months of monthly retention is what Azure accepts", () => {
    const cfg = base();
    cfg.policies = { "tier-archive": { tier: "Enhanced", schedule: { frequency: "Daily", time: "22:00" }, retention: { daily: 30, weekly: { count: 12, days: ["Sunday"] }, monthly: { count: 9, weeks: ["First"], days: ["Sunday"] } }, tiering: { mode: "TierAfter", after: 3, unit: "Months" } } };
    cfg.vms = [{ ...cfg.vms[0], policy: "tier-archive" }];
    expect(outcomeOf(stackFile(cfg)).kind).toBe("plan");
  });

  it("tags beyond Azure's limits are refused, each by path", () => {
    const cfg = base();
    cfg.vault.tags = { ...Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`t${i}`, "v"])), ["n".repeat(513)]: "v", long: "v".repeat(257), "a<b": "v" };
    const message = errorOf(stackFile(cfg));
    expect(message).toContain("  - vault.tags: has 53 tags; Azure allows at most 50 per resource\n");
    expect(message).toMatch(/ {2}- vault\.tags\.n{89}\.\.\. \(524 characters\): tag names must be at most 512 characters \(got 513\)$/m);
    expect(message).toContain("  - vault.tags.long: tag values must be at most 256 characters (got 257)");
    expect(message).toContain('  - vault.tags.a<b: tag names must not contain any of <>%&\\?/ (got "a<b")');
  });

  it.each([[""], [null]])("an empty subscription ID (%j) is refused", (value) => {
    expect(errorOf(stackFile({ ...base(), "azure-native:subscriptionId": value }))).toContain("  - azure-native:subscriptionId: must be a subscription GUID when set (got an empty value); remove the key to use the logged-in subscription");
  });

  it("two policy names differing only in case are refused: Azure would see one policy", () => {
    const cfg = base();
    cfg.policies = { Daily: cfg.policies["daily-standard"], daily: cfg.policies["daily-standard"] };
    cfg.vms = [{ ...cfg.vms[0], policy: "daily" }];
    expect(errorOf(stackFile(cfg))).toContain('  - policies.daily: policy names must differ in more than case: "daily" and "Daily" (Azure compares names case-insensitively, so both would be one Azure policy)');
  });

  it("__proto__ is refused as a key, at the top and nested, by the reader and by loadConfig (config from the Pulumi CLI)", () => {
    const text = ['config:', '  azure-native:location: westeurope', '  azure-vm-backup:__proto__: { protect: false }', '  azure-vm-backup:vault: { name: rsv-test, resourceGroupName: rg-backup, __proto__: { x: 1 } }'].join("\n");
    const message = errorOf(text);
    expect(message).toContain("  - Pulumi.fuzz.yaml: config.azure-vm-backup:vault.__proto__: __proto__ cannot be used as a key: it names no Azure setting and would change how the configuration is read");
    const raw = { ...toRaw(baseFixture()), "azure-vm-backup:__proto__": '{"protect": false}', "azure-vm-backup:policies": '{"__proto__": {"schedule": {"frequency": "Daily", "time": "22:00"}, "retention": {"daily": 30}}}' };
    let error: unknown;
    try {
      loadConfig(raw);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toContain("  - __proto__: __proto__ cannot be used as a key");
    expect((error as Error).message).toContain("  - policies.__proto__: __proto__ cannot be used as a key");
  });
});

describe("refused though valid: now accepted", () => {
  it("resource group names with Unicode letters, for the vault and in VM IDs", () => {
    const cfg = base();
    cfg.vault.resourceGroupName = "rg-żółw";
    cfg.vms = [{ id: vmId("rg-żółw", "vm-web-01"), policy: "daily-standard", os: "Windows" }];
    const { config } = readConfigText(stackFile(cfg));
    expect(config.vaults[0]!.settings.resourceGroupName).toBe("rg-żółw");
  });
});

describe("messages quote at most about 100 characters of a value", () => {
  it("a 10 MB value comes back cut, with its length", () => {
    const cfg = base();
    cfg.vault.name = "x".repeat(10_000_000);
    const message = errorOf(stackFile(cfg));
    expect(message.length).toBeLessThan(600);
    expect(message).toContain(`(got "${"x".repeat(100)}"... (10000000 characters))`);
  });
});
