import { describe, expect, it } from "vitest";
import { baseFixture, issueLines } from "../../fixtures/stackConfig";
import { onlyOfType, runFixture } from "../../support/runConfig";

const issuesOf = issueLines;

describe("disks: { include: [] } means the OS disk only", () => {
  it("is sent to the API as an empty inclusion list on native", async () => {
    const f = baseFixture();
    f.vms[0]!.disks = { include: [] };
    const item = onlyOfType(await runFixture(f), "azure-native:recoveryservices:ProtectedItem");
    expect((item.inputs.properties as Record<string, unknown>).extendedProperties).toEqual({ diskExclusionProperties: { diskLunList: [], isInclusionList: true } });
  });

  it("is rejected on classic, where azurerm ignores an empty include_disk_luns and would back up every disk", () => {
    const f = { ...baseFixture(), provider: "classic" };
    f.vault.softDelete = "Enabled";
    f.vms[0]!.disks = { include: [] };
    expect(issuesOf(f)).toEqual([
      "vms[0].disks.include: [] (the OS disk only) cannot be expressed with provider classic (@pulumi/azure), which ignores an empty include_disk_luns and backs up every disk; list the VM's data-disk LUNs under disks.exclude instead, or use provider native",
    ]);
    f.vms[0]!.disks = { include: [0] };
    expect(issuesOf(f)).toEqual([]);
  });
});

describe("a classic item created as Stopped", () => {
  it("carries the policy azurerm requires at creation, and ignores it once stopped", async () => {
    const f = { ...baseFixture(), provider: "classic" };
    f.vault.softDelete = "Enabled";
    f.vms[0]!.protection = "Stopped";
    const item = onlyOfType(await runFixture(f), "azure:backup/protectedVM:ProtectedVM");
    expect(item.inputs.protectionState).toBe("ProtectionStopped");
    expect(item.inputs.backupPolicyId).toBe(
      "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-backup/providers/Microsoft.RecoveryServices/vaults/rsv-test/backupPolicies/daily-standard",
    );
    expect(item.ignoreChanges).toEqual(["backupPolicyId"]);
  });
});
