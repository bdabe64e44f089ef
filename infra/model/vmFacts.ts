import type { OsType } from "../config/configSchema";

/**
 * What Azure says about a VM, read before anything is declared: the rules in vmFactRules.ts and
 * the VM-side model are built from these facts, never from guesses.
 */
export interface VmFacts {
  readonly id: string;
  readonly location: string;
  readonly os: OsType;
  readonly securityType: SecurityType;
  readonly powerState: PowerState;
  readonly osDisk: DiskFacts;
  readonly dataDisks: readonly DataDiskFacts[];
  readonly tags: Readonly<Record<string, string>>;
}

export type SecurityType = "Standard" | "TrustedLaunch" | "ConfidentialVM";
export type PowerState = "running" | "starting" | "stopping" | "stopped" | "deallocating" | "deallocated" | "unknown";

export interface DiskFacts {
  /** Storage SKU (`Premium_LRS`, `UltraSSD_LRS`, `PremiumV2_LRS`, ...); undefined for unmanaged disks. */
  readonly sku?: string;
  readonly name?: string;
}

export interface DataDiskFacts extends DiskFacts {
  readonly lun: number;
  /** Attached to more than one VM (`maxShares` > 1 on the managed disk). */
  readonly shared: boolean;
}

/** The outcome of a look-up: facts, or why there are none (not found, no access, not in the offline inventory). */
export type VmLookup = { readonly found: true; readonly facts: VmFacts } | { readonly found: false; readonly reason: string };

/** The fields of `compute.getVirtualMachine` (with `expand: instanceView`) that facts are read from. */
export interface VirtualMachineLookupResult {
  readonly id?: string;
  readonly location?: string;
  readonly tags?: Record<string, string>;
  readonly securityProfile?: { readonly securityType?: string };
  readonly storageProfile?: {
    readonly osDisk?: { readonly osType?: string; readonly name?: string; readonly managedDisk?: { readonly id?: string; readonly storageAccountType?: string } };
    readonly dataDisks?: ReadonlyArray<{ readonly lun: number; readonly name?: string; readonly managedDisk?: { readonly id?: string; readonly storageAccountType?: string } }>;
  };
  readonly instanceView?: { readonly statuses?: ReadonlyArray<{ readonly code?: string }> };
}

/** The fields of `compute.getDisk` the facts need. */
export interface DiskLookupResult {
  readonly id?: string;
  readonly maxShares?: number;
  readonly sku?: { readonly name?: string };
}

const SECURITY_TYPES: Readonly<Record<string, SecurityType>> = {
  trustedlaunch: "TrustedLaunch",
  confidentialvm: "ConfidentialVM",
};

/** `PowerState/deallocated` -> `deallocated`; unknown when the instance view has none. */
export function powerStateOf(statuses: ReadonlyArray<{ readonly code?: string }> | undefined): PowerState {
  const code = statuses?.find((s) => s.code?.toLowerCase().startsWith("powerstate/"))?.code;
  const state = code?.slice("PowerState/".length).toLowerCase();
  const known: readonly PowerState[] = ["running", "starting", "stopping", "stopped", "deallocating", "deallocated"];
  return known.find((k) => k === state) ?? "unknown";
}

/**
 * Builds facts from a VM look-up and the look-ups of its managed data disks (keyed by lower-case
 * disk ID). A missing OS type means the answer is not a VM: the caller reports it.
 */
export function toVmFacts(vm: VirtualMachineLookupResult, disks: ReadonlyMap<string, DiskLookupResult>): VmFacts | undefined {
  const osType = vm.storageProfile?.osDisk?.osType?.toLowerCase();
  const os: OsType | undefined = osType === "windows" ? "Windows" : osType === "linux" ? "Linux" : undefined;
  if (!vm.id || !os) return undefined;
  const osDisk = vm.storageProfile?.osDisk;
  return {
    id: vm.id,
    location: vm.location ?? "",
    os,
    securityType: SECURITY_TYPES[vm.securityProfile?.securityType?.toLowerCase() ?? ""] ?? "Standard",
    powerState: powerStateOf(vm.instanceView?.statuses),
    osDisk: { sku: osDisk?.managedDisk?.storageAccountType, name: osDisk?.name },
    dataDisks: (vm.storageProfile?.dataDisks ?? [])
      .map((d) => {
        const disk = d.managedDisk?.id ? disks.get(d.managedDisk.id.toLowerCase()) : undefined;
        return {
          lun: d.lun,
          name: d.name,
          sku: d.managedDisk?.storageAccountType ?? disk?.sku?.name,
          shared: (disk?.maxShares ?? 1) > 1,
        };
      })
      .sort((a, b) => a.lun - b.lun),
    tags: vm.tags ?? {},
  };
}

/** Regions compare without case or spaces (`West Europe` is `westeurope`). */
export function sameRegion(a: string, b: string): boolean {
  return a.replace(/\s+/g, "").toLowerCase() === b.replace(/\s+/g, "").toLowerCase();
}
