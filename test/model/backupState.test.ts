import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { isNotFound } from "../../infra/lookups/lookupErrors";
import { retentionOf, toExistingItem, toExistingPolicy } from "../../infra/model/backupState";
import { retentionReductions } from "../../infra/model/dataSafetyRules";
import { readInventoryFile } from "../../infra/offline/engine/inventory";
import { ConfigError } from "../../infra/config/configError";

const VAULT = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/PythonSDKBackupTestRg/providers/Microsoft.RecoveryServices/vaults/PySDKBackupTestRsVault";
const VM = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/iaasvm-rg/providers/Microsoft.Compute/virtualMachines/iaasvm-1";

describe("the existing backup state, read from Azure's answers", () => {
  it("reads an item in the shape of Azure's Compute_ProtectedItem_Get example (Azure's casing, read-only fields)", () => {
    const item = toExistingItem({
      id: `${VAULT}/backupFabrics/Azure/protectionContainers/IaasVMContainer;iaasvmcontainerv2;iaasvm-rg;iaasvm-1/protectedItems/VM;iaasvmcontainerv2;iaasvm-rg;iaasvm-1`,
      name: "VM;iaasvmcontainerv2;iaasvm-rg;iaasvm-1",
      properties: { friendlyName: "iaasvm-1", virtualMachineId: VM, protectionState: "Protected", healthStatus: "Passed", policyId: `${VAULT}/backupPolicies/testPolicy1` },
    });
    expect(item).toEqual({
      id: expect.any(String),
      vmId: VM,
      vaultResourceGroup: "PythonSDKBackupTestRg",
      vaultName: "PySDKBackupTestRsVault",
      containerName: "IaasVMContainer;iaasvmcontainerv2;iaasvm-rg;iaasvm-1",
      itemName: "VM;iaasvmcontainerv2;iaasvm-rg;iaasvm-1",
      policyName: "testPolicy1",
      protectionState: "Protected",
      softDeleted: false,
    });
  });

  it("reads a V2 policy's retention by tier; V1 when Azure leaves policyType out; other workloads are not VM policies", () => {
    const properties = {
      backupManagementType: "AzureIaasVM",
      policyType: "V2",
      instantRpRetentionRangeInDays: 7,
      retentionPolicy: { retentionPolicyType: "LongTermRetentionPolicy", dailySchedule: { retentionDuration: { count: 30, durationType: "Days" } }, weeklySchedule: { retentionDuration: { count: 12, durationType: "Weeks" } } },
    };
    expect(toExistingPolicy({ id: `${VAULT}/backupPolicies/v2-daily`, name: "v2-daily", properties })).toMatchObject({ policyType: "V2", retention: { daily: 30, weekly: 12, instantRestore: 7 } });
    expect(toExistingPolicy({ id: `${VAULT}/backupPolicies/p`, properties: { ...properties, policyType: undefined } })!.policyType).toBe("V1");
    expect(toExistingPolicy({ id: `${VAULT}/backupPolicies/sql`, properties: { backupManagementType: "AzureWorkload" } })).toBeUndefined();
    expect(retentionOf({})).toEqual({});
  });

  it("a cut is any tier kept for less, or dropped; longer or new tiers are not cuts", () => {
    expect(retentionReductions({ daily: 30, yearly: 5, instantRestore: 2 }, { daily: 30, weekly: 26, yearly: 3, instantRestore: 5 })).toEqual(["yearly 5 years -> 3 years"]);
    expect(retentionReductions({ monthly: 12 }, {})).toEqual(["monthly 12 months -> none"]);
    expect(retentionReductions({ daily: 7 }, { daily: 7, weekly: 1 })).toEqual([]);
  });

  it("tells 'not found' (an answer) from a failed read", () => {
    expect(isNotFound(new Error("ResourceNotFound: The Resource 'Microsoft.RecoveryServices/vaults/v' under resource group 'rg' was not found"))).toBe(true);
    expect(isNotFound(new Error("BMSUserErrorItemNotFound: Item not found"))).toBe(true);
    expect(isNotFound(new Error("AuthorizationFailed: does not have authorization to perform action (403)"))).toBe(false);
  });

  it("an inventory's backup sections are validated by path, and fields Azure adds are kept", () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "inv-")), "inv.yaml");
    fs.writeFileSync(file, `protectedItems:\n  - id: /not/an/item\n    properties: { sourceResourceId: ${VM}, healthStatus: Passed }\nbackupPolicies:\n  - id: ${VAULT}/backupPolicies/p\n    properties: { protectedItemsCount: 3 }\n`);
    const error = (() => {
      try {
        readInventoryFile(file);
      } catch (e) {
        return e as ConfigError;
      }
      return undefined;
    })();
    expect(error?.issues.map((i) => i.path)).toEqual(["backupPolicies[0].properties.backupManagementType", "protectedItems[0].id"]);
    fs.writeFileSync(file, `protectedItems:\n  - id: ${VAULT}/backupFabrics/Azure/protectionContainers/c/protectedItems/i\n    properties: { sourceResourceId: ${VM}, healthStatus: Passed }\n`);
    expect(readInventoryFile(file).inventory.protectedItems![0]!.properties).toEqual({ sourceResourceId: VM, healthStatus: "Passed" });
  });
});
