import { describe, expect, it } from "vitest";
import { policySchema, vaultSchema, vmSchema, type VmConfig } from "../../infra/config/configSchema";
import { validateForClassic } from "../../infra/model/classicRules";

// validateForClassic called directly on parsed sections: no Pulumi, so the mutation run can use it.
const CLASSIC = "provider classic (@pulumi/azure)";
const VM_ID = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-app/providers/Microsoft.Compute/virtualMachines/vm-web-01";
const ITEM_ID =
  "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-backup/providers/Microsoft.RecoveryServices/vaults/rsv/backupFabrics/Azure/protectionContainers/iaasvmcontainerv2;rg-app;vm-web-01/protectedItems/vm;iaasvmcontainerv2;rg-app;vm-web-01";
const POLICY_ID = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-backup/providers/Microsoft.RecoveryServices/vaults/rsv/backupPolicies/daily";

const vault = (over: Record<string, unknown> = {}) => vaultSchema.parse({ name: "rsv-test", resourceGroupName: "rg-backup", softDelete: "Enabled", ...over });
const policy = (over: Record<string, unknown> = {}) =>
  policySchema.parse({ schedule: { frequency: "Daily", time: "22:00" }, retention: { daily: 30, monthly: { count: 12, weeks: ["First"], days: ["Sunday"] } }, ...over });
const vm = (over: Record<string, unknown> = {}): VmConfig => vmSchema.parse({ id: VM_ID, policy: "daily", ...over });

const issues = (config: Partial<Parameters<typeof validateForClassic>[0]>, vaultPath?: string) =>
  validateForClassic({ vault: vault(), policies: { daily: policy() }, vms: [{ index: 0, vm: vm() }], ...config }, vaultPath);

describe("validateForClassic", () => {
  it("accepts a configuration the classic provider can express", () => {
    expect(issues({})).toEqual([]);
    expect(issues({ vault: vault({ softDelete: "Disabled", softDeleteRetentionDays: 30 }) })).toEqual([]);
    expect(issues({ policies: { daily: policy({ tiering: { mode: "TierRecommended" } }) } })).toEqual([]);
    expect(issues({ vms: [{ index: 0, vm: vm({ disks: { include: [1] } }) }], vmDefaults: { extension: "auto" } })).toEqual([]);
  });

  it("names a written AlwaysOn as the user's value, and an unwritten one as the default, under the vault's own path", () => {
    expect(issues({ vault: vault({ softDelete: "AlwaysOn" }) })).toEqual([
      {
        path: "vault.softDelete",
        message: `AlwaysOn cannot be expressed with ${CLASSIC}, which only has softDeleteEnabled true/false; set softDelete: Enabled or Disabled, or use provider native (got AlwaysOn)`,
      },
    ]);
    expect(issues({ vault: vault({ softDelete: "AlwaysOn" }), writtenVaultKeys: new Set(["softDelete"]) }, "vaults.weu")[0]!.path).toBe("vaults.weu.softDelete");
    expect(issues({ vault: vault({ softDelete: "AlwaysOn" }), writtenVaultKeys: new Set(["name"]) })).toEqual([
      {
        path: "vault.softDelete",
        message: `AlwaysOn, the default when softDelete is not set, cannot be expressed with ${CLASSIC}, which only has softDeleteEnabled true/false; set softDelete: Enabled or Disabled, or use provider native`,
      },
    ]);
  });

  it("rejects a soft-delete retention other than 14 days unless soft delete is off", () => {
    expect(issues({ vault: vault({ softDeleteRetentionDays: 30 }) }, "vaults.weu")).toEqual([
      {
        path: "vaults.weu.softDeleteRetentionDays",
        message: `cannot be set with ${CLASSIC}, which always leaves Azure's default of 14 days; remove it or use provider native (got 30)`,
      },
    ]);
    expect(issues({ vault: vault({ softDeleteRetentionDays: 14 }) })).toEqual([]);
  });

  it("rejects each adoption-era vault setting, the policy and VM import IDs, and DoNotTier", () => {
    const v = vault({ importId: "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-backup/providers/Microsoft.RecoveryServices/vaults/rsv", sku: "Standard" });
    const found = issues({
      vault: v,
      policies: { daily: policy({ importId: POLICY_ID, tiering: { mode: "DoNotTier" } }) },
      vms: [{ index: 3, vm: vm({ importId: ITEM_ID }) }],
    });
    expect(found.map((i) => i.path)).toEqual(["vault.importId", "vault.sku", "policies.daily.importId", "policies.daily.tiering.mode", "vms[3].importId"]);
    expect(found[0]!.message).toBe(`is rendered by provider native only; ${CLASSIC} does not declare it here: remove it or use provider native`);
    expect(found[2]!.message).toBe("adoption (import) is rendered by provider native only; remove it or use provider native");
    expect(found[3]!.message).toBe(`DoNotTier cannot be expressed with ${CLASSIC}, which only has TierAfter and TierRecommended; remove tiering or use provider native (got DoNotTier)`);
    expect(found[4]!.message).toBe("adoption (import) is rendered by provider native only; remove it or use provider native");
  });

  it("rejects an empty disks.include, which azurerm reads as every disk", () => {
    expect(issues({ vms: [{ index: 1, vm: vm({ disks: { include: [] } }) }] })).toEqual([
      {
        path: "vms[1].disks.include",
        message: `[] (the OS disk only) cannot be expressed with ${CLASSIC}, which ignores an empty include_disk_luns and backs up every disk; list the VM's data-disk LUNs under disks.exclude instead, or use provider native`,
      },
    ]);
    expect(issues({ vms: [{ index: 1, vm: vm({ disks: { exclude: [] } }) }] })).toEqual([]);
  });

  it("rejects every setting applied by a run command, per VM and in vmDefaults", () => {
    const runCommand = `cannot be applied with ${CLASSIC}: its compute.RunCommand has no treatFailureAsDeploymentFailure or timeoutInSeconds, so a failing set-up script would not stop the deployment; remove it or use provider native`;
    const found = issues({
      vms: [
        { index: 0, vm: vm({ vss: "Copy", windowsReadiness: "check" }) },
        { index: 2, vm: vm({ scripts: { preScript: "/opt/pre.sh", postScript: "/opt/post.sh" } }) },
      ],
      vmDefaults: { extension: "auto", windowsReadiness: "prepare" },
    });
    expect(found).toEqual([
      { path: "vms[0].vss", message: runCommand },
      { path: "vms[0].windowsReadiness", message: runCommand },
      { path: "vms[2].scripts", message: runCommand },
      { path: "vmDefaults.windowsReadiness", message: runCommand },
    ]);
  });
});
