import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { adoptEstate } from "../../infra/adopt/adoptEstate";
import { ConfigError } from "../../infra/config/configError";

const AZURE = path.join(__dirname, "..", "fixtures", "azure");
const ESTATE_VAULT = "/subscriptions/77777777-b0c6-47a2-b37c-d8e65a629c18/resourceGroups/Default-RecoveryServices-ResourceGroup/providers/Microsoft.RecoveryServices/vaults/swaggerExample";
/** The vaults Azure's separate examples live in: moved into the estate's vault so that only the finding under test remains. */
const EXAMPLE_VAULTS = [
  /\/subscriptions\/0{8}-0{4}-0{4}-0{4}-0{12}\/resourceGroups\/SwaggerTestRg\/providers\/Microsoft\.RecoveryServices\/vaults\/NetSDKTestRsVault/gi,
  /\/subscriptions\/0{8}-0{4}-0{4}-0{4}-0{12}\/resourceGroups\/PythonSDKBackupTestRg\/providers\/Microsoft\.RecoveryServices\/vaults\/PySDKBackupTestRsVault/gi,
];

const file = (dir: string, name: string) => ({ name, text: fs.readFileSync(path.join(AZURE, dir, name), "utf8") });
const moved = (dir: string, name: string) => {
  const f = file(dir, name);
  return { name, text: EXAMPLE_VAULTS.reduce((t, re) => t.replace(re, ESTATE_VAULT), f.text) };
};
const estate = () => ["vault.json", "policies.json", "protected-item.json"].map((n) => file("estate", n));

function refusal(files: Array<{ name: string; text: string }>): string[] {
  try {
    adoptEstate(files);
  } catch (err) {
    if (err instanceof ConfigError) return err.issues.map((i) => `${i.path}: ${i.message}`);
    throw err;
  }
  throw new Error("adoption did not refuse");
}

describe("adopt refuses what the configuration cannot express, by file and JSON path", () => {
  it("Azure's own 1-day daily retention (ProtectionPolicies_Get, V1) breaks today's 7-day minimum", () => {
    const found = refusal([...estate(), moved("refused", "ProtectionPolicies_Get.json")]);
    // Its name testPolicy1 repeats the estate's: one finding for the repeat, one for the rule.
    expect(found).toContainEqual(expect.stringMatching(/^ProtectionPolicies_Get\.json name: repeats policy testPolicy1/));
    const alone = refusal([file("estate", "vault.json"), moved("refused", "ProtectionPolicies_Get.json")]);
    expect(alone).toEqual([
      "ProtectionPolicies_Get.json properties.retentionPolicy.dailySchedule.retentionDuration.count: must be a whole number from 7 to 9999 days (got 1) (configuration key policies.testPolicy1.retention.daily)",
    ]);
  });

  it("the Enhanced example (v2-Get-Policy) is refused for the same rule, and for keeping points at 02:00 from a 10:00 backup", () => {
    expect(refusal([file("estate", "vault.json"), moved("refused", "v2-Get-Policy.json")])).toEqual([
      "v2-Get-Policy.json properties.retentionPolicy.dailySchedule.retentionDuration.count: must be a whole number from 7 to 9999 days (got 1) (configuration key policies.v2-daily-sample.retention.daily)",
      "v2-Get-Policy.json properties.retentionPolicy.dailySchedule.retentionTimes: must equal the schedule time 10:00 (got 02:00); Azure rejects any other time with BMSUserErrorInvalidPolicyInput",
    ]);
  });

  it("the hourly example keeps 30 snapshot days at a 4-hour interval, beyond Azure's 17", () => {
    const found = refusal([file("estate", "vault.json"), moved("refused", "IaaS_v2_hourly.json")]);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^IaaS_v2_hourly\.json properties\.instantRpRetentionRangeInDays: .*17.*\(configuration key policies\.v2-daily-sample\.instantRestoreDays\)$/);
  });

  it("the protected-item example names a VM ID without a resource group", () => {
    const found = refusal([...estate().filter((f) => f.name !== "protected-item.json"), moved("refused", "Compute_ProtectedItem_Get.json")]);
    expect(found).toEqual([expect.stringMatching(/^Compute_ProtectedItem_Get\.json properties\.sourceResourceId: must be a VM resource ID .*\(configuration key vms\[0\]\.id\)$/)]);
  });

  it("classic (ASM) VMs are not adopted", () => {
    const found = refusal([...estate(), moved("refused", "BackupProtectedItems_List.json")]);
    expect(found).toContainEqual(expect.stringMatching(/^BackupProtectedItems_List\.json value\[0\]\.properties\.protectedItemType: must be Microsoft\.Compute\/virtualMachines: .*Microsoft\.ClassicCompute/));
  });

  it("GETVault's source scan cannot be deployed by azure-native 3.28, and is refused naming key and provider", () => {
    const found = refusal([file("refused", "GETVault.json"), file("estate", "policies.json")]);
    expect(found).toEqual([expect.stringMatching(/^GETVault\.json properties\.securitySettings\.sourceScanConfiguration\.state: true cannot be deployed with provider native .*API 2024-10-01/)]);
  });

  it("a vault body without its security settings (an abbreviated PUT response) is refused rather than given defaults", () => {
    const found = refusal([file("refused", "PUTVault_WithUserAssignedIdentity.json"), file("estate", "policies.json")]);
    for (const key of ["redundancySettings.standardTierStorageRedundancy", "securitySettings.softDeleteSettings.softDeleteState", "securitySettings.immutabilitySettings.state", "monitoringSettings.azureMonitorAlertSettings.alertsForAllJobFailures"]) {
      expect(found).toContainEqual(expect.stringMatching(new RegExp(`^PUTVault_WithUserAssignedIdentity\\.json properties\\.${key.replace(/\./g, "\\.")}: is missing`)));
    }
  });

  it("multi-user authorization needs the vault's Resource Guard link, named VaultProxy", () => {
    const vault = JSON.parse(file("estate", "vault.json").text);
    vault.properties.securitySettings.multiUserAuthorization = "Enabled";
    const found = refusal([{ name: "vault.json", text: JSON.stringify(vault) }, file("estate", "policies.json")]);
    expect(found).toEqual([expect.stringMatching(/^vault\.json properties\.securitySettings\.multiUserAuthorization: is Enabled, but no Resource Guard link/)]);
    const proxy = JSON.parse(file("refused", "GetResourceGuardProxy.json").text);
    proxy.id = `${ESTATE_VAULT}/backupResourceGuardProxies/swaggerExample`;
    const withLink = refusal([{ name: "vault.json", text: JSON.stringify(vault) }, file("estate", "policies.json"), { name: "proxy.json", text: JSON.stringify(proxy) }]);
    expect(withLink).toEqual([
      expect.stringMatching(/^proxy\.json name: must be VaultProxy/),
      expect.stringMatching(/^proxy\.json properties\.description: is a writable setting of the Resource Guard link/),
    ]);
  });

  it("a linked Resource Guard is adopted with the vault", () => {
    const vault = JSON.parse(file("estate", "vault.json").text);
    vault.properties.securitySettings.multiUserAuthorization = "Enabled";
    const proxy = JSON.parse(file("refused", "GetResourceGuardProxy.json").text);
    Object.assign(proxy, { id: `${ESTATE_VAULT}/backupResourceGuardProxies/VaultProxy`, name: "VaultProxy" });
    delete proxy.properties.description;
    const adopted = adoptEstate([{ name: "vault.json", text: JSON.stringify(vault) }, file("estate", "policies.json"), { name: "proxy.json", text: JSON.stringify(proxy) }]);
    expect((adopted.config["azure-vm-backup:vault"] as Record<string, unknown>).resourceGuardId).toBe(proxy.properties.resourceGuardResourceId);
  });

  it("unknown writable settings and shapes the configuration lacks are each named", () => {
    const policies = JSON.parse(file("estate", "policies.json").text);
    policies.value[0].properties.schedulePolicy.scheduleRunTimes.push("2017-12-05T07:00:00Z");
    policies.value[1].properties.newSetting = { enabled: true };
    policies.value[1].properties.retentionPolicy.weeklySchedule.retentionTimes = ["2019-03-01T10:00:00Z"];
    const found = refusal([file("estate", "vault.json"), { name: "policies.json", text: JSON.stringify(policies) }]);
    expect(found).toEqual(expect.arrayContaining([
      expect.stringMatching(/^policies\.json value\[0\]\.properties\.schedulePolicy\.scheduleRunTimes: must list exactly one run time/),
      expect.stringMatching(/^policies\.json value\[1\]\.properties\.newSetting: is a writable policy setting the configuration cannot express \(got \{"enabled":true\}\)/),
      expect.stringMatching(/^policies\.json value\[1\]\.properties\.retentionPolicy\.weeklySchedule\.retentionTimes\[0\]: must be on 2018-01-24/),
    ]));
  });

  it("a soft-deleted item is refused with how to undelete it", () => {
    const item = JSON.parse(file("estate", "protected-item.json").text);
    item.properties.isScheduledForDeferredDelete = true;
    const found = refusal([file("estate", "vault.json"), file("estate", "policies.json"), { name: "item.json", text: JSON.stringify(item) }]);
    expect(found).toEqual([expect.stringMatching(/^item\.json properties\.isScheduledForDeferredDelete: is true: the item is soft-deleted; undelete it first/)]);
  });

  it("resources of another vault and a second vault are refused", () => {
    const found = refusal([...estate(), file("refused", "ProtectionPolicies_Get.json"), file("refused", "PUTVault_WithUserAssignedIdentity.json")]);
    expect(found).toContainEqual(expect.stringMatching(/^ProtectionPolicies_Get\.json id: is not in the adopted vault/));
    expect(found).toContainEqual(expect.stringMatching(/^(PUTVault_WithUserAssignedIdentity|vault)\.json id: is a second vault/));
  });

  it("expresses disk selection and stopped protection of an item", () => {
    const item = JSON.parse(file("estate", "protected-item.json").text);
    item.properties.extendedProperties = { diskExclusionProperties: { diskLunList: [0, 2], isInclusionList: true } };
    item.properties.protectionState = "ProtectionStopped"; // BackupsSuspended needs an immutable vault (the rule refuses it here)
    const adopted = adoptEstate([file("estate", "vault.json"), file("estate", "policies.json"), { name: "item.json", text: JSON.stringify(item) }]);
    expect((adopted.config["azure-vm-backup:vms"] as unknown[])[0]).toMatchObject({ disks: { include: [0, 2] }, protection: "Stopped", policy: "testPolicy1" });
  });
});
