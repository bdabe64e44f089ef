import type { DataSafetyReport } from "../../model/dataSafetyReport";
import type { DataChange } from "../../model/dataSafetyRules";
import type { RecordedResource } from "../engine/recordedResource";
import { toEstateView } from "./estateView";

/** How one kind of resource is kept from losing backup data. */
export interface GuardView {
  readonly what: string;
  readonly count: number;
  readonly protect: boolean;
  readonly retainOnDelete: boolean;
  readonly how: string;
}

/**
 * The plan's Data section: what the deployment does to backups that already exist, where that state
 * came from, and what guards every resource that holds or serves backup data.
 */
export interface DataView {
  readonly backupState: string;
  readonly changes: readonly DataChange[];
  readonly notes: readonly string[];
  readonly guarded: readonly GuardView[];
  /** What the vault itself keeps of deleted data (soft delete, immutability), one line per vault. */
  readonly vaultGuards: readonly string[];
}

/** Kinds of resource that hold or serve backup data, in the order the section lists them (singular, plural). */
const KINDS: ReadonlyArray<readonly [RegExp, string, string]> = [
  [/:(resources:ResourceGroup|core\/resourceGroup:ResourceGroup)$/, "vault resource group", "vault resource groups"],
  [/:(recoveryservices:Vault|recoveryservices\/vault:Vault)$/, "vault", "vaults"],
  [/:(recoveryservices:ProtectionPolicy|backup\/policyVM:PolicyVM)$/, "backup policy", "backup policies"],
  [/:(recoveryservices:ProtectedItem|backup\/protectedVM:ProtectedVM)$/, "protected item", "protected items"],
  [/:(compute:VirtualMachineExtension|compute\/extension:Extension)$/, "snapshot extension", "snapshot extensions"],
  [/:compute:VirtualMachineRunCommandByVirtualMachine$/, "run command (VSS, scripts)", "run commands (VSS, scripts)"],
];

function how(protect: boolean, retainOnDelete: boolean): string {
  if (protect && retainOnDelete) return "protect: deleting it fails; retainOnDelete: once unprotected, removing it only forgets it (Azure keeps it)";
  if (retainOnDelete) return "retainOnDelete: removing it only forgets it (Azure keeps it)";
  if (protect) return "protect: deleting it fails";
  return "**not guarded**: removing it deletes it in Azure";
}

/** The guards of the plan's resources, one line per kind and option set, in KINDS order. */
export function toGuards(resources: readonly RecordedResource[]): GuardView[] {
  const rows = new Map<string, GuardView & { order: number }>();
  for (const r of resources.filter((x) => x.custom)) {
    const index = KINDS.findIndex(([pattern]) => pattern.test(r.type));
    const kind = KINDS[index];
    const key = `${index}|${r.type}|${r.protect}|${r.retainOnDelete}`;
    const count = (rows.get(key)?.count ?? 0) + 1;
    const what = kind ? kind[count === 1 ? 1 : 2] : r.type;
    rows.set(key, { what, count, protect: r.protect, retainOnDelete: r.retainOnDelete, how: how(r.protect, r.retainOnDelete), order: index < 0 ? KINDS.length : index });
  }
  return [...rows.values()].sort((a, b) => a.order - b.order).map(({ order: _order, ...row }) => row);
}

/**
 * The Data section of a plan. `report` is the program's `dataSafety` output (absent for a saved preview,
 * where nothing was looked up); `backupState` replaces its source when the caller knows better (offline,
 * which inventory answered).
 */
export function toDataView(resources: readonly RecordedResource[], report: DataSafetyReport | undefined, backupState?: string): DataView {
  return {
    backupState: backupState ?? report?.backupState ?? "not looked up: no existing backups were compared",
    changes: report?.changes ?? [],
    notes: report?.notes ?? [],
    guarded: toGuards(resources),
    vaultGuards: toEstateView(resources).vaults.map(
      (v) =>
        `vault ${v.name}: soft delete ${v.softDelete}${v.softDeleteDays ? ` (deleted items' points kept ${v.softDeleteDays} days)` : ""}, immutability ${v.immutability}` +
        (v.immutability === "Disabled" ? "" : " (while on, Azure refuses to delete recovery points before they expire and to cut retention)"),
    ),
  };
}

/** One line per change, for the terminal and the report. */
export function describeChange(c: DataChange): string {
  const cut = c.reductions.length > 0 ? `; retention cut: ${c.reductions.join(", ")}` : "";
  const choice = c.acknowledged ? ` (retention reduced by choice: ${c.acknowledged})` : "";
  return `${c.subject}: ${c.detail}${cut}${choice}${c.path ? ` [${c.path}]` : ""}`;
}
