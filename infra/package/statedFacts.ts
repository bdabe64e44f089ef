import type { VmSettings } from "./args";
import type { OsType } from "../config/configSchema";
import type { VmFacts, VmLookup } from "../model/vmFacts";

/** Why a library VM has no facts: the library never looks VMs up (a VM of the same program may not exist yet). */
export const NOT_LOOKED_UP = "the library does not look VMs up: state location (and dataDiskLuns) in the entry for the region and disk checks";

/**
 * The facts an entry states, as a look-up result, so the stack's fact rules run on them. Security
 * type, power state and disk SKUs are not stated: they are neutral here (Standard, running, no SKU),
 * which those rules read as nothing to report.
 */
export function statedLookup(id: string, os: OsType | undefined, location: string | undefined, luns: readonly number[] | undefined): VmLookup {
  if (!os || location === undefined) return { found: false, reason: NOT_LOOKED_UP };
  const facts: VmFacts = {
    id,
    location,
    os,
    securityType: "Standard",
    powerState: "running",
    osDisk: {},
    dataDisks: (luns ?? []).map((lun) => ({ lun, shared: false })),
    tags: {},
  };
  return { found: true, facts };
}

/** An entry's stated facts when they are plain values (outputs are checked once known). */
export function plainFacts(vm: VmSettings): { location?: string; luns?: readonly number[] } {
  const location = typeof vm.location === "string" ? vm.location : undefined;
  const luns = Array.isArray(vm.dataDiskLuns) && vm.dataDiskLuns.every((l) => typeof l === "number") ? vm.dataDiskLuns : undefined;
  return { location, luns };
}
