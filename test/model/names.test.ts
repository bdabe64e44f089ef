import { describe, expect, it } from "vitest";
import { protectedItemName, protectionContainerName, vmLogicalName } from "../../infra/model/names";
import { parseVmId } from "../../infra/model/resourceId";
import { toDayOfMonth, toScheduleDateTime } from "../../infra/providers/nativePolicy";
import { resolveTimeZone } from "../../infra/config/timeZone";

const id = "/subscriptions/6F1C2D3E-4B5A-4C6D-8E7F-9A0B1C2D3E4F/resourceGroups/RG-App/providers/Microsoft.Compute/virtualMachines/VM-Web-01";

describe("names", () => {
  it("parses a VM resource ID and keeps the Azure names' casing", () => {
    expect(parseVmId(id)).toEqual({ id, subscriptionId: "6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f", resourceGroupName: "RG-App", name: "VM-Web-01" });
    expect(parseVmId("/subscriptions/x/resourceGroups/rg/providers/Microsoft.Compute/disks/d")).toBeUndefined();
  });

  it("builds the contract's container and item names, lower case whatever the ID's casing", () => {
    for (const written of [id, id.toLowerCase(), id.toUpperCase().replace("/SUBSCRIPTIONS/", "/subscriptions/")]) {
      const vm = parseVmId(written)!;
      expect(protectionContainerName(vm)).toBe("iaasvmcontainer;iaasvmcontainerv2;rg-app;vm-web-01");
      expect(protectedItemName(vm)).toBe("vm;iaasvmcontainerv2;rg-app;vm-web-01");
    }
  });

  it("gives a logical name that ignores ID casing", () => {
    expect(vmLogicalName(parseVmId(id)!)).toBe(vmLogicalName(parseVmId(id.toLowerCase())!));
    expect(vmLogicalName(parseVmId(id)!)).toBe("rg-app/vm-web-01");
  });
});

describe("API value formats", () => {
  it.each([
    ["22:00", "2024-01-01T22:00:00Z"],
    ["00:30", "2024-01-01T00:30:00Z"],
  ])("writes %s as the fixed date-time %s", (time, expected) => {
    expect(toScheduleDateTime(time)).toBe(expected);
  });

  it("writes Last as {date: 0, isLast: true}", () => {
    expect(toDayOfMonth("Last")).toEqual({ date: 0, isLast: true });
    expect(toDayOfMonth(15)).toEqual({ date: 15, isLast: false });
  });

  it.each([
    ["UTC", "UTC"],
    ["w. europe standard time", "W. Europe Standard Time"],
    ["America/New_York", "Eastern Standard Time"],
    ["Asia/Tokyo", "Tokyo Standard Time"],
  ])("resolves time zone %s to %s", (input, expected) => {
    expect(resolveTimeZone(input)).toEqual({ ok: true, windowsId: expected });
  });

  it("rejects an unknown time zone", () => {
    expect(resolveTimeZone("Central European Time")).toMatchObject({ ok: false });
  });
});
