import { describe, expect, it } from "vitest";
import { parseVmId } from "../../infra/model/resourceId";

describe("resource IDs", () => {
  it("parses a VM ID, lower-casing only the subscription", () => {
    const id = "/subscriptions/6F1C2D3E-4B5A-4C6D-8E7F-9A0B1C2D3E4F/resourceGroups/RG-App/providers/Microsoft.Compute/virtualMachines/VM-Web-01";
    expect(parseVmId(id)).toEqual({ id, subscriptionId: "6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f", resourceGroupName: "RG-App", name: "VM-Web-01" });
    expect(parseVmId("/subscriptions/x/resourceGroups/rg/providers/Microsoft.Compute/disks/d")).toBeUndefined();
  });

});
