import { describe, expect, it } from "vitest";
import { powerStateOf, sameRegion, toVmFacts } from "../../infra/model/vmFacts";

const VM = "/subscriptions/6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f/resourceGroups/rg-app/providers/Microsoft.Compute/virtualMachines/vm-1";
const DISK = "/subscriptions/6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f/resourceGroups/rg-app/providers/Microsoft.Compute/disks/data-1";

describe("toVmFacts", () => {
  it("reads a minimal Linux answer with Azure's defaults", () => {
    expect(toVmFacts({ id: VM, storageProfile: { osDisk: { osType: "linux" } } }, new Map())).toEqual({
      id: VM,
      location: "",
      os: "Linux",
      securityType: "Standard",
      powerState: "unknown",
      osDisk: { sku: undefined, name: undefined },
      dataDisks: [],
      tags: {},
    });
  });

  it("reads security type, power state, disks sorted by LUN, SKUs from the VM or else the disk, and shared disks", () => {
    const facts = toVmFacts(
      {
        id: VM,
        location: "westeurope",
        tags: { env: "prod" },
        securityProfile: { securityType: "trustedLaunch" },
        instanceView: { statuses: [{ code: "ProvisioningState/succeeded" }, { code: "PowerState/deallocated" }] },
        storageProfile: {
          osDisk: { osType: "Windows", name: "os", managedDisk: { storageAccountType: "Premium_LRS" } },
          dataDisks: [
            { lun: 3, name: "d3", managedDisk: { id: DISK.toUpperCase() } },
            { lun: 1, name: "d1", managedDisk: { id: "other", storageAccountType: "StandardSSD_LRS" } },
            { lun: 2, name: "unmanaged" },
          ],
        },
      },
      new Map([[DISK.toLowerCase(), { id: DISK, maxShares: 2, sku: { name: "UltraSSD_LRS" } }]]),
    );
    expect(facts).toEqual({
      id: VM,
      location: "westeurope",
      os: "Windows",
      securityType: "TrustedLaunch",
      powerState: "deallocated",
      osDisk: { sku: "Premium_LRS", name: "os" },
      dataDisks: [
        { lun: 1, name: "d1", sku: "StandardSSD_LRS", shared: false },
        { lun: 2, name: "unmanaged", sku: undefined, shared: false },
        { lun: 3, name: "d3", sku: "UltraSSD_LRS", shared: true },
      ],
      tags: { env: "prod" },
    });
    expect(toVmFacts({ id: VM, securityProfile: { securityType: "ConfidentialVM" }, storageProfile: { osDisk: { osType: "Linux" } } }, new Map())?.securityType).toBe("ConfidentialVM");
    expect(toVmFacts({ id: VM, securityProfile: { securityType: "Other" }, storageProfile: { osDisk: { osType: "Linux" } } }, new Map())?.securityType).toBe("Standard");
  });

  it("is undefined without an ID or a known OS type", () => {
    expect(toVmFacts({ storageProfile: { osDisk: { osType: "Linux" } } }, new Map())).toBeUndefined();
    expect(toVmFacts({ id: VM, storageProfile: { osDisk: { osType: "BSD" } } }, new Map())).toBeUndefined();
    expect(toVmFacts({ id: VM }, new Map())).toBeUndefined();
  });
});

describe("powerStateOf", () => {
  it("reads the PowerState status in any case, and unknown for anything else", () => {
    expect(powerStateOf([{ code: "powerstate/Running" }])).toBe("running");
    expect(powerStateOf([{}, { code: "PowerState/stopping" }])).toBe("stopping");
    expect(powerStateOf([{ code: "PowerState/hibernated" }])).toBe("unknown");
    expect(powerStateOf([{ code: "ProvisioningState/running" }])).toBe("unknown");
    expect(powerStateOf(undefined)).toBe("unknown");
  });
});

describe("sameRegion", () => {
  it("ignores case and spaces", () => {
    expect(sameRegion("West Europe", "westeurope")).toBe(true);
    expect(sameRegion("westeurope", "northeurope")).toBe(false);
  });
});
