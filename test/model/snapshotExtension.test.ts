import { describe, expect, it } from "vitest";
import { toSnapshotExtension } from "../../infra/model/snapshotExtension";

describe("toSnapshotExtension", () => {
  it("declares VMSnapshot 1.9 on Windows", () => {
    expect(toSnapshotExtension("declare", "Windows")).toEqual({
      declared: true, name: "VMSnapshot", publisher: "Microsoft.Azure.RecoveryServices", type: "VMSnapshot", typeHandlerVersion: "1.9", autoUpgradeMinorVersion: true,
    });
  });

  it("declares VMSnapshotLinux 1.0 on Linux", () => {
    expect(toSnapshotExtension("declare", "Linux")).toEqual({
      declared: true, name: "VMSnapshotLinux", publisher: "Microsoft.Azure.RecoveryServices", type: "VMSnapshotLinux", typeHandlerVersion: "1.0", autoUpgradeMinorVersion: true,
    });
  });

  it.each([["Windows", "VMSnapshot"], ["Linux", "VMSnapshotLinux"]] as const)("leaves %s installation to Azure Backup with auto, naming %s", (os, type) => {
    expect(toSnapshotExtension("auto", os)).toEqual({ declared: false, publisher: "Microsoft.Azure.RecoveryServices", type });
  });

  it("never guesses the type when the OS is unknown", () => {
    expect(toSnapshotExtension("declare", undefined)).toEqual({ declared: false, publisher: "Microsoft.Azure.RecoveryServices", type: undefined });
  });
});
