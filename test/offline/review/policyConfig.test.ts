import { describe, expect, it } from "vitest";
import { ConfigError, formatIssue } from "../../../infra/config/configError";
import { reconcilePolicyConfig } from "../../../infra/offline/review/policyConfig";
import { policies } from "../../../policies/policies";

const reconcile = (raw: unknown) => reconcilePolicyConfig(policies, raw);
const problems = (raw: unknown): string[] => {
  try {
    reconcile(raw);
  } catch (err) {
    if (err instanceof ConfigError) return err.issues.map(formatIssue);
    throw err;
  }
  return [];
};

describe("reconcilePolicyConfig (the CLI's --policy-pack-config semantics)", () => {
  it("gives every policy its own level and its schema defaults when nothing is configured", () => {
    const config = reconcile(undefined);
    expect(config["recoveryservices-vault-enable-soft-delete"]).toEqual({ enforcementLevel: "mandatory", properties: { requireAlwaysOn: false, minimumRetentionDays: 14 } });
    expect(config["recoveryservices-vault-enable-customer-managed-key"]).toEqual({ enforcementLevel: "advisory", properties: {} });
    expect(config["recoveryservices-backuppolicy-configure-minimum-retention"]!.properties).toEqual({ minimumDailyDays: 7, minimumWeeklyWeeks: 0, minimumMonthlyMonths: 0, minimumYearlyYears: 0 });
  });

  it("applies all, then per-policy levels (string or object) and properties on top of the defaults", () => {
    const config = reconcile({
      all: "advisory",
      "recoveryservices-vault-disallow-public-network-access": "mandatory",
      "recoveryservices-backuppolicy-configure-minimum-retention": { enforcementLevel: "disabled", minimumDailyDays: 30 },
      "recoveryservices-vault-enable-immutability": { requireLocked: true },
    });
    expect(config["recoveryservices-vault-enable-soft-delete"]!.enforcementLevel).toBe("advisory");
    expect(config["recoveryservices-vault-disallow-public-network-access"]!.enforcementLevel).toBe("mandatory");
    expect(config["recoveryservices-backuppolicy-configure-minimum-retention"]).toEqual({
      enforcementLevel: "disabled",
      properties: { minimumDailyDays: 30, minimumWeeklyWeeks: 0, minimumMonthlyMonths: 0, minimumYearlyYears: 0 },
    });
    expect(config["recoveryservices-vault-enable-immutability"]).toEqual({ enforcementLevel: "advisory", properties: { requireLocked: true } });
  });

  it("lists every problem at once: levels, unknown policies and settings, schema violations", () => {
    expect(
      problems({
        all: "strict",
        "recoveryservices-vault-enable-soft-delete": { minimumRetentionDays: 7, requireAlwaysOn: "yes" },
        "recoveryservices-vault-configure-allowed-redundancy": { allowed: ["GRS"] },
        "recoveryservices-vault-disallow-public-network-access": { enforcementLevel: "warn", allowed: true },
        "vault-soft-delete": "mandatory",
      }),
    ).toEqual([
      'all: must be one of advisory, mandatory, remediate, disabled (got "strict")',
      'recoveryservices-vault-configure-allowed-redundancy.allowed[0]: must be equal to one of the allowed values: GeoRedundant, ZoneRedundant, LocallyRedundant (got "GRS")',
      'recoveryservices-vault-disallow-public-network-access.allowed: this policy takes only enforcementLevel',
      'recoveryservices-vault-disallow-public-network-access.enforcementLevel: must be one of advisory, mandatory, remediate, disabled (got "warn")',
      "recoveryservices-vault-enable-soft-delete.minimumRetentionDays: must be >= 14 (got 7)",
      'recoveryservices-vault-enable-soft-delete.requireAlwaysOn: must be boolean (got "yes")',
      expect.stringMatching(/^vault-soft-delete: is not a policy of this pack; policies: all, recoveryservices-vault-enable-soft-delete, recoveryservices-vault-enable-immutability, /),
    ]);
  });

  it("rejects a document that is not an object", () => {
    expect(problems(["mandatory"])).toEqual(['must be a JSON object mapping policy names (or "all") to an enforcement level or an object (got ["mandatory"])']);
  });
});
