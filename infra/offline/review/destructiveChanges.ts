import { nameOfUrn, type PlanDocument } from "../views/planDocument";

/**
 * The destructive-change gate: reads the steps of a preview (`op`, `oldState`, `newState`,
 * `diffReasons`, `detailedDiff`) because CrossGuard never sees a deleted resource and a stack policy
 * sees only what remains. Works on resource types, not on this project's names, so a preview of any
 * Pulumi program with Recovery Services resources (azure-native, versioned or not, or classic) is read.
 */

/** What a resource is to a backup estate, whichever provider declares it. */
export type BackupKind = "vault" | "resourceGroup" | "protectedItem" | "policy" | "snapshotExtension" | "runCommand" | "resourceGuard";

export interface ValueChange {
  readonly field: string;
  readonly old: string;
  readonly new: string;
}

export interface DestructiveChange {
  readonly urn: string;
  readonly logicalName: string;
  readonly azureName: string;
  readonly type: string;
  readonly kind: BackupKind;
  /** `delete`, `replace`, `discard`, ... or `update`. */
  readonly op: string;
  /** Why it is destructive, in a sentence. */
  readonly reason: string;
  /** For updates: each value that got worse, old and new. */
  readonly changes: readonly ValueChange[];
}

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

interface State {
  readonly type?: string;
  readonly id?: string;
  readonly inputs?: Obj;
  readonly outputs?: Obj;
}

interface GateStep {
  readonly op: string;
  readonly urn: string;
  readonly oldState?: State;
  readonly newState?: State;
  readonly diffReasons?: readonly string[];
  readonly detailedDiff?: Readonly<Record<string, { kind?: string }>>;
}

/** Operations that remove a resource or re-create it (Azure deletes the old one, data and all). */
export const DESTRUCTIVE_OPS: ReadonlySet<string> = new Set(["delete", "replace", "create-replacement", "delete-replaced", "discard", "discard-replaced", "remove-pending-replace"]);
const REPLACE_OPS = new Set(["replace", "create-replacement", "delete-replaced", "discard-replaced", "remove-pending-replace"]);

/** `azure-native:recoveryservices/v20240401:Vault` and `azure:recoveryservices/vault:Vault` both read `azure-native|azure:recoveryservices:vault`. */
export function normalizedType(type: string): string {
  const [pkg = "", mod = "", name = ""] = type.split(":");
  return `${pkg}:${mod.split("/")[0]}:${name}`.toLowerCase();
}

const KINDS: Readonly<Record<string, BackupKind>> = {
  "azure-native:recoveryservices:vault": "vault",
  "azure:recoveryservices:vault": "vault",
  "azure-native:resources:resourcegroup": "resourceGroup",
  "azure:core:resourcegroup": "resourceGroup",
  "azure-native:recoveryservices:protecteditem": "protectedItem",
  "azure:backup:protectedvm": "protectedItem",
  "azure-native:recoveryservices:protectionpolicy": "policy",
  "azure:backup:policyvm": "policy",
  "azure:backup:policyvmworkload": "policy",
  "azure-native:compute:virtualmachineextension": "snapshotExtension",
  "azure:compute:extension": "snapshotExtension",
  "azure:compute:virtualmachineextension": "snapshotExtension",
  "azure-native:compute:virtualmachineruncommandbyvirtualmachine": "runCommand",
  "azure-native:compute:virtualmachineruncommand": "runCommand",
  "azure:compute:runcommand": "runCommand",
  "azure-native:dataprotection:resourceguard": "resourceGuard",
  "azure-native:recoveryservices:resourceguardproxy": "resourceGuard",
  "azure-native:dataprotection:dppresourceguardproxy": "resourceGuard",
  "azure:dataprotection:resourceguard": "resourceGuard",
};

const lower = (v: unknown) => (typeof v === "string" ? v.toLowerCase() : undefined);
/** A state's properties: the inputs Pulumi will send, else the outputs it last read. */
const propsOf = (s: State | undefined): Obj => s?.inputs ?? s?.outputs ?? {};
const typeToken = (urn: string) => {
  const qualified = urn.split("::")[2] ?? "";
  return qualified.split("$").pop() ?? qualified;
};
const clip = (s: string) => (s.length > 100 ? `${s.slice(0, 97)}...` : s);
const show = (v: unknown): string => (v === undefined || v === null ? "(absent)" : clip(typeof v === "string" ? v : JSON.stringify(v)));

function isSnapshotExtension(p: Obj): boolean {
  const publisher = lower(p.publisher);
  const type = lower(p.type);
  return publisher === "microsoft.azure.recoveryservices" || type === "vmsnapshot" || type === "vmsnapshotlinux";
}

/** The name Azure shows for the resource, from whichever input the provider uses. */
function azureNameOf(kind: BackupKind, p: Obj, id: string | undefined): string {
  const vmOf = (vmId: unknown) => (typeof vmId === "string" ? vmId.split("/").at(-1) : undefined);
  const name =
    kind === "vault" ? (p.vaultName ?? p.name)
    : kind === "resourceGroup" ? (p.resourceGroupName ?? p.name)
    : kind === "policy" ? (p.policyName ?? p.name)
    : kind === "protectedItem" ? (p.protectedItemName ?? (vmOf(p.sourceVmId) && `VM ${vmOf(p.sourceVmId)}`))
    : kind === "snapshotExtension" ? (p.vmExtensionName ?? p.name)
    : kind === "runCommand" ? (p.runCommandName ?? p.name)
    : (p.resourceGuardsName ?? p.resourceGuardProxyName ?? p.name);
  const vm = p.vmName ?? vmOf(p.virtualMachineId);
  const base = typeof name === "string" ? name : (id?.split("/").at(-1) ?? "?");
  return (kind === "snapshotExtension" || kind === "runCommand") && typeof vm === "string" ? `${vm}/${base}` : base;
}

// ---------------------------------------------------------------- values compared on update

const DAYS_PER: Readonly<Record<string, number>> = { days: 1, weeks: 7, months: 30, years: 365 };
const UNIT_OF_TIER: Readonly<Record<string, string>> = { daily: "Days", weekly: "Weeks", monthly: "Months", yearly: "Years" };

/** Retention per tier in days (null when the tier is absent), instant restore and nothing else. */
export function retentionOf(p: Obj): Record<string, { days: number; label: string } | null> {
  const props: Obj = p.properties ?? {};
  const out: Record<string, { days: number; label: string } | null> = {};
  const put = (tier: string, count: unknown, unit: unknown) => {
    if (typeof count !== "number") return void (out[tier] = null);
    const u = typeof unit === "string" ? unit : UNIT_OF_TIER[tier]!;
    out[tier] = { days: count * (DAYS_PER[u.toLowerCase()] ?? 1), label: `${count} ${u.toLowerCase()}` };
  };
  if (p.properties !== undefined) {
    const r: Obj = props.retentionPolicy ?? {};
    if (lower(r.retentionPolicyType) === "simpleretentionpolicy") put("daily", r.retentionDuration?.count, r.retentionDuration?.durationType);
    else
      for (const tier of ["daily", "weekly", "monthly", "yearly"]) {
        const s: Obj | undefined = r[`${tier}Schedule`];
        put(tier, s?.retentionDuration?.count, s?.retentionDuration?.durationType);
      }
    if (typeof props.instantRpRetentionRangeInDays === "number") out.instantRestore = { days: props.instantRpRetentionRangeInDays, label: `${props.instantRpRetentionRangeInDays} days` };
  } else {
    for (const tier of ["daily", "weekly", "monthly", "yearly"]) {
      const key = `retention${tier[0]!.toUpperCase()}${tier.slice(1)}`;
      put(tier, p[key]?.count, undefined);
    }
    if (typeof p.instantRestoreRetentionDays === "number") out.instantRestore = { days: p.instantRestoreRetentionDays, label: `${p.instantRestoreRetentionDays} days` };
  }
  return out;
}

/** Tiers kept shorter in `next` than in `prev` (a tier dropped counts as kept zero days). */
function retentionCuts(prev: Obj, next: Obj, prefix = "retention"): ValueChange[] {
  const a = retentionOf(prev);
  const b = retentionOf(next);
  const cuts: ValueChange[] = [];
  for (const tier of ["daily", "weekly", "monthly", "yearly", "instantRestore"]) {
    const before = a[tier];
    if (!before) continue;
    const after = b[tier];
    // Instant restore absent means Azure's default, not zero: compared only when both are set.
    if (tier === "instantRestore" && after === undefined) continue;
    if (!after || after.days < before.days) cuts.push({ field: `${prefix}.${tier}`, old: before.label, new: after ? after.label : "(removed)" });
  }
  return cuts;
}

const SOFT_DELETE_DEFAULT_DAYS = 14;
const IMMUTABILITY_RANK: Readonly<Record<string, number>> = { locked: 2, unlocked: 1, disabled: 0 };

/** Vault values whose loosening exposes backup data: soft delete, immutability, public access, CMK. */
function vaultLoosening(prev: Obj, next: Obj): ValueChange[] {
  const changes: ValueChange[] = [];
  const native = prev.properties !== undefined || next.properties !== undefined || prev.vaultName !== undefined;
  const read = (p: Obj) => {
    const props: Obj = p.properties ?? {};
    const security: Obj = props.securitySettings ?? {};
    return native
      ? {
          softDelete: lower(security.softDeleteSettings?.softDeleteState) ?? "enabled",
          softDeleteDays: (security.softDeleteSettings?.softDeleteRetentionPeriodInDays as number | undefined) ?? SOFT_DELETE_DEFAULT_DAYS,
          immutability: lower(security.immutabilitySettings?.state) ?? "disabled",
          publicAccess: lower(props.publicNetworkAccess) ?? "enabled",
          cmk: props.encryption?.keyVaultProperties?.keyUri as unknown,
          raw: { softDelete: security.softDeleteSettings?.softDeleteState, immutability: security.immutabilitySettings?.state, publicAccess: props.publicNetworkAccess },
        }
      : {
          softDelete: p.softDeleteEnabled === false ? "disabled" : "enabled",
          softDeleteDays: SOFT_DELETE_DEFAULT_DAYS,
          immutability: lower(p.immutability) ?? "disabled",
          publicAccess: p.publicNetworkAccessEnabled === false ? "disabled" : "enabled",
          cmk: p.encryption?.keyId as unknown,
          raw: { softDelete: p.softDeleteEnabled, immutability: p.immutability, publicAccess: p.publicNetworkAccessEnabled },
        };
  };
  const a = read(prev);
  const b = read(next);
  const field = (n: string, c: string) => (native ? n : c);
  if (a.softDelete !== "disabled" && b.softDelete === "disabled") changes.push({ field: field("properties.securitySettings.softDeleteSettings.softDeleteState", "softDeleteEnabled"), old: show(a.raw.softDelete), new: show(b.raw.softDelete) });
  if (b.softDeleteDays < a.softDeleteDays) changes.push({ field: "properties.securitySettings.softDeleteSettings.softDeleteRetentionPeriodInDays", old: String(a.softDeleteDays), new: String(b.softDeleteDays) });
  if ((IMMUTABILITY_RANK[b.immutability] ?? 0) < (IMMUTABILITY_RANK[a.immutability] ?? 0)) changes.push({ field: field("properties.securitySettings.immutabilitySettings.state", "immutability"), old: show(a.raw.immutability), new: show(b.raw.immutability) });
  if (a.publicAccess === "disabled" && b.publicAccess !== "disabled") changes.push({ field: field("properties.publicNetworkAccess", "publicNetworkAccessEnabled"), old: show(a.raw.publicAccess), new: show(b.raw.publicAccess) });
  if (a.cmk && !b.cmk) changes.push({ field: field("properties.encryption.keyVaultProperties.keyUri", "encryption.keyId"), old: show(a.cmk), new: "(absent)" });
  return changes;
}

/** Protection stopped: no new recovery points, and with deletion the old ones go too. */
function protectionStop(prev: Obj, next: Obj): ValueChange[] {
  const state = (p: Obj) => lower(p.properties?.protectionState ?? p.protectionState);
  const deferred = (p: Obj) => p.properties?.isScheduledForDeferredDelete === true;
  const changes: ValueChange[] = [];
  const stopped = (s: string | undefined) => s === "protectionstopped" || s === "backupssuspended";
  if (!stopped(state(prev)) && stopped(state(next))) changes.push({ field: "protectionState", old: show(prev.properties?.protectionState ?? prev.protectionState), new: show(next.properties?.protectionState ?? next.protectionState) });
  if (!deferred(prev) && deferred(next)) changes.push({ field: "properties.isScheduledForDeferredDelete", old: "false", new: "true" });
  return changes;
}

// ---------------------------------------------------------------- policies referenced by items

const policyIdOf = (p: Obj): unknown => p.properties?.policyId ?? p.backupPolicyId;
/** `rg/vault/policy`, lower-case: how an item's policy ID and a policy resource meet. */
function policyKeyFromId(id: unknown): string | undefined {
  if (typeof id !== "string") return undefined;
  const m = /\/resourceGroups\/([^/]+)\/providers\/Microsoft\.RecoveryServices\/vaults\/([^/]+)\/backupPolicies\/([^/]+)$/i.exec(id);
  return m ? `${m[1]}/${m[2]}/${m[3]}`.toLowerCase() : undefined;
}
function policyKeyOf(p: Obj): string | undefined {
  const name = p.policyName ?? p.name;
  const vault = p.vaultName ?? p.recoveryVaultName;
  return typeof name === "string" && typeof vault === "string" && typeof p.resourceGroupName === "string" ? `${p.resourceGroupName}/${vault}/${name}`.toLowerCase() : undefined;
}

// ---------------------------------------------------------------- the gate

/**
 * Every destructive change in a preview, one row per resource (the steps of one replacement are one row).
 * Resource groups count only when they hold a vault named in the same preview.
 */
export function findDestructiveChanges(doc: PlanDocument): DestructiveChange[] {
  const steps = doc.steps as unknown as readonly GateStep[];
  const kindOf = (step: GateStep): BackupKind | undefined => {
    const type = step.newState?.type ?? step.oldState?.type ?? typeToken(step.urn);
    const kind = KINDS[normalizedType(type)];
    if (kind !== "snapshotExtension") return kind;
    return isSnapshotExtension(propsOf(step.oldState)) || isSnapshotExtension(propsOf(step.newState)) ? kind : undefined;
  };
  const vaultGroups = new Set<string>();
  const oldPolicies = new Map<string, Obj>();
  const newPolicies = new Map<string, Obj>();
  for (const step of steps) {
    const kind = kindOf(step);
    for (const [state, policies] of [[step.oldState, oldPolicies], [step.newState, newPolicies]] as const) {
      if (!state) continue;
      const p = propsOf(state);
      if (kind === "vault" && typeof p.resourceGroupName === "string") vaultGroups.add(p.resourceGroupName.toLowerCase());
      if (kind === "policy") {
        const key = policyKeyOf(p);
        if (key) policies.set(key, p);
      }
    }
  }

  const rows = new Map<string, DestructiveChange>();
  for (const step of steps) {
    const kind = kindOf(step);
    if (!kind) continue;
    const prev = propsOf(step.oldState);
    const next = propsOf(step.newState);
    const base = {
      urn: step.urn,
      logicalName: nameOfUrn(step.urn),
      azureName: azureNameOf(kind, step.oldState ? prev : next, step.oldState?.id ?? step.newState?.id),
      type: step.newState?.type ?? step.oldState?.type ?? typeToken(step.urn),
      kind,
    };
    if (kind === "resourceGroup" && !vaultGroups.has(String(prev.resourceGroupName ?? prev.name ?? next.resourceGroupName ?? next.name).toLowerCase())) continue;
    if (DESTRUCTIVE_OPS.has(step.op)) {
      const op = REPLACE_OPS.has(step.op) ? "replace" : step.op;
      // A replacement is several steps for one URN: the first (which carries the diff reasons) names it.
      if (rows.has(step.urn)) continue;
      const why = step.diffReasons?.length ? ` (changed: ${step.diffReasons.slice(0, 5).join(", ")})` : "";
      const reason = op === "replace"
        ? `replaced: Azure deletes the ${KIND_LABEL[kind]} and creates a new one${why}`
        : `${op === "delete" ? "deleted" : "dropped from the state"}: the ${KIND_LABEL[kind]} goes${kind === "protectedItem" ? " with its protection" : ""}`;
      rows.set(step.urn, { ...base, op, reason, changes: [] });
      continue;
    }
    if (step.op !== "update" || !step.oldState || !step.newState) continue;
    const changes =
      kind === "vault" ? vaultLoosening(prev, next)
      : kind === "policy" ? retentionCuts(prev, next)
      : kind === "protectedItem" ? [...protectionStop(prev, next), ...policyMove(prev, next, oldPolicies, newPolicies)]
      : [];
    if (changes.length > 0) rows.set(step.urn, { ...base, op: "update", reason: `${KIND_LABEL[kind]} update: ${changes.map((c) => c.field.split(".").pop()).join(", ")} loosened`, changes });
  }
  return [...rows.values()];
}

/** An item moved to a policy that keeps less, judged from the old policy's old state and the new one's new state. */
function policyMove(prev: Obj, next: Obj, oldPolicies: Map<string, Obj>, newPolicies: Map<string, Obj>): ValueChange[] {
  const from = policyKeyFromId(policyIdOf(prev));
  const to = policyKeyFromId(policyIdOf(next));
  if (!from || !to || from === to) return [];
  const before = oldPolicies.get(from) ?? newPolicies.get(from);
  const after = newPolicies.get(to) ?? oldPolicies.get(to);
  const policyChange = { field: "policyId", old: from.split("/").pop()!, new: to.split("/").pop()! };
  if (!before || !after) return [];
  const cuts = retentionCuts(before, after, "policy retention");
  return cuts.length > 0 ? [policyChange, ...cuts] : [];
}

const KIND_LABEL: Readonly<Record<BackupKind, string>> = {
  vault: "vault",
  resourceGroup: "resource group holding a vault",
  protectedItem: "protected item",
  policy: "backup policy",
  snapshotExtension: "snapshot extension",
  runCommand: "run command",
  resourceGuard: "resource guard",
};
