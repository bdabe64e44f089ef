import type { ProviderName } from "../infra/config/configSchema";
import type { RawStackConfig } from "../infra/config/backupConfig";
import type { Inventory } from "../infra/offline/engine/inventory";

export const BENCH_SUBSCRIPTION = "6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f";
/** Azure's recommendation (and the project's warning threshold): at most 100 VMs per policy. */
const VMS_PER_POLICY = 100;

/** Policy shapes the estate cycles through: V1 daily and weekly, V2 hourly and daily with tiering. */
const POLICY_TEMPLATES: ReadonlyArray<Record<string, unknown>> = [
  {
    tier: "Standard",
    schedule: { frequency: "Daily", time: "22:00" },
    timeZone: "W. Europe Standard Time",
    instantRestoreDays: 2,
    retention: { daily: 30, weekly: { count: 12, days: ["Sunday"] }, monthly: { count: 12, weeks: ["First"], days: ["Sunday"] } },
  },
  {
    tier: "Standard",
    schedule: { frequency: "Weekly", time: "01:00", weekDays: ["Saturday"] },
    timeZone: "UTC",
    instantRestoreDays: 5,
    retention: { weekly: { count: 26, days: ["Saturday"] }, yearly: { count: 3, months: ["January"], weeks: ["First"], days: ["Saturday"] } },
  },
  {
    tier: "Enhanced",
    schedule: { frequency: "Hourly", time: "06:00", intervalHours: 4, windowHours: 16 },
    timeZone: "UTC",
    instantRestoreDays: 7,
    instantRestoreResourceGroup: { prefix: "rg-snap-", suffix: "-bench" },
    retention: { daily: 14, weekly: { count: 8, days: ["Sunday"] } },
  },
  {
    tier: "Enhanced",
    schedule: { frequency: "Daily", time: "23:30" },
    timeZone: "UTC",
    instantRestoreDays: 5,
    retention: { daily: 30, monthly: { count: 60, daysOfMonth: [1, "Last"] }, yearly: { count: 10, months: ["December"], daysOfMonth: ["Last"] } },
    tiering: { mode: "TierAfter", after: 3, unit: "Months" },
  },
];

export interface SyntheticVm {
  readonly id: string;
  readonly resourceGroupName: string;
  readonly name: string;
  readonly os: "Windows" | "Linux";
}

/** VM `i` of a synthetic estate: 20 VMs per resource group, Windows and Linux alternating. */
export function syntheticVm(i: number): SyntheticVm {
  const resourceGroupName = `rg-app-${String(Math.floor(i / 20)).padStart(3, "0")}`;
  const name = `vm-${String(i).padStart(4, "0")}`;
  return {
    id: `/subscriptions/${BENCH_SUBSCRIPTION}/resourceGroups/${resourceGroupName}/providers/Microsoft.Compute/virtualMachines/${name}`,
    resourceGroupName,
    name,
    os: i % 2 === 0 ? "Windows" : "Linux",
  };
}

/** The Linux script plug-in settings of the VM-side variant (one run command per Linux VM). */
const SCRIPTS = { preScript: "/opt/backup/pre.sh", postScript: "/opt/backup/post.sh", preScriptParams: ["app"], timeoutSeconds: 120 };

/**
 * VM side of a synthetic VM in the VM-side variant: the project declares the snapshot extension and,
 * on native, one run command per VM (VSS Copy on Windows, the script plug-in on Linux). Classic cannot
 * express those run commands (classicRules), so the bench program declares one directly (see vmSide.ts).
 */
function vmSideSettings(vm: SyntheticVm, provider: ProviderName): Record<string, unknown> {
  if (provider === "classic") return { extension: "declare" };
  return vm.os === "Windows" ? { extension: "declare", vss: "Copy" } : { extension: "declare", scripts: SCRIPTS };
}

/** Regions of the multi-vault estates' vaults, one vault each; the first is the one-vault estates' region. */
export const BENCH_REGIONS = ["westeurope", "northeurope", "francecentral", "germanywestcentral", "swedencentral", "uksouth", "norwayeast", "switzerlandnorth"] as const;

/** The region of VM `i` of an estate of `vaults` vaults with `vmsPerVault` VMs each (VMs fill the vaults in order). */
const regionOf = (i: number, vmsPerVault: number, vaults: number) => BENCH_REGIONS[vaults > 1 ? Math.floor(i / vmsPerVault) : 0]!;

/**
 * The offline answers for a synthetic estate: every VM running, Standard security, data disks at
 * LUNs 0-2; with several vaults, the VMs of vault k are in region k (`vmCount` VMs per vault).
 */
export function syntheticInventory(vmCount: number, vaults = 1): Inventory {
  return {
    virtualMachines: Array.from({ length: vmCount * vaults }, (_, i) => {
      const vm = syntheticVm(i);
      return {
        id: vm.id,
        location: regionOf(i, vmCount, vaults),
        os: vm.os,
        securityType: "Standard" as const,
        powerState: "running" as const,
        osDisk: { sku: "Premium_LRS" },
        dataDisks: [0, 1, 2].map((lun) => ({ lun, sku: "Premium_LRS", shared: false })),
        tags: {},
      };
    }),
  };
}

/** The settings of bench vault `k`: the same secure settings in every vault, only name, group and region differ. */
function benchVault(k: number, vaults: number): Record<string, unknown> {
  return {
    name: vaults > 1 ? `rsv-bench-${k}` : "rsv-bench",
    resourceGroupName: vaults > 1 ? `rg-backup-bench-${k}` : "rg-backup-bench",
    ...(vaults > 1 && { location: BENCH_REGIONS[k], primary: k === 0 }),
    storageRedundancy: "GeoRedundant",
    crossRegionRestore: true,
    softDelete: "Enabled",
    immutability: "Unlocked",
    publicNetworkAccess: "Disabled",
    jobFailureAlerts: true,
    tags: { environment: "bench" },
  };
}

/**
 * A stack configuration for `vmCount` VMs over several policies (at least four, at most 100 VMs each),
 * written as the Pulumi CLI hands it to the program. Soft delete is `Enabled` so that both renderers
 * can express the same estate. `vmSide` adds the VM-side settings of each VM. With `vaults` > 1 the
 * stack has that many vaults (`vaults`, one region each) of `vmCount` VMs each, on the same policies;
 * each VM is routed to its vault by the region its look-up reports.
 */
export function syntheticStackConfig(vmCount: number, provider: ProviderName, vmSide = false, vaults = 1): RawStackConfig {
  const policyCount = Math.max(POLICY_TEMPLATES.length, Math.ceil(vmCount / VMS_PER_POLICY));
  const policies: Record<string, unknown> = {};
  const names: string[] = [];
  for (let p = 0; p < policyCount; p++) {
    const name = `policy-${String(p).padStart(2, "0")}`;
    names.push(name);
    policies[name] = POLICY_TEMPLATES[p % POLICY_TEMPLATES.length];
  }
  const vms = Array.from({ length: vmCount * vaults }, (_, i) => {
    const vm = syntheticVm(i);
    return {
      id: vm.id,
      policy: names[i % policyCount],
      os: vm.os,
      ...(i % 5 === 1 && { disks: { exclude: [1, 2] } }),
      ...(i % 7 === 3 && { disks: { include: [0] } }),
      ...(vmSide && vmSideSettings(vm, provider)),
    };
  });
  return {
    "azure-native:location": "westeurope",
    "azure-native:subscriptionId": BENCH_SUBSCRIPTION,
    "azure-vm-backup:provider": provider,
    ...(vaults > 1
      ? { "azure-vm-backup:vaults": JSON.stringify(Object.fromEntries(Array.from({ length: vaults }, (_, k) => [`region-${k}`, benchVault(k, vaults)]))) }
      : { "azure-vm-backup:vault": JSON.stringify(benchVault(0, 1)) }),
    "azure-vm-backup:policies": JSON.stringify(policies),
    "azure-vm-backup:vms": JSON.stringify(vms),
  };
}
