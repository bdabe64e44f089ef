import type { InGuestChanges } from "../../model/inGuestChanges";
import type { EstateView } from "./estateView";

/**
 * The in-guest changes of every protected VM, keyed by VM resource ID in the estate's VM order:
 * the `inGuestChanges` field of `plan --json`. VMs whose VM-side outputs carry none are left out.
 */
export function inGuestChangesByVm(estate: EstateView): Record<string, InGuestChanges> {
  return Object.fromEntries(estate.vms.flatMap((v) => (v.inGuestChanges ? [[v.vmId, v.inGuestChanges] as const] : [])));
}
