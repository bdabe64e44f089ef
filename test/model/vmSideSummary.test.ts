import { describe, expect, it } from "vitest";
import { vmSchema } from "../../infra/config/configSchema";
import { toProtectedVmModel } from "../../infra/model/protectedVm";
import { toVmSideSummary } from "../../infra/model/vmSideSummary";
import { vmId } from "../fixtures/stackConfig";

const vm = (over: Record<string, unknown> = {}) => vmSchema.parse({ id: vmId("rg-app", "vm-web-01"), policy: "daily", ...over });

describe("toVmSideSummary", () => {
  it("states a Windows VM's declared extension, VSS, readiness and backed-up LUNs", () => {
    const model = toProtectedVmModel(vm({ os: "Windows", extension: "declare", vss: "Copy", windowsReadiness: "check", protection: "Stopped" }), {
      source: "vms[2]",
      backedUpLuns: [0, 2],
      warnings: [{ path: "vms[2]", message: "VM is deallocated" }],
    });
    const summary = toVmSideSummary(model);
    expect(summary).toEqual({
      vmId: vmId("rg-app", "vm-web-01"),
      os: "Windows",
      source: "vms[2]",
      extensionPublisher: "Microsoft.Azure.RecoveryServices",
      extensionType: "VMSnapshot",
      extensionDeclared: true,
      consistency: "app",
      consistencyDetail: "VSS copy-only backup",
      vss: "Copy",
      scriptPluginConfigPath: "",
      windowsReadiness: "check",
      inGuestChanges: model.inGuestChanges,
      backedUpLuns: [0, 2],
      protectionState: "ProtectionStopped",
      warnings: ["vms[2]: VM is deallocated"],
    });
    // A copy, not the model's own arrays.
    expect(summary.backedUpLuns).not.toBe(model.backedUpLuns);
    expect(summary.warnings).not.toBe(model.warnings);
  });

  it("says what is unknown or unchanged for a VM whose OS is unknown", () => {
    const summary = toVmSideSummary(toProtectedVmModel(vm()));
    expect(summary).toMatchObject({
      os: "unknown",
      source: "vms",
      extensionType: "by OS",
      extensionDeclared: false,
      consistency: "file",
      consistencyDetail: "OS unknown",
      vss: "unchanged",
      scriptPluginConfigPath: "",
      windowsReadiness: "none",
      backedUpLuns: "unknown",
      protectionState: "Protected",
      warnings: [],
    });
  });

  it("names the script plug-in file of a Linux VM with scripts", () => {
    const summary = toVmSideSummary(toProtectedVmModel(vm({ os: "Linux", scripts: { preScript: "/opt/pre.sh", postScript: "/opt/post.sh" } })));
    expect(summary).toMatchObject({ os: "Linux", extensionType: "VMSnapshotLinux", consistency: "app", consistencyDetail: "pre/post scripts", scriptPluginConfigPath: "/etc/azure/VMSnapshotScriptPluginConfig.json" });
  });
});
