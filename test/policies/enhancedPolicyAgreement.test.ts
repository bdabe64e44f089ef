import { describe, expect, it } from "vitest";
import { describeEnhancedPolicyNeed, enhancedPolicyNeeds } from "../../infra/model/vmFactRules";
import { enforceEnhancedPolicy } from "../../policies/stack/enforceEnhancedPolicy";
import { DAILY_POLICY, NATIVE, nativeItem, nativePolicyProps, nativeVaultProps, nativeVm, policyId, resource } from "../fixtures/reviewFixtures";
import { messages } from "./evaluate";

// The pack's stack rule and the configuration's VM-fact check ask the same function
// (model/vmFactRules.ts enhancedPolicyNeeds): given the same disks and security type, they agree.

function standardStack(vm: ReturnType<typeof nativeVm>) {
  const vault = resource(NATIVE.vault, nativeVaultProps({ name: "rsv-native" }));
  const daily = resource(NATIVE.policy, nativePolicyProps("daily-standard", DAILY_POLICY), { id: policyId("rg-backup", "rsv-native", "daily-standard"), dependencies: [vault.urn] });
  return [vault, daily, vm, nativeItem(String(vm.props.vmName), daily, vault)];
}

const disks = (osSku: string, dataSku?: string) => ({
  storageProfile: {
    osDisk: { osType: "Linux", managedDisk: { storageAccountType: osSku } },
    dataDisks: dataSku ? [{ lun: 0, createOption: "Empty", managedDisk: { storageAccountType: dataSku } }] : [],
  },
});

describe("needs an Enhanced policy: the pack and the model agree", () => {
  it.each([
    ["a Premium SSD v2 OS disk", disks("PremiumV2_LRS"), { osDisk: { sku: "PremiumV2_LRS" }, dataDisks: [] }],
    ["an Ultra data disk spelled in lower case", disks("Premium_LRS", "ultrassd_lrs"), { osDisk: { sku: "Premium_LRS" }, dataDisks: [{ lun: 0, sku: "ultrassd_lrs", shared: false }] }],
  ])("flags %s on a Standard policy with the model's reason", async (_what, storage, facts) => {
    const needs = enhancedPolicyNeeds({ securityType: "Standard", ...facts });
    expect(needs).toHaveLength(1);
    expect(await messages(enforceEnhancedPolicy, standardStack(nativeVm("vm-disk-01", storage, "Linux")))).toEqual([
      `mandatory vm-disk-01-item: VM vm-disk-01 needs an Enhanced (V2) policy (${describeEnhancedPolicyNeed(needs[0]!)}) but is bound to Standard policy daily-standard; bind it to a policy with tier: Enhanced.`,
    ]);
  });

  it("does not flag what the model accepts: Premium SSD disks, or Ultra SSD merely enabled on the VM", async () => {
    expect(enhancedPolicyNeeds({ securityType: "Standard", osDisk: { sku: "Premium_LRS" }, dataDisks: [] })).toEqual([]);
    const vm = nativeVm("vm-disk-01", { ...disks("Premium_LRS"), additionalCapabilities: { ultraSSDEnabled: true } }, "Linux");
    expect(await messages(enforceEnhancedPolicy, standardStack(vm))).toEqual([]);
  });
});
