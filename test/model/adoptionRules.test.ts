import { describe, expect, it } from "vitest";
import { policySchema, vaultSchema, vmSchema } from "../../infra/config/configSchema";
import { validateAdoption } from "../../infra/model/adoptionRules";
import { SUB, vmId } from "../fixtures/stackConfig";

const VAULT_ID = `/subscriptions/${SUB}/resourceGroups/rg-backup/providers/Microsoft.RecoveryServices/vaults/rsv-test`;
const ITEM_ID = `${VAULT_ID}/backupFabrics/Azure/protectionContainers/IaasVMContainer;iaasvmcontainerv2;rg-app;vm-web-01/protectedItems/VM;iaasvmcontainerv2;rg-app;vm-web-01`;
const NO_VAULT = "needs vault.importId: a vault the stack creates holds no policies or items to adopt";

const vault = (importId?: string) => vaultSchema.parse({ name: "rsv-test", resourceGroupName: "rg-backup", ...(importId && { importId }) });
const policy = (importId?: string) => policySchema.parse({ schedule: { frequency: "Daily", time: "22:00" }, retention: { daily: 30 }, ...(importId && { importId }) });
const vm = (importId?: string) => vmSchema.parse({ id: vmId("rg-app", "vm-web-01"), policy: "daily", ...(importId && { importId }) });

describe("validateAdoption", () => {
  it("accepts the adopted vault's own policy and item IDs, in any case", () => {
    expect(validateAdoption({ vault: vault(VAULT_ID), policies: { daily: policy(`${VAULT_ID}/backupPolicies/daily`) }, vms: [{ index: 0, vm: vm(ITEM_ID) }] })).toEqual([]);
    expect(validateAdoption({ vault: vault(VAULT_ID.toUpperCase()), policies: { daily: policy(`${VAULT_ID}/backupPolicies/DAILY`) }, vms: [{ index: 0, vm: vm(ITEM_ID.toLowerCase()) }] })).toEqual([]);
    expect(validateAdoption({ vault: vault(), policies: { daily: policy() }, vms: [{ index: 0, vm: vm() }] })).toEqual([]);
  });

  it("needs an adopted vault for an adopted policy or item", () => {
    expect(validateAdoption({ vault: vault(), policies: { daily: policy(`${VAULT_ID}/backupPolicies/daily`) }, vms: [{ index: 4, vm: vm(ITEM_ID) }] })).toEqual([
      { path: "policies.daily.importId", message: NO_VAULT },
      { path: "vms[4].importId", message: NO_VAULT },
    ]);
  });

  it("rejects a policy ID of another name or vault", () => {
    const other = `/subscriptions/${SUB}/resourceGroups/rg-backup/providers/Microsoft.RecoveryServices/vaults/rsv-other/backupPolicies/daily`;
    expect(validateAdoption({ vault: vault(VAULT_ID), policies: { daily: policy(other) }, vms: [] })).toEqual([
      { path: "policies.daily.importId", message: `must be ${VAULT_ID}/backupPolicies/daily: the policy daily of the adopted vault (got ${other})` },
    ]);
    expect(validateAdoption({ vault: vault(VAULT_ID), policies: { daily: policy(`${VAULT_ID}/backupPolicies/weekly`) }, vms: [] }).map((i) => i.path)).toEqual(["policies.daily.importId"]);
  });

  it("rejects an item ID of another vault or another VM, naming the expected one", () => {
    const elsewhere = ITEM_ID.replace("vaults/rsv-test", "vaults/rsv-other");
    const expected = `${VAULT_ID}/backupFabrics/Azure/protectionContainers/iaasvmcontainer;iaasvmcontainerv2;rg-app;vm-web-01/protectedItems/vm;iaasvmcontainerv2;rg-app;vm-web-01`;
    expect(validateAdoption({ vault: vault(VAULT_ID), policies: {}, vms: [{ index: 1, vm: vm(elsewhere) }] })).toEqual([
      { path: "vms[1].importId", message: `must be the protected item of VM vm-web-01 in the adopted vault, ${expected} (got ${elsewhere})` },
    ]);
    const otherVm = ITEM_ID.replaceAll("vm-web-01", "vm-web-02");
    expect(validateAdoption({ vault: vault(VAULT_ID), policies: {}, vms: [{ index: 1, vm: vm(otherVm) }] }).map((i) => i.path)).toEqual(["vms[1].importId"]);
  });
});
