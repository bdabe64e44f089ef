import { describe, expect, it } from "vitest";
import { configureMaximumItems } from "../../policies/stack/configureMaximumItems";
import { enforceEnhancedPolicy } from "../../policies/stack/enforceEnhancedPolicy";
import { enforceSameVaultPolicy } from "../../policies/stack/enforceSameVaultPolicy";
import { enforceSnapshotExtensionOs } from "../../policies/stack/enforceSnapshotExtensionOs";
import { missingVmBackup } from "../../policies/stack/missingVmBackup";
import { CLASSIC, NATIVE, classicStackScenario, nativeStackScenario, resource, vmId } from "../fixtures/reviewFixtures";
import { evaluate, messages } from "./evaluate";

const without = (resources: ReturnType<typeof nativeStackScenario>, ...names: string[]) => resources.filter((r) => !names.includes(r.name));

describe("compute-virtualmachine-missing-backup", () => {
  it("names the unprotected VM and accepts a VM exempted with a reason (native)", async () => {
    expect(await messages(missingVmBackup, nativeStackScenario())).toEqual([
      "mandatory vm-orphan-01: VM vm-orphan-01 is not backed up; protect it (azure-vm-backup:vms or a protected item) or tag it backup-exemption: <reason>.",
    ]);
  });

  it("rejects an exemption tag without a reason and honours a configured tag name", async () => {
    const resources = nativeStackScenario().map((r) => (r.name === "vm-orphan-01" ? { ...r, props: { ...r.props, tags: { "no-backup": "test VM" } }, outputs: { ...r.outputs, tags: { "no-backup": "test VM" } } } : r));
    const emptyReason = resources.map((r) => (r.name === "vm-scratch-01" ? { ...r, outputs: { ...r.outputs, tags: { "backup-exemption": " " } } } : r));
    expect(await messages(missingVmBackup, emptyReason)).toEqual([
      "mandatory vm-orphan-01: VM vm-orphan-01 is not backed up; protect it (azure-vm-backup:vms or a protected item) or tag it backup-exemption: <reason>.",
      "mandatory vm-scratch-01: VM vm-scratch-01 is not backed up; protect it (azure-vm-backup:vms or a protected item) or tag it backup-exemption: <reason> (the tag is present but its reason is empty).",
    ]);
    expect(await messages(missingVmBackup, resources, { exemptionTag: "no-backup" })).toEqual([
      "mandatory vm-scratch-01: VM vm-scratch-01 is not backed up; protect it (azure-vm-backup:vms or a protected item) or tag it no-backup: <reason>.",
    ]);
  });

  it("passes a classic stack whose VMs are all protected and fails it when one item is removed", async () => {
    expect(await messages(missingVmBackup, classicStackScenario())).toEqual([]);
    expect(await messages(missingVmBackup, without(classicStackScenario(), "vm-lin-01-item"))).toEqual([
      "mandatory vm-lin-01: VM vm-lin-01 is not backed up; protect it (azure-vm-backup:vms or a protected item) or tag it backup-exemption: <reason>.",
    ]);
  });

  it("is not applicable to a stack that declares no VMs", async () => {
    const result = await evaluate(missingVmBackup, nativeStackScenario().filter((r) => r.type !== NATIVE.vm));
    expect(result.violations).toEqual([]);
    expect(result.notApplicable).toEqual([{ policyName: missingVmBackup.name, reason: "the stack declares no virtual machines" }]);
  });
});

describe("recoveryservices-protecteditem-enforce-enhanced-policy", () => {
  it("flags a Trusted Launch VM on a Standard policy and accepts an Ultra-disk VM on an Enhanced one (native)", async () => {
    expect(await messages(enforceEnhancedPolicy, nativeStackScenario())).toEqual([
      "mandatory vm-tl-01-item: VM vm-tl-01 needs an Enhanced (V2) policy (Trusted Launch VM: Standard needs Recovery Services API 2025-01-01, items use 2024-10-01) but is bound to Standard policy daily-standard; bind it to a policy with tier: Enhanced.",
    ]);
  });

  it("reads Trusted Launch from classic secure boot / vTPM", async () => {
    expect(await messages(enforceEnhancedPolicy, classicStackScenario())).toEqual([
      "mandatory vm-win-01-item: VM vm-win-01 needs an Enhanced (V2) policy (Trusted Launch VM: Standard needs Recovery Services API 2025-01-01, items use 2024-10-01) but is bound to Standard policy daily-classic; bind it to a policy with tier: Enhanced.",
    ]);
  });

  it("follows the item's dependency to its policy when the policy ID is unknown (preview of a new stack)", async () => {
    const unknownId = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
    const resources = nativeStackScenario().map((r) =>
      r.type === NATIVE.item ? { ...r, outputs: { ...r.outputs, properties: { ...(r.outputs.properties as object), policyId: unknownId } } } : r.type === NATIVE.policy ? { ...r, outputs: { ...r.outputs, id: unknownId } } : r,
    );
    expect(await messages(enforceEnhancedPolicy, resources)).toEqual([
      "mandatory vm-tl-01-item: VM vm-tl-01 needs an Enhanced (V2) policy (Trusted Launch VM: Standard needs Recovery Services API 2025-01-01, items use 2024-10-01) but is bound to Standard policy daily-standard; bind it to a policy with tier: Enhanced.",
    ]);
  });
});

describe("compute-vmextension-enforce-snapshot-os-type", () => {
  it("flags VMSnapshotLinux on a Windows VM (native) and VMSnapshot on a Linux VM (classic)", async () => {
    expect(await messages(enforceSnapshotExtensionOs, nativeStackScenario())).toEqual([
      "mandatory vm-web-01-snapshot: Snapshot extension on Windows VM vm-web-01 has type VMSnapshotLinux; use VMSnapshot.",
    ]);
    expect(await messages(enforceSnapshotExtensionOs, classicStackScenario())).toEqual([
      "mandatory VMSnapshot: Snapshot extension on Linux VM vm-lin-01 has type VMSnapshot; use VMSnapshotLinux.",
    ]);
  });

  it("accepts the matching type and flags a foreign publisher", async () => {
    const good = resource(CLASSIC.extension, { name: "snap", virtualMachineId: vmId("rg-app", "vm-lin-01"), publisher: "Microsoft.Azure.RecoveryServices", type: "VMSnapshotLinux" });
    const foreign = resource(CLASSIC.extension, { name: "fake", virtualMachineId: vmId("rg-app", "vm-lin-01"), publisher: "Contoso.Backup", type: "VMSnapshotLinux" });
    const base = classicStackScenario().filter((r) => r.type !== CLASSIC.extension);
    expect(await messages(enforceSnapshotExtensionOs, [...base, good, foreign])).toEqual([
      "mandatory fake: Snapshot extension VMSnapshotLinux has publisher Contoso.Backup; the backup extension's publisher is Microsoft.Azure.RecoveryServices.",
    ]);
  });
});

describe("recoveryservices-protecteditem-enforce-same-vault-policy", () => {
  it("flags an item bound to another vault's policy in both families", async () => {
    expect(await messages(enforceSameVaultPolicy, nativeStackScenario())).toEqual([
      "mandatory vm-scratch-02-item: Protected item in vault rsv-native references a policy of vault rsv-other; use a policy of rsv-native.",
    ]);
    expect(await messages(enforceSameVaultPolicy, classicStackScenario())).toEqual([
      "mandatory vm-old-01-item: Protected item in vault rsv-elsewhere references a policy of vault rsv-classic; use a policy of rsv-elsewhere.",
    ]);
  });
});

describe("recoveryservices-vault-configure-maximum-items", () => {
  it("passes within the limits and flags a policy over the configured maximum", async () => {
    expect(await messages(configureMaximumItems, nativeStackScenario())).toEqual([]);
    expect(await messages(configureMaximumItems, nativeStackScenario(), { maximumItemsPerPolicy: 2 })).toEqual([
      "mandatory daily-standard: Policy daily-standard protects 3 VMs; the limit is 2 per policy: spread the VMs over more policies.",
    ]);
    expect(await messages(configureMaximumItems, classicStackScenario(), { maximumItemsPerPolicy: 1 })).toEqual([
      "mandatory daily-classic: Policy daily-classic protects 2 VMs; the limit is 1 per policy: spread the VMs over more policies.",
    ]);
  });

  it("flags a vault holding more than 1000 VMs", async () => {
    const scenario = nativeStackScenario();
    const vault = scenario.find((r) => r.type === NATIVE.vault)!;
    const policies = Array.from({ length: 11 }, (_, i) => resource(NATIVE.policy, { policyName: `p${i}`, vaultName: "rsv-native", resourceGroupName: "rg-backup", properties: { backupManagementType: "AzureIaasVM", policyType: "V1" } }, { id: `${String(vault.outputs.id)}/backupPolicies/p${i}` }));
    const items = Array.from({ length: 1001 }, (_, i) =>
      resource(NATIVE.item, { vaultName: "rsv-native", resourceGroupName: "rg-backup", properties: { protectedItemType: "Microsoft.Compute/virtualMachines", sourceResourceId: vmId("rg-app", `vm-${i}`), policyId: policies[i % 11]!.outputs.id } }, { name: `item-${i}`, dependencies: [vault.urn] }),
    );
    expect(await messages(configureMaximumItems, [vault, ...policies, ...items])).toEqual([
      "mandatory (stack): Vault rsv-native protects 1001 VMs; a vault protects at most 1000: split the estate across vaults.",
    ]);
  });
});
