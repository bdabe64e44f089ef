import { describe, expect, it } from "vitest";
import { powerStateOf, sameRegion, toVmFacts } from "../../infra/model/vmFacts";
import { virtualMachineAnswer } from "../../infra/offline/engine/inventory";
import { inventoryVm, vmId } from "../fixtures/vmSide";

describe("toVmFacts", () => {
  it("reads OS, security type, power state, disk SKUs and sharing from the VM and disk look-ups", () => {
    const answer = virtualMachineAnswer(
      inventoryVm("rg-db", "vm-pg-01", {
        os: "Linux",
        securityType: "TrustedLaunch",
        powerState: "deallocated",
        osDisk: { sku: "Premium_LRS" },
        dataDisks: [
          { lun: 2, sku: "Premium_LRS", shared: true },
          { lun: 0, sku: "UltraSSD_LRS", shared: false },
        ],
        tags: { backup: "gold" },
      }),
      true,
    );
    const shared = `/subscriptions/6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f/resourceGroups/rg-db/providers/Microsoft.Compute/disks/vm-pg-01-data-2`;
    const facts = toVmFacts(answer, new Map([[shared.toLowerCase(), { maxShares: 2 }]]));
    expect(facts).toEqual({
      id: vmId("rg-db", "vm-pg-01"),
      location: "westeurope",
      os: "Linux",
      securityType: "TrustedLaunch",
      powerState: "deallocated",
      osDisk: { sku: "Premium_LRS", name: "vm-pg-01-osdisk" },
      dataDisks: [
        { lun: 0, name: "vm-pg-01-data-0", sku: "UltraSSD_LRS", shared: false },
        { lun: 2, name: "vm-pg-01-data-2", sku: "Premium_LRS", shared: true },
      ],
      tags: { backup: "gold" },
    });
  });

  it("treats a VM without securityProfile as Standard and without instance view as power state unknown", () => {
    const facts = toVmFacts(virtualMachineAnswer(inventoryVm("rg", "vm"), false), new Map());
    expect(facts?.securityType).toBe("Standard");
    expect(facts?.powerState).toBe("unknown");
  });

  it("returns undefined for an answer that is not a VM (no ID or no OS type)", () => {
    expect(toVmFacts({}, new Map())).toBeUndefined();
    expect(toVmFacts({ id: vmId("rg", "vm"), storageProfile: {} }, new Map())).toBeUndefined();
  });
});

describe("powerStateOf", () => {
  it.each([
    [[{ code: "ProvisioningState/succeeded" }, { code: "PowerState/running" }], "running"],
    [[{ code: "PowerState/deallocated" }], "deallocated"],
    [[{ code: "PowerState/Stopped" }], "stopped"],
    [[{ code: "PowerState/hibernated" }], "unknown"],
    [undefined, "unknown"],
  ])("reads %j as %s", (statuses, expected) => {
    expect(powerStateOf(statuses)).toBe(expected);
  });
});

describe("sameRegion", () => {
  it("compares display names and programmatic names alike", () => {
    expect(sameRegion("West Europe", "westeurope")).toBe(true);
    expect(sameRegion("northeurope", "westeurope")).toBe(false);
  });
});
