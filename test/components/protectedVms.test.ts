import { describe, expect, it } from "vitest";
import { baseFixture, vmId } from "../fixtures/stackConfig";
import { ofType, onlyOfType, runFixture } from "../support/runConfig";

const ITEM = "azure-native:recoveryservices:ProtectedItem";
const COMPONENT = "azure-vm-backup:protection:ProtectedVms";
const SUB0 = "00000000-0000-0000-0000-000000000000";

function twoPolicies() {
  const f = baseFixture();
  f.policies = {
    "gold-daily": { schedule: { frequency: "Daily", time: "22:00" }, retention: { daily: 30 } },
    "silver-daily": { schedule: { frequency: "Daily", time: "02:00" }, retention: { daily: 14 } },
  };
  return f;
}

describe("ProtectedVms", () => {
  it("binds the VM to its policy with the contract's container and item names and the policy's ARM ID", async () => {
    const f = twoPolicies();
    f.vms = [{ id: vmId("rg-app", "vm-web-01"), policy: "gold-daily" }];
    const item = onlyOfType(await runFixture(f), ITEM);
    expect(item.inputs).toEqual({
      vaultName: "rsv-test",
      resourceGroupName: "rg-backup",
      fabricName: "Azure",
      containerName: "iaasvmcontainer;iaasvmcontainerv2;rg-app;vm-web-01",
      protectedItemName: "vm;iaasvmcontainerv2;rg-app;vm-web-01",
      properties: {
        protectedItemType: "Microsoft.Compute/virtualMachines",
        sourceResourceId: vmId("rg-app", "vm-web-01"),
        policyId: `/subscriptions/${SUB0}/resourceGroups/rg-backup/providers/Microsoft.RecoveryServices/vaults/rsv-test/backupPolicies/gold-daily`,
      },
    });
    expect(item.protect).toBe(true);
    expect(item.urn).toBe(
      "urn:pulumi:dev::azure-vm-backup::azure-vm-backup:protection:ProtectedVms$azure-native:recoveryservices:ProtectedItem::rg-app/vm-web-01-item",
    );
  });

  it("holds every item of the vault under one component named after the vault, which outputs each item's ID by VM key", async () => {
    const f = twoPolicies();
    f.vms = [
      { id: vmId("rg-app", "vm-a"), policy: "gold-daily" },
      { id: vmId("rg-data", "vm-b"), policy: "silver-daily", protection: "Stopped" },
    ];
    const run = await runFixture(f);
    const component = onlyOfType(run, COMPONENT);
    expect(component.urn).toBe("urn:pulumi:dev::azure-vm-backup::azure-vm-backup:protection:ProtectedVms::rsv-test");
    expect(component.parent).toBe("urn:pulumi:dev::azure-vm-backup::pulumi:pulumi:Stack::azure-vm-backup-dev");
    const items = ofType(run, ITEM);
    expect(items.map((i) => i.parent)).toEqual([component.urn, component.urn]);
    expect(component.outputs).toEqual({ protectedItemIds: Object.fromEntries(items.map((i) => [i.name.replace(/-item$/, ""), i.id])) });
    expect(Object.keys(component.outputs!.protectedItemIds as object).sort()).toEqual(["rg-app/vm-a", "rg-data/vm-b"]);
  });

  it("sends data-disk exclusion and inclusion lists as diskExclusionProperties", async () => {
    const f = twoPolicies();
    f.vms = [
      { id: vmId("rg-app", "vm-a"), policy: "gold-daily", disks: { exclude: [3, 1] } },
      { id: vmId("rg-app", "vm-b"), policy: "gold-daily", disks: { include: [0] } },
    ];
    const items = ofType(await runFixture(f), ITEM);
    const ext = (name: string) => (items.find((i) => i.name === `rg-app/${name}-item`)!.inputs.properties as Record<string, unknown>).extendedProperties;
    expect(ext("vm-a")).toEqual({ diskExclusionProperties: { diskLunList: [1, 3], isInclusionList: false } });
    expect(ext("vm-b")).toEqual({ diskExclusionProperties: { diskLunList: [0], isInclusionList: true } });
  });

  it("keeps the item's URN and names when the VM moves to another policy, so Pulumi updates it in place", async () => {
    const f = twoPolicies();
    f.vms = [{ id: vmId("rg-app", "vm-web-01"), policy: "gold-daily" }];
    const before = onlyOfType(await runFixture(f), ITEM);
    f.vms = [{ id: vmId("rg-app", "vm-web-01"), policy: "silver-daily" }];
    const after = onlyOfType(await runFixture(f), ITEM);
    expect(after.urn).toBe(before.urn);
    const identity = (r: typeof before) => [r.inputs.containerName, r.inputs.protectedItemName, r.inputs.fabricName, r.inputs.vaultName];
    expect(identity(after)).toEqual(identity(before));
    // Only policyId differs, and ProtectedItem replaces only on its path parameters (vault, container, item):
    // the engine therefore plans an update, never a delete that would drop recovery points.
    expect((after.inputs.properties as { policyId: string }).policyId).toMatch(/backupPolicies\/silver-daily$/);
    expect(after.replaceOnChanges).toEqual([]);
    expect(after.deleteBeforeReplace).toBe(false);
  });

  it("names items by VM, not by list position, so reordering vms changes nothing", async () => {
    const f = twoPolicies();
    const a = { id: vmId("rg-app", "vm-a"), policy: "gold-daily" };
    const b = { id: vmId("rg-data", "vm-b"), policy: "silver-daily" };
    f.vms = [a, b];
    const first = ofType(await runFixture(f), ITEM).map((r) => [r.urn, r.inputs]);
    f.vms = [b, a];
    const second = ofType(await runFixture(f), ITEM).map((r) => [r.urn, r.inputs]);
    const byUrn = (x: unknown[][]) => [...x].sort((p, q) => String(p[0]).localeCompare(String(q[0])));
    expect(byUrn(second)).toEqual(byUrn(first));
  });

  it("changing the casing of a VM ID changes neither the item's URN nor its Azure names; deployed names are kept", async () => {
    const f = twoPolicies();
    f.vms = [{ id: vmId("rg-app", "vm-web-01"), policy: "gold-daily" }];
    const lower = onlyOfType(await runFixture(f), ITEM);
    f.vms = [{ id: vmId("RG-App", "VM-Web-01"), policy: "gold-daily" }];
    const mixed = onlyOfType(await runFixture(f), ITEM);
    expect(mixed.urn).toBe(lower.urn);
    expect([mixed.inputs.containerName, mixed.inputs.protectedItemName]).toEqual([lower.inputs.containerName, lower.inputs.protectedItemName]);
    // A stack deployed by 0.1 with a mixed-case ID holds mixed-case names: Pulumi keeps them rather than replace the item.
    expect(mixed.ignoreChanges).toEqual(["containerName", "protectedItemName"]);
  });

  it("keeps a VM's item URN when other VMs join or leave the vault's collection", async () => {
    const f = twoPolicies();
    const a = { id: vmId("rg-app", "vm-a"), policy: "gold-daily" };
    f.vms = [a];
    const alone = onlyOfType(await runFixture(f), ITEM);
    f.vms = [{ id: vmId("rg-app", "vm-0"), policy: "silver-daily" }, a, { id: vmId("rg-data", "vm-z"), policy: "gold-daily" }];
    const among = ofType(await runFixture(f), ITEM).find((i) => i.name === "rg-app/vm-a-item")!;
    expect([among.urn, among.inputs]).toEqual([alone.urn, alone.inputs]);
  });
});
