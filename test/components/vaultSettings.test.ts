import { describe, expect, it } from "vitest";
import { ConfigError } from "../../infra/config/configError";
import { loadConfig } from "../../infra/validate/loadConfig";
import { baseFixture, toRaw } from "../fixtures/stackConfig";
import { ofType, onlyOfType, runFixture } from "../support/runConfig";

const VAULT = "azure-native:recoveryservices:Vault";
const UAI = "/subscriptions/6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f/resourceGroups/rg-id/providers/Microsoft.ManagedIdentity/userAssignedIdentities/backup";
const GUARD = "/subscriptions/6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f/resourceGroups/rg-guard/providers/Microsoft.DataProtection/resourceGuards/guard";

function issues(vault: Record<string, unknown>, extra: Record<string, unknown> = {}): string[] {
  const fixture = baseFixture();
  try {
    loadConfig(toRaw({ ...fixture, vault: { ...fixture.vault, ...vault }, ...extra }));
  } catch (err) {
    if (err instanceof ConfigError) return err.issues.map((i) => `${i.path}: ${i.message}`);
    throw err;
  }
  return [];
}

describe("vault settings the REST API writes: identities, alerts, cross-subscription restore, source scan, Resource Guard", () => {
  it("renders each into the vault's inputs, and the Resource Guard link as the vault's VaultProxy", async () => {
    const fixture = baseFixture();
    fixture.vault = {
      ...fixture.vault,
      sku: "Standard",
      enhancedSecurity: "AlwaysOn",
      identity: { systemAssigned: true, userAssigned: [UAI] },
      alerts: { azureMonitor: { replicationIssues: false, failoverIssues: true }, classic: { criticalOperations: true, siteRecoveryEmails: false } },
      crossSubscriptionRestore: "PermanentlyDisabled",
      sourceScan: { enabled: false, identity: "UserAssigned", userAssignedIdentityId: UAI },
      resourceGuardId: GUARD,
    };
    const run = await runFixture(fixture);
    const vault = onlyOfType(run, VAULT).inputs as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(vault.sku).toEqual({ name: "Standard" });
    expect(vault.identity).toEqual({ type: "SystemAssigned, UserAssigned", userAssignedIdentities: [UAI] });
    expect(vault.properties.monitoringSettings).toEqual({
      azureMonitorAlertSettings: { alertsForAllJobFailures: "Enabled", alertsForAllReplicationIssues: "Disabled", alertsForAllFailoverIssues: "Enabled" },
      classicAlertSettings: { alertsForCriticalOperations: "Enabled", emailNotificationsForSiteRecovery: "Disabled" },
    });
    expect(vault.properties.restoreSettings).toEqual({ crossSubscriptionRestoreSettings: { crossSubscriptionRestoreState: "PermanentlyDisabled" } });
    expect(vault.properties.securitySettings.softDeleteSettings.enhancedSecurityState).toBe("AlwaysON");
    expect(vault.properties.securitySettings.sourceScanConfiguration).toEqual({ state: "Disabled", sourceScanIdentity: { operationIdentityType: "UserAssigned", userAssignedIdentity: UAI } });
    const proxy = onlyOfType(run, "azure-native:recoveryservices:ResourceGuardProxy");
    expect(proxy.inputs).toEqual({ vaultName: "rsv-test", resourceGroupName: "rg-backup", resourceGuardProxyName: "VaultProxy", properties: { resourceGuardResourceId: GUARD } });
    expect(proxy.protect).toBe(true);
  });

  it("sends nothing new when the settings are unset", async () => {
    const run = await runFixture(baseFixture());
    const vault = onlyOfType(run, VAULT).inputs as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(vault.identity).toBeUndefined();
    expect(vault.properties.restoreSettings).toBeUndefined();
    expect(Object.keys(vault.properties.securitySettings).sort()).toEqual(["immutabilitySettings", "softDeleteSettings"]);
    expect(ofType(run, "azure-native:recoveryservices:ResourceGuardProxy")).toEqual([]);
  });

  it("checks that every identity a setting names is the vault's", () => {
    expect(issues({ identity: { systemAssigned: false } })).toEqual(["vault.identity: must give the vault an identity: systemAssigned: true and/or userAssigned: [<identity ID>]; remove identity for none"]);
    expect(issues({ identity: { systemAssigned: true }, encryption: { keyUri: "https://kv.vault.azure.net/keys/k", userAssignedIdentityId: UAI } }))
      .toEqual([`vault.encryption.userAssignedIdentityId: must be one of identity.userAssigned (got ${UAI})`]);
    expect(issues({ identity: { userAssigned: [UAI] }, sourceScan: { enabled: false } })).toEqual(["vault.sourceScan.identity: SystemAssigned needs identity.systemAssigned: true"]);
    expect(issues({ sourceScan: { enabled: false } })).toEqual([expect.stringMatching(/^vault\.identity: is required with sourceScan/)]);
    expect(issues({ crossSubscriptionRestore: "sometimes" })).toEqual(['vault.crossSubscriptionRestore: must be one of Enabled, Disabled, PermanentlyDisabled (got "sometimes")']);
    expect(issues({ resourceGuardId: "/subscriptions/x/guard" })).toEqual([expect.stringMatching(/^vault\.resourceGuardId: must be a Resource Guard resource ID/)]);
  });

  it("refuses source scan on the native provider, whose vault API (2024-10-01) cannot carry it", () => {
    expect(issues({ identity: { systemAssigned: true }, sourceScan: { enabled: true } })).toEqual([
      expect.stringMatching(/^vault\.sourceScan\.enabled: true cannot be deployed with provider native \(@pulumi\/azure-native 3\.28 writes vaults with API 2024-10-01/),
    ]);
  });

  it("refuses the new settings and adoption on the classic provider, naming key and provider", () => {
    expect(issues({ alerts: { classic: { criticalOperations: false } }, resourceGuardId: GUARD, softDelete: "Enabled" }, { provider: "classic" })).toEqual([
      "vault.alerts: is rendered by provider native only; provider classic (@pulumi/azure) does not declare it here: remove it or use provider native",
      "vault.resourceGuardId: is rendered by provider native only; provider classic (@pulumi/azure) does not declare it here: remove it or use provider native",
    ]);
  });

  it("checks import IDs against the configured names and the adopted vault", () => {
    const vaultId = "/subscriptions/6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f/resourceGroups/rg-backup/providers/Microsoft.RecoveryServices/vaults/rsv-other";
    expect(issues({ importId: vaultId })).toEqual(["vault.importId: must be the ID of vault rsv-test in resource group rg-backup (got resource group rg-backup, vault rsv-other)"]);
    const fixture = baseFixture();
    const [name, policy] = Object.entries(fixture.policies)[0]!;
    const policies = { ...fixture.policies, [name]: { ...policy, importId: `${vaultId}/backupPolicies/${name}` } };
    expect(issues({}, { policies })).toEqual([`policies.${name}.importId: needs vault.importId: a vault the stack creates holds no policies or items to adopt`]);
  });

  it("imports an adopted vault with its resource group and Resource Guard link", async () => {
    const fixture = baseFixture();
    const vaultId = "/subscriptions/6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f/resourceGroups/rg-backup/providers/Microsoft.RecoveryServices/vaults/rsv-test";
    fixture.vault = { ...fixture.vault, importId: vaultId, resourceGuardId: GUARD };
    const run = await runFixture(fixture);
    expect(run.resources.filter((r) => r.importId).map((r) => [r.type, r.importId])).toEqual([
      ["azure-native:resources:ResourceGroup", "/subscriptions/6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f/resourceGroups/rg-backup"],
      [VAULT, vaultId],
      ["azure-native:recoveryservices:ResourceGuardProxy", `${vaultId}/backupResourceGuardProxies/VaultProxy`],
    ]);
    // What the vault and its children read from it is the adopted vault's real ID.
    expect(onlyOfType(run, VAULT).id).toBe(vaultId);
  });
});
