import { ConfigError } from "../../config/configError";
import type { EstateView, VmSideView } from "./estateView";

/**
 * The VMs planned without Azure's facts (no inventory or look-up answer, only a stated `os`): their
 * region, disks, security type and power state were not checked. An offline plan without an inventory
 * still plans them; the summary says how many, and `--strict` (for CI) refuses them.
 */
export function uncheckedVms(estate: EstateView): VmSideView[] {
  return estate.vms.filter((v) => v.backedUpLuns === undefined);
}

/** The summary's sentence about unchecked VMs, or nothing when every VM was checked. */
export function uncheckedSummary(estate: EstateView): string | undefined {
  const unchecked = uncheckedVms(estate);
  if (unchecked.length === 0) return undefined;
  return (
    `Not checked against Azure's facts: ${unchecked.length} of ${estate.vms.length} VMs (${unchecked.map((v) => v.vmName).join(", ")}) ` +
    "had no look-up answer, so their region, disks, security type and power state were not checked. " +
    "Give an inventory (--inventory, or generate one with npm run adopt -- --inventory-from DIR); --strict makes this an error."
  );
}

/** `--strict`: every VM must have been checked against Azure's facts. */
export function assertAllChecked(estate: EstateView): void {
  const unchecked = uncheckedVms(estate);
  if (unchecked.length === 0) return;
  throw new ConfigError(
    unchecked.map((v) => ({
      path: v.source,
      message: `VM ${v.vmName} was planned without Azure's facts (no look-up answer): its region, disks, security type and power state were not checked; give an inventory that lists it (--inventory PATH, or npm run adopt -- --inventory-from DIR)`,
    })),
    "Unchecked VMs (--strict)",
  );
}
