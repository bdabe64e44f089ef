import { describe, expect, it } from "vitest";
import { vmSchema } from "../../infra/config/configSchema";
import { toProtectedVmModel } from "../../infra/model/protectedVm";
import { vmId } from "../fixtures/stackConfig";

const vm = (over: Record<string, unknown> = {}) => vmSchema.parse({ id: vmId("RG-App", "VM-Web-01"), policy: "daily", ...over });

describe("toProtectedVmModel", () => {
  it("names the item as Azure Backup does and sorts the disk list", () => {
    const model = toProtectedVmModel(vm({ disks: { exclude: [3, 1, 2] } }));
    expect(model).toMatchObject({
      key: "rg-app/vm-web-01",
      policyName: "daily",
      fabricName: "Azure",
      containerName: "iaasvmcontainer;iaasvmcontainerv2;rg-app;vm-web-01",
      protectedItemName: "vm;iaasvmcontainerv2;rg-app;vm-web-01",
      disks: { exclude: [1, 2, 3] },
      source: "vms",
      protectionState: "Protected",
      warnings: [],
    });
    expect(toProtectedVmModel(vm({ disks: { include: [5, 0] } })).disks).toEqual({ include: [0, 5] });
    expect(toProtectedVmModel(vm({ disks: {} })).disks).toBeUndefined();
    expect("importId" in toProtectedVmModel(vm())).toBe(false);
  });

  it("takes the OS and region from Azure's facts over the entry", () => {
    const model = toProtectedVmModel(vm({ os: "Linux", vss: "Copy", windowsReadiness: "check" }), {
      facts: { os: "Windows", location: "westeurope", powerState: "running" } as never,
      source: "selectors[1]",
    });
    expect(model).toMatchObject({ os: "Windows", location: "westeurope", source: "selectors[1]", vss: { mode: "Copy" }, windowsReadiness: { mode: "check" } });
    expect(model.scriptPlugin).toBeUndefined();
  });

  it("applies the estate's readiness default to Windows VMs only, and VSS to Windows only", () => {
    expect(toProtectedVmModel(vm({ os: "Windows" }), { defaultWindowsReadiness: "prepare" }).windowsReadiness?.mode).toBe("prepare");
    expect(toProtectedVmModel(vm({ os: "Windows", windowsReadiness: "check" }), { defaultWindowsReadiness: "prepare" }).windowsReadiness?.mode).toBe("check");
    const linux = toProtectedVmModel(vm({ os: "Linux", vss: "Full" }), { defaultWindowsReadiness: "prepare" });
    expect(linux.windowsReadiness).toBeUndefined();
    expect(linux.vss).toBeUndefined();
  });

  it("refuses an ID that is not a VM's, which validation rules out first", () => {
    expect(() => toProtectedVmModel({ ...vm(), id: "/subscriptions/x" })).toThrow("invalid VM ID /subscriptions/x; loadConfig rejects this before the model is built");
  });
});
