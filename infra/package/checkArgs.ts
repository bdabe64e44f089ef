import * as pulumi from "@pulumi/pulumi";
import { ConfigError, joinPath, type ConfigIssue } from "../config/configError";
import { PROJECT_NAME, type LoadedConfig, type RawStackConfig } from "../config/backupConfig";
import { loadConfig } from "../validate/loadConfig";
import type { VmSettings } from "./args";

/** Keys of other packages the configuration reads (the vault's default region and subscription). */
const AMBIENT_KEYS = ["azure-native:location", "azure:location", "azure-native:subscriptionId", "azure:subscriptionId"];
/** VM entry keys of the library only: facts the stack program looks up instead. */
const LIBRARY_VM_KEYS = ["name", "dataDiskLuns"] as const;
const NO_SUBSCRIPTION = "00000000-0000-0000-0000-000000000000";

/** A VM entry whose ID is an output: validated with a stand-in ID now, and with its own once known. */
export interface PendingVm {
  readonly index: number;
  readonly name: string;
  readonly args: VmSettings;
  /** The stand-in ID the configuration was checked with. */
  readonly standIn: string;
}

export interface CheckedArgs {
  readonly loaded: LoadedConfig;
  readonly pending: readonly PendingVm[];
  /** Each `vms` entry as the caller gave it, by index. */
  readonly vmArgs: readonly VmSettings[];
}

/** Stops the program before anything is registered: the stack's message, as a RunError (no stack trace). */
export function refuse(issues: readonly ConfigIssue[]): never {
  throw new pulumi.RunError(new ConfigError(issues).message);
}

function standInId(subscriptionId: string | undefined, name: string): string {
  const safe = name.replace(/[^-\w.]/g, "-").replace(/^[^a-zA-Z0-9]/, "v").slice(0, 64);
  return `/subscriptions/${subscriptionId ?? NO_SUBSCRIPTION}/resourceGroups/pending-output/providers/Microsoft.Compute/virtualMachines/${safe}`;
}

/** `daysOfMonth: ["1", "Last"]` (the schema's string list) reads as the configuration's `[1, Last]`. */
function withDaysOfMonth(policies: unknown): unknown {
  if (!policies || typeof policies !== "object") return policies;
  const fix = (section: unknown) => {
    if (!section || typeof section !== "object" || !Array.isArray((section as { daysOfMonth?: unknown }).daysOfMonth)) return section;
    const s = section as { daysOfMonth: unknown[] };
    return { ...s, daysOfMonth: s.daysOfMonth.map((d) => (typeof d === "string" && /^\d+$/.test(d) ? Number(d) : d)) };
  };
  return Object.fromEntries(Object.entries(policies).map(([name, p]) => {
    const retention = (p as { retention?: Record<string, unknown> } | undefined)?.retention;
    if (!retention || typeof retention !== "object") return [name, p];
    return [name, { ...(p as object), retention: { ...retention, monthly: fix(retention.monthly), yearly: fix(retention.yearly) } }];
  }));
}

/**
 * Checks args in the configuration's vocabulary with the stack's own loadConfig, so every message
 * and key path is the stack's. `only` keeps the issues under those keys (a building block is checked
 * with neutral stand-ins for the sections it does not take).
 */
export function checkArgs(args: Readonly<Record<string, unknown>>, only?: readonly string[]): CheckedArgs {
  const ambient = pulumi.runtime.allConfig();
  const raw: Record<string, string> = {};
  for (const key of AMBIENT_KEYS) if (ambient[key] !== undefined) raw[key] = ambient[key]!;
  const subscriptionId = raw["azure-native:subscriptionId"] ?? raw["azure:subscriptionId"];

  const issues: ConfigIssue[] = [];
  const pending: PendingVm[] = [];
  const vmArgs = Array.isArray(args.vms) ? (args.vms as VmSettings[]) : [];
  const vms = vmArgs.map((vm, index) => {
    if (!vm || typeof vm !== "object") return vm;
    const entry: Record<string, unknown> = { ...vm };
    for (const key of LIBRARY_VM_KEYS) delete entry[key];
    // A plain region is the configuration's `location` (it routes the VM); an output is checked once known.
    if (typeof vm.location !== "string") delete entry.location;
    if (typeof vm.id === "string" || vm.id === undefined) return entry;
    if (!vm.name) {
      issues.push({ path: joinPath("vms", index, "name"), message: "is required when id is an output (a VM declared in this program): the logical name of its backup resources, e.g. app/vm1" });
      return { ...entry, id: standInId(subscriptionId, `unnamed-${index}`) };
    }
    const standIn = standInId(subscriptionId, vm.name);
    pending.push({ index, name: vm.name, args: vm, standIn });
    return { ...entry, id: standIn };
  });

  for (const [key, value] of Object.entries(args)) {
    if (value === undefined) continue;
    const section = key === "vms" ? vms : key === "policies" ? withDaysOfMonth(value) : value;
    raw[`${PROJECT_NAME}:${key}`] = typeof section === "string" ? section : JSON.stringify(section);
  }

  let loaded: LoadedConfig | undefined;
  try {
    loaded = loadConfig(raw as RawStackConfig);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    issues.push(...err.issues.filter((i) => !only || only.some((key) => i.path === key || i.path.startsWith(`${key}.`) || i.path.startsWith(`${key}[`))));
  }
  if (issues.length > 0 || !loaded) refuse(issues);
  return { loaded, pending, vmArgs };
}
