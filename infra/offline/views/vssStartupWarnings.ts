import type { ConfigIssue } from "../../config/configError";
import { VSS_SERVICE } from "../../azure/inGuestFacts";
import type { Inventory } from "../engine/inventory";
import type { EstateView } from "./estateView";

/**
 * Warnings for Windows VMs whose inventory entry states a Disabled VSS service. VSS cannot then
 * take part in the snapshot and Azure Backup silently falls back to a file-consistent snapshot at
 * every backup; the plan says so, naming the VM, unless the VM's readiness setting deals with it.
 */
export function vssStartupWarnings(estate: EstateView, inventory: Inventory): ConfigIssue[] {
  const disabled = new Set(
    inventory.virtualMachines.filter((vm) => vm.vssStartupType === "Disabled").map((vm) => vm.id.toLowerCase()),
  );
  const service = `the ${VSS_SERVICE.displayName} (${VSS_SERVICE.name}) service`;
  return estate.vms
    // Crash-consistent VMs (crash-only policy, stopped VM) do not use VSS, so there is nothing to lose.
    .filter((v) => v.os === "Windows" && v.consistency === "app" && disabled.has(v.vmId.toLowerCase()))
    .map((v) => {
      const vm = `VM ${v.vmName} (${v.vmResourceGroup})`;
      switch (v.windowsReadiness) {
        case "prepare":
          return { path: v.source, message: `${vm}: the inventory states ${service} is Disabled; windowsReadiness: prepare sets it to ${VSS_SERVICE.startupAfter} at this deployment, so backups are app-consistent` };
        case "check":
          return { path: v.source, message: `${vm}: the inventory states ${service} is Disabled; windowsReadiness: check will fail this deployment until VSS is enabled (otherwise backups would only be file-consistent)` };
        default:
          return {
            path: v.source,
            message: `${vm}: the inventory states ${service} is Disabled, so its backups will be file-consistent, not app-consistent (Azure Backup falls back silently at every backup); enable VSS, or set windowsReadiness: prepare (sets it to ${VSS_SERVICE.startupAfter}) or check (fails the deployment)`,
          };
      }
    });
}
