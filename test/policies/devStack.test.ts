import { describe, expect, it } from "vitest";
import { reconcilePolicyConfig } from "../../infra/offline/review/policyConfig";
import { hasMandatoryViolation, reviewPlan, reviewResourcesFromRun } from "../../infra/offline/review/policyHarness";
import { loadPolicyPack } from "../../infra/offline/review/policyPack";
import { planStack } from "../../infra/offline/engine/planStack";
import { classicStackScenario, nativeStackScenario } from "../fixtures/reviewFixtures";

const pack = loadPolicyPack();

/** Resources (or 1 for the stack) each policy ran on for the dev plan. */
const CHECKED = {
  "recoveryservices-vault-enable-soft-delete": 1,
  "recoveryservices-vault-enable-immutability": 1,
  "recoveryservices-vault-disallow-public-network-access": 1,
  "recoveryservices-vault-missing-private-endpoint": 1,
  "recoveryservices-vault-enable-customer-managed-key": 1,
  // no customer-managed key: double encryption does not apply
  "recoveryservices-vault-enable-infrastructure-encryption": 0,
  "recoveryservices-vault-missing-resource-guard": 1,
  "recoveryservices-vault-configure-allowed-redundancy": 1,
  "recoveryservices-vault-enable-cross-region-restore": 1,
  "recoveryservices-vault-disable-cross-subscription-restore": 1,
  "recoveryservices-vault-enable-job-failure-alerts": 1,
  "recoveryservices-vault-missing-diagnostic-settings": 1,
  "recoveryservices-vault-enable-managed-identity": 1,
  // the vault and its seven protected items
  "recoveryservices-vault-enforce-deletion-protection": 8,
  "recoveryservices-vault-enforce-valid-name": 1,
  "recoveryservices-vault-missing-protected-items": 1,
  "recoveryservices-backuppolicy-enforce-service-rules": 4,
  "recoveryservices-backuppolicy-configure-minimum-retention": 4,
  // off until configured
  "recoveryservices-backuppolicy-configure-instant-restore-days": 0,
  "recoveryservices-backuppolicy-configure-time-zone": 4,
  "recoveryservices-backuppolicy-configure-off-peak-window": 0,
  "recoveryservices-vault-configure-maximum-items": 1,
  // the dev stack's VMs live outside it: nothing to protect or bind, no VM settings to read; its
  // declared snapshot extensions are checked for the publisher and settings (their OS match needs the VM)
  "compute-virtualmachine-missing-backup": 0,
  "recoveryservices-protecteditem-enforce-same-vault-policy": 1,
  // the items' VM IDs and the vault's ID name their subscriptions
  "recoveryservices-protecteditem-enforce-same-region": 1,
  "compute-virtualmachine-enforce-single-vault": 1,
  "recoveryservices-protecteditem-enforce-enhanced-policy": 0,
  "recoveryservices-protecteditem-enforce-service-rules": 1,
  "compute-vmextension-enforce-snapshot-os-type": 1,
  "compute-virtualmachine-enable-extension-operations": 0,
  "compute-virtualmachine-enable-vm-agent": 0,
  "compute-vmextension-enforce-service-managed-settings": 2,
  "recoveryservices-backuppolicy-disallow-instant-restore-lock": 0,
};
const review = (resources: Parameters<typeof reviewPlan>[0], config = reconcilePolicyConfig(pack.policies)) =>
  reviewPlan(resources, { packName: pack.name, packVersion: pack.version, policies: pack.policies, config });

describe("the bundled dev stack and the pack", () => {
  it("passes every mandatory policy; the findings are the vault's advisories the dev configuration does not take up", async () => {
    const planned = await planStack({ stack: "dev" });
    const result = await review(reviewResourcesFromRun(planned.resources));
    expect(hasMandatoryViolation(result)).toBe(false);
    const vault = "urn:pulumi:dev::azure-vm-backup::azure-vm-backup:vault:BackupVault$azure-native:recoveryservices:Vault::rsv-backup-dev-vault";
    // Platform-managed keys (so no identity either), no private endpoint, Resource Guard or diagnostic setting in the
    // stack, and cross-subscription restore left at the service default: advisories the configuration cannot (yet) set.
    expect(result.violations.map((v) => [v.enforcementLevel, v.policyName, v.urn])).toEqual([
      ["advisory", "recoveryservices-vault-disable-cross-subscription-restore", vault],
      ["advisory", "recoveryservices-vault-enable-customer-managed-key", vault],
      ["advisory", "recoveryservices-vault-enable-managed-identity", vault],
      ["advisory", "recoveryservices-vault-missing-diagnostic-settings", vault],
      ["advisory", "recoveryservices-vault-missing-private-endpoint", vault],
      ["advisory", "recoveryservices-vault-missing-resource-guard", vault],
    ]);
    expect(Object.fromEntries(result.evaluations.map((e) => [e.policyName, e.checked]))).toEqual(CHECKED);

    // The code's own defaults (policy evaluated with no configuration, as a direct call gets) agree
    // with the schema defaults the CLI applies.
    const withoutConfig = await reviewPlan(reviewResourcesFromRun(planned.resources), { packName: pack.name, packVersion: pack.version, policies: pack.policies });
    expect(withoutConfig.violations).toEqual(result.violations);
  });

  it("applies code and schema defaults identically on the failing scenarios too", async () => {
    for (const scenario of [nativeStackScenario(), classicStackScenario()]) {
      const withSchemaDefaults = await review(scenario);
      const withCodeDefaults = await reviewPlan(scenario, { packName: pack.name, packVersion: pack.version, policies: pack.policies });
      expect(withCodeDefaults.violations).toEqual(withSchemaDefaults.violations);
      expect(hasMandatoryViolation(withSchemaDefaults)).toBe(true);
    }
  });

  it("disables and demotes policies through the configuration", async () => {
    const scenario = nativeStackScenario();
    const config = reconcilePolicyConfig(pack.policies, {
      "compute-virtualmachine-missing-backup": "disabled",
      "recoveryservices-protecteditem-enforce-enhanced-policy": "advisory",
      "compute-vmextension-enforce-snapshot-os-type": { enforcementLevel: "remediate" },
    });
    const result = await review(scenario, config);
    expect(result.violations.filter((v) => v.policyName === "compute-virtualmachine-missing-backup")).toEqual([]);
    expect(result.violations.find((v) => v.policyName === "recoveryservices-protecteditem-enforce-enhanced-policy")!.enforcementLevel).toBe("advisory");
    // remediate has no remediation here: the engine reports the violation as mandatory.
    expect(result.violations.find((v) => v.policyName === "compute-vmextension-enforce-snapshot-os-type")!.enforcementLevel).toBe("mandatory");
    expect(result.evaluations.find((e) => e.policyName === "compute-virtualmachine-missing-backup")!.enforcementLevel).toBe("disabled");
  });
});
