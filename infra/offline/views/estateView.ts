import { decodeScriptPluginJson, type ScriptPluginConfig } from "../../model/scriptPlugin";
import { VSS_REGISTRY_VALUE } from "../../azure/azureLimits";
import type { VmSideSummary } from "../../model/vmSideSummary";
import type { InGuestChanges } from "../../model/inGuestChanges";
import { toProtectionState } from "../../model/lifecycle";
import { windowsReadinessModeOf } from "../../model/windowsReadiness";
import type { WindowsReadinessMode } from "../../config/configSchema";
import { nativeSoftDeleteState } from "../../providers/native";
import { toCanonicalEstate, type CanonicalEstate, type CanonicalItem, type CanonicalPolicy, type CanonicalVault } from "./canonical";
import type { RecordedResource } from "../engine/recordedResource";

/**
 * What a reviewer wants to see of a planned estate, read back from the recorded resources (what
 * Azure will receive), not from the configuration: if a renderer dropped a setting, it shows here.
 * Built on the canonical estate (views/canonical.ts), read through the provider adapters, so it reads both providers alike.
 */
export interface EstateView {
  readonly vaults: readonly VaultView[];
  readonly policies: readonly PolicyView[];
  readonly items: readonly ItemView[];
  readonly vms: readonly VmSideView[];
}

/** The VM side of one protected VM, read from the VmBackupExtensions component's `vms` output and the resources Azure receives. */
export interface VmSideView {
  /** The VM's key in the configuration and in its resources' logical names (`<rg>/<vm>`, lower case). */
  readonly key: string;
  readonly vmId: string;
  readonly vmName: string;
  readonly vmResourceGroup: string;
  readonly os: string;
  /** Config key path the VM comes from: `vms[2]` or `selectors[0]`. */
  readonly source: string;
  /** Extension type and version as declared, or the one Azure Backup will install. */
  readonly extension: string;
  readonly extensionDeclared: boolean;
  /** VSS backup type a declared run command applies; undefined leaves the VM's own setting. */
  readonly vss?: "Full" | "Copy";
  /** The script plug-in JSON a declared run command writes (parsed back from its script). */
  readonly scriptPlugin?: ScriptPluginConfig;
  /** windowsReadiness a declared run command applies (read back from its script). */
  readonly windowsReadiness?: WindowsReadinessMode;
  /** What will change inside the VM and when, as the VM-side component states it (absent from older outputs). */
  readonly inGuestChanges?: InGuestChanges;
  readonly consistency: string;
  readonly consistencyDetail: string;
  /** Data-disk LUNs backed up, when Azure's facts are known. */
  readonly backedUpLuns?: readonly number[];
  readonly warnings: readonly string[];
}

export interface VaultView {
  readonly name: string;
  readonly resourceGroupName: string;
  readonly location: string;
  readonly redundancy: string;
  readonly crossRegionRestore: boolean;
  readonly softDelete: string;
  readonly softDeleteDays?: number;
  readonly immutability: string;
  readonly publicNetworkAccess: string;
  readonly jobFailureAlerts: boolean;
  readonly cmk: boolean;
  readonly protect: boolean;
}

export interface PolicyView {
  readonly id?: string;
  readonly name: string;
  /** The vault the policy is created in (a policy of several vaults has one view per vault). */
  readonly vaultName: string;
  readonly tier: "Standard" | "Enhanced";
  readonly frequency: string;
  /** `HH:MM` start (window start for hourly). */
  readonly time: string;
  readonly weekDays: readonly string[];
  readonly intervalHours?: number;
  readonly windowHours?: number;
  readonly timeZone: string;
  readonly instantRestoreDays?: number;
  readonly retention: readonly string[];
  readonly tiering?: string;
  readonly crashConsistentOnly: boolean;
}

export interface ItemView {
  readonly urn: string;
  /** The vault that protects the VM. */
  readonly vaultName: string;
  readonly vmId: string;
  readonly vmName: string;
  readonly vmResourceGroup: string;
  readonly policyName?: string;
  readonly disks: string;
  readonly protect: boolean;
  readonly retainOnDelete: boolean;
  /** `protectionState` sent to Azure; Protected when none is sent. */
  readonly protectionState: string;
}

type Raw = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** `First/Third Sunday` or `day 1, Last`. */
function describePoints(r: Raw): string {
  if (r.daysOfMonth) return `day ${list(r.daysOfMonth).join(", ")}`;
  return `${list(r.weeks).join("/")} ${list(r.days).join("/")}`;
}

/** Human lines for a policy's retention (configuration vocabulary): `daily 30 d`, `monthly 12 m (First Sunday)`. */
function describeRetention(retention: Raw): string[] {
  const out: string[] = [];
  if (retention.daily !== undefined) out.push(`daily ${retention.daily} d`);
  if (retention.weekly) out.push(`weekly ${retention.weekly.count} w (${list(retention.weekly.days).join("/")})`);
  if (retention.monthly) out.push(`monthly ${retention.monthly.count} m (${describePoints(retention.monthly)})`);
  if (retention.yearly) out.push(`yearly ${retention.yearly.count} y (${list(retention.yearly.months).join("/")} ${describePoints(retention.yearly)})`);
  return out;
}

function vaultView(v: CanonicalVault): VaultView {
  const c: Raw = v.config;
  return {
    name: String(c.name),
    resourceGroupName: String(c.resourceGroupName),
    location: String(c.location),
    redundancy: String(c.storageRedundancy),
    crossRegionRestore: c.crossRegionRestore === true,
    // What Azure receives, in the API's spelling.
    softDelete: nativeSoftDeleteState(c.softDelete),
    softDeleteDays: c.softDelete === "Disabled" ? undefined : c.softDeleteRetentionDays,
    immutability: String(c.immutability),
    publicNetworkAccess: String(c.publicNetworkAccess),
    jobFailureAlerts: c.jobFailureAlerts === true,
    cmk: Boolean(c.encryption?.keyUri),
    protect: v.protect,
  };
}

function policyView(p: CanonicalPolicy): PolicyView {
  const c: Raw = p.config;
  const s: Raw = c.schedule ?? {};
  const t: Raw | undefined = c.tiering;
  return {
    id: p.id,
    name: p.name,
    vaultName: p.vaultName,
    tier: c.tier === "Enhanced" ? "Enhanced" : "Standard",
    frequency: s.frequency || "?",
    time: typeof s.time === "string" ? s.time : "?",
    weekDays: s.frequency === "Weekly" ? list(s.weekDays).map(String) : [],
    intervalHours: s.intervalHours,
    windowHours: s.windowHours,
    timeZone: String(c.timeZone),
    instantRestoreDays: c.instantRestoreDays,
    retention: describeRetention(c.retention ?? {}),
    tiering: t ? (t.mode === "TierAfter" ? `after ${t.after} ${t.unit}` : t.mode) : undefined,
    crashConsistentOnly: c.crashConsistentOnly === true,
  };
}

function itemView(i: CanonicalItem): ItemView {
  const disks: Raw | undefined = i.config.disks;
  const protection = i.config.protection ?? "Protected";
  return {
    urn: i.urn,
    vaultName: i.vaultName,
    vmId: i.vmId,
    vmName: i.vmName,
    vmResourceGroup: i.vmResourceGroup,
    policyName: i.policyName,
    disks: disks ? `${disks.include ? "OS + " : "all but "}${lunList(list(disks.include ?? disks.exclude).map(Number))}` : "all",
    protect: i.protect,
    retainOnDelete: i.retainOnDelete,
    protectionState: toProtectionState(protection) ?? String(protection),
  };
}

function vssOf(script: string): "Full" | "Copy" | undefined {
  if (!script.includes(VSS_REGISTRY_VALUE)) return undefined;
  return /New-ItemProperty[^\n]*-Value 'TRUE'/.test(script) ? "Copy" : "Full";
}

/** The VM side of one VM: its summary in the component's outputs, and the extension and run commands Azure receives for that VM. */
function vmSideView(key: string, out: Partial<VmSideSummary>, estate: CanonicalEstate): VmSideView {
  const vmId = String(out.vmId ?? "");
  const sameVm = (id: string) => id.toLowerCase() === vmId.toLowerCase();
  const extension = estate.extensions.find((e) => sameVm(e.vmId));
  const scripts = estate.runCommands.filter((c) => sameVm(c.vmId)).map((c) => c.script ?? "");
  const vss = scripts.map(vssOf).find((v) => v !== undefined);
  const json = scripts.map(decodeScriptPluginJson).find((j) => j !== undefined);
  const readiness = scripts.map(windowsReadinessModeOf).find((m) => m !== undefined);
  const parts = vmId.split("/");
  return {
    key,
    vmId,
    vmName: parts[8] ?? vmId,
    vmResourceGroup: parts[4] ?? "",
    os: String(out.os ?? "unknown"),
    source: String(out.source ?? ""),
    extension: extension
      ? `${extension.type} ${extension.typeHandlerVersion} (declared)`
      : `${out.extensionType ?? "?"} (installed by Azure Backup)`,
    extensionDeclared: extension !== undefined,
    vss,
    scriptPlugin: json ? (JSON.parse(json) as ScriptPluginConfig) : undefined,
    windowsReadiness: readiness,
    inGuestChanges: Array.isArray(out.inGuestChanges?.changes) ? out.inGuestChanges : undefined,
    consistency: String(out.consistency ?? "?"),
    consistencyDetail: String(out.consistencyDetail ?? ""),
    backedUpLuns: Array.isArray(out.backedUpLuns) ? out.backedUpLuns : undefined,
    warnings: Array.isArray(out.warnings) ? out.warnings : [],
  };
}

const byVm = <T extends { vmResourceGroup: string; vmName: string }>(a: T, b: T) =>
  `${a.vmResourceGroup}/${a.vmName}`.localeCompare(`${b.vmResourceGroup}/${b.vmName}`);

/** Reads the estate back from a recorded run of either renderer, through its canonical form. */
const lunList = (luns: readonly number[]) => `LUN${luns.length === 1 ? "" : "s"} ${luns.join(", ")}`;

/**
 * The disks a VM's backups hold, in one wording for the terminal and the Markdown report: the LUNs the
 * look-up resolved when known (what Azure will back up), else the selection as configured.
 */
export function describeBackedUpDisks(item: ItemView, side: VmSideView | undefined): string {
  if (!side?.backedUpLuns) return item.disks;
  return side.backedUpLuns.length === 0 ? "OS only" : `OS + ${lunList(side.backedUpLuns)}`;
}

export function toEstateView(resources: readonly RecordedResource[]): EstateView {
  const estate = toCanonicalEstate(resources);
  return {
    vaults: estate.vaults.map(vaultView),
    policies: estate.policies.map(policyView),
    items: estate.items.map(itemView).sort(byVm),
    // A saved `pulumi preview --json` carries no component outputs: its VM side is then empty.
    vms: resources
      .filter((r) => r.type === "azure-vm-backup:vm:VmBackupExtensions")
      .flatMap((r) => Object.entries((r.outputs?.vms ?? {}) as Record<string, Partial<VmSideSummary>>))
      .map(([key, summary]) => vmSideView(key, summary, estate))
      .sort(byVm),
  };
}

/** One vault with its policies and protected VMs, for views that show the estate vault by vault. */
export interface VaultSection {
  readonly vault: VaultView;
  readonly policies: readonly PolicyView[];
  readonly items: readonly ItemView[];
}

/** The estate vault by vault (vaults by name; policies and items keep the view's order). */
export function byVault(view: EstateView): VaultSection[] {
  const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
  return view.vaults.map((vault) => ({
    vault,
    policies: view.policies.filter((p) => same(p.vaultName, vault.name)),
    items: view.items.filter((i) => same(i.vaultName, vault.name)),
  }));
}
