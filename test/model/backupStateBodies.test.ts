import { describe, expect, it } from "vitest";
import { parseItemId, parsePolicyId, retentionOf, toExistingItem, toExistingPolicy } from "../../infra/model/backupState";

const VAULT = "/subscriptions/6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f/resourceGroups/rg-backup/providers/Microsoft.RecoveryServices/vaults/rsv-test";
const ITEM = `${VAULT}/backupFabrics/Azure/protectionContainers/iaasvmcontainer;iaasvmcontainerv2;rg-app;vm-1/protectedItems/vm;iaasvmcontainerv2;rg-app;vm-1`;
const VM = "/subscriptions/6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f/resourceGroups/rg-app/providers/Microsoft.Compute/virtualMachines/vm-1";

describe("item and policy IDs", () => {
  it("splits an item ID and a policy ID, and nothing else", () => {
    expect(parseItemId(ITEM)).toEqual({ vaultResourceGroup: "rg-backup", vaultName: "rsv-test", containerName: "iaasvmcontainer;iaasvmcontainerv2;rg-app;vm-1", itemName: "vm;iaasvmcontainerv2;rg-app;vm-1" });
    expect(parseItemId(`${ITEM}/extra`)).toBeUndefined();
    expect(parsePolicyId(`${VAULT}/backupPolicies/daily`)).toEqual({ vaultResourceGroup: "rg-backup", vaultName: "rsv-test", policyName: "daily" });
    expect(parsePolicyId(`x${VAULT}/backupPolicies/daily`)).toBeUndefined();
  });
});

describe("toExistingItem", () => {
  it("reads the VM from virtualMachineId when sourceResourceId is absent, and the policy from its ID", () => {
    expect(toExistingItem({ id: ITEM, properties: { virtualMachineId: VM, policyId: `${VAULT}/backupPolicies/weekly`, protectionState: "IRPending" } })).toEqual({
      id: ITEM,
      vmId: VM,
      vaultResourceGroup: "rg-backup",
      vaultName: "rsv-test",
      containerName: "iaasvmcontainer;iaasvmcontainerv2;rg-app;vm-1",
      itemName: "vm;iaasvmcontainerv2;rg-app;vm-1",
      policyName: "weekly",
      protectionState: "IRPending",
      softDeleted: false,
    });
  });

  it("prefers policyName, defaults the state to Protected and keeps the purge time", () => {
    const item = toExistingItem({
      id: ITEM,
      properties: { sourceResourceId: VM, virtualMachineId: "other", policyName: "daily", policyId: `${VAULT}/backupPolicies/weekly`, isScheduledForDeferredDelete: true, deferredDeleteTimeInUTC: "2026-12-20T00:00:00Z" },
    });
    expect(item).toMatchObject({ vmId: VM, policyName: "daily", protectionState: "Protected", softDeleted: true, deferredDeleteTime: "2026-12-20T00:00:00Z" });
  });

  it("has no policy for an empty policyName and no policy ID, and no purge time unless Azure gives one", () => {
    const item = toExistingItem({ id: ITEM, properties: { sourceResourceId: VM, policyName: "", isScheduledForDeferredDelete: "true" } })!;
    expect("policyName" in item).toBe(false);
    expect("deferredDeleteTime" in item).toBe(false);
    expect(item.softDeleted).toBe(false);
    expect(toExistingItem({ id: ITEM, properties: { sourceResourceId: VM, policyId: 5 } })!.policyName).toBeUndefined();
  });

  it("is undefined without an item ID or a VM", () => {
    expect(toExistingItem({ properties: { sourceResourceId: VM } })).toBeUndefined();
    expect(toExistingItem({ id: ITEM, properties: {} })).toBeUndefined();
    expect(toExistingItem({ id: ITEM })).toBeUndefined();
    expect(toExistingItem({ id: VM, properties: { sourceResourceId: VM } })).toBeUndefined();
  });
});

describe("toExistingPolicy", () => {
  it("reads a V2 policy in any casing, its name from the body or else from the ID", () => {
    expect(toExistingPolicy({ id: `${VAULT}/backupPolicies/hourly`, properties: { backupManagementType: "AzureIaasVM", policyType: "v2", retentionPolicy: { dailySchedule: { retentionDuration: { count: 30 } } } } })).toEqual({
      id: `${VAULT}/backupPolicies/hourly`,
      name: "hourly",
      vaultName: "rsv-test",
      policyType: "V2",
      retention: { daily: 30 },
    });
    expect(toExistingPolicy({ id: `${VAULT}/backupPolicies/x`, name: "Daily", properties: { backupManagementType: "azureiaasvm", policyType: "V1" } })).toMatchObject({ name: "Daily", policyType: "V1", retention: {} });
  });

  it("is undefined for other workloads, a body without a type, or no policy ID", () => {
    expect(toExistingPolicy({ id: `${VAULT}/backupPolicies/sql`, properties: { backupManagementType: "AzureWorkload" } })).toBeUndefined();
    expect(toExistingPolicy({ id: `${VAULT}/backupPolicies/sql` })).toBeUndefined();
    expect(toExistingPolicy({ properties: { backupManagementType: "AzureIaasVM" } })).toBeUndefined();
  });
});

describe("retentionOf", () => {
  it("reads each tier's count and the instant restore days, skipping what is not a number", () => {
    expect(
      retentionOf({
        instantRpRetentionRangeInDays: 5,
        retentionPolicy: {
          dailySchedule: { retentionDuration: { count: 30 } },
          weeklySchedule: { retentionDuration: { count: 12 } },
          monthlySchedule: { retentionDuration: { count: "60" } },
          yearlySchedule: { retentionDuration: { count: 10 } },
        },
      }),
    ).toEqual({ daily: 30, weekly: 12, yearly: 10, instantRestore: 5 });
    expect(retentionOf({ instantRpRetentionRangeInDays: "5" })).toEqual({});
  });
});
