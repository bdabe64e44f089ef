import { describe, expect, it } from "vitest";
import type { EstateView, VmSideView } from "../../../infra/offline/views/estateView";
import { vssStartupWarnings } from "../../../infra/offline/views/vssStartupWarnings";
import { inventoryVm, vmId } from "../../fixtures/vmSide";

const side = (name: string, over: Partial<VmSideView> = {}): VmSideView => ({
  key: `rg-app/${name}`, vmId: vmId("rg-app", name), vmName: name, vmResourceGroup: "rg-app", os: "Windows", source: "vms[0]",
  extension: "VMSnapshot (installed by Azure Backup)", extensionDeclared: false, consistency: "app", consistencyDetail: "VSS full backup", warnings: [], ...over,
});
const estate = (vms: VmSideView[]): EstateView => ({ vaults: [], policies: [], items: [], vms });

describe("vssStartupWarnings", () => {
  it("warns only for app-consistent Windows VMs the inventory states Disabled (case of the ID aside)", () => {
    const inventory = {
      virtualMachines: [
        inventoryVm("rg-app", "vm-a", { id: vmId("RG-APP", "VM-A"), vssStartupType: "Disabled" }),
        inventoryVm("rg-app", "vm-b", { vssStartupType: "Manual" }),
        inventoryVm("rg-app", "vm-c", { vssStartupType: "Disabled" }),
        inventoryVm("rg-app", "vm-d", { vssStartupType: "Disabled" }),
      ],
    };
    const warnings = vssStartupWarnings(estate([
      side("vm-a"),
      side("vm-b"),
      // A crash-consistent-only policy does not use VSS: nothing is lost.
      side("vm-c", { consistency: "crash", consistencyDetail: "policy takes crash-consistent snapshots only" }),
      side("vm-d", { os: "Linux", consistency: "file" }),
      side("vm-e"),
    ]), inventory);
    expect(warnings).toEqual([{
      path: "vms[0]",
      message: "VM vm-a (rg-app): the inventory states the Volume Shadow Copy (VSS) service is Disabled, so its backups will be file-consistent, not app-consistent (Azure Backup falls back silently at every backup); enable VSS, or set windowsReadiness: prepare (sets it to Automatic) or check (fails the deployment)",
    }]);
  });
});
