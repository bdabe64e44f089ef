import { describe, expect, it } from "vitest";
import { vaultSchema, type VmConfig } from "../../infra/config/configSchema";
import { keepsPolicy, toProtectionState, validateProtection } from "../../infra/model/lifecycle";
import { vmId } from "../fixtures/vmSide";

describe("toProtectionState", () => {
  it.each([
    ["Protected", "Protected", true],
    ["Stopped", "ProtectionStopped", false],
    ["Suspended", "BackupsSuspended", true],
  ] as const)("%s is sent as %s (keeps its policy: %s)", (setting, state, policy) => {
    expect(toProtectionState(setting)).toBe(state);
    expect(keepsPolicy(state)).toBe(policy);
  });
});

describe("validateProtection", () => {
  const vm = (protection: VmConfig["protection"]): { index: number; vm: VmConfig } => ({ index: 3, vm: { id: vmId("rg", "vm"), policy: "p", protection } });

  it("rejects Suspended on a vault without immutability", () => {
    const vault = vaultSchema.parse({ name: "rsv", resourceGroupName: "rg", immutability: "Disabled" });
    expect(validateProtection([vm("Suspended"), vm("Stopped")], vault)).toEqual([{
      path: "vms[3].protection",
      message: "Suspended needs an immutable vault (vault.immutability Unlocked or Locked; got Disabled); use Stopped to stop backups and keep the recovery points",
    }]);
  });

  it("accepts Suspended on an immutable vault (the default Unlocked)", () => {
    expect(validateProtection([vm("Suspended")], vaultSchema.parse({ name: "rsv", resourceGroupName: "rg" }))).toEqual([]);
  });
});
