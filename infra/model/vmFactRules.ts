import type { ConfigIssue } from "../config/configError";
import { joinPath } from "../config/configError";
import type { OsType, PolicyConfig, WindowsReadinessMode } from "../config/configSchema";
import {
  ENHANCED_ONLY_DISK_SKUS,
  MAX_DISKS_PER_VM,
  PROTECTED_ITEM_API_VERSION,
  TRUSTED_LAUNCH_STANDARD_MIN_API_VERSION,
} from "../azure/azureLimits";
import { vmLogicalName } from "./names";
import { parseVmId } from "./resourceId";
import type { VmEntry } from "./selectors";
import { sameRegion, type VmFacts, type VmLookup } from "./vmFacts";

export interface VmFactContext {
  /** The region of the VM's vault; undefined when no vault could take the VM (reported by the routing). */
  readonly vaultLocation?: string;
  /** The vault's subscription, when known. */
  readonly subscriptionId?: string;
  readonly policies: Readonly<Record<string, PolicyConfig>>;
  /** The Recovery Services API version protected items are written with (tests vary it). */
  readonly protectedItemApiVersion?: string;
  /** vmDefaults.windowsReadiness: applies to Windows VMs whose entry sets none (Linux VMs ignore it). */
  readonly defaultWindowsReadiness?: WindowsReadinessMode;
}

export interface VmFactResult {
  readonly issues: ConfigIssue[];
  readonly warnings: ConfigIssue[];
}

/** The data-disk LUNs a VM entry backs up, given the LUNs attached. */
export function backedUpLuns(entry: VmEntry, attached: readonly number[]): number[] {
  const disks = entry.vm.disks;
  if (disks?.include) return attached.filter((l) => disks.include!.includes(l));
  if (disks?.exclude) return attached.filter((l) => !disks.exclude!.includes(l));
  return [...attached];
}

/** The OS a VM is treated as: the fact when it was looked up, otherwise what its entry states. */
function effectiveOs(entry: VmEntry, lookup: VmLookup | undefined): OsType | undefined {
  return lookup?.found ? lookup.facts.os : entry.vm.os;
}

/** Why a VM can only be protected with an Enhanced (V2) policy: one entry per reason. */
export type EnhancedPolicyNeed =
  | { readonly kind: "disks"; readonly disks: readonly string[] }
  | { readonly kind: "shared"; readonly luns: readonly number[] }
  | { readonly kind: "confidential" }
  | { readonly kind: "trustedLaunch"; readonly apiVersion: string };

/** SKU names compare without case: Azure accepts `ultrassd_lrs` as well. */
const enhancedOnlySku = (sku: string | undefined) => sku !== undefined && ENHANCED_ONLY_DISK_SKUS.some((s) => s.toLowerCase() === sku.toLowerCase());

/**
 * The one home of "needs an Enhanced policy" (azure-backup-service.md: Policy, last rules): Ultra Disk and Premium SSD v2
 * disks, shared disks, confidential VMs, and Trusted Launch VMs when protected items are written with
 * an API version older than the one from which Standard policies protect them. The configuration's
 * VM-fact check and the policy pack's stack rule both ask this function.
 */
export function enhancedPolicyNeeds(
  facts: Pick<VmFacts, "securityType" | "osDisk" | "dataDisks">,
  apiVersion: string = PROTECTED_ITEM_API_VERSION,
): EnhancedPolicyNeed[] {
  const needs: EnhancedPolicyNeed[] = [];
  const disks = [
    ...(enhancedOnlySku(facts.osDisk.sku) ? [`OS disk (${facts.osDisk.sku})`] : []),
    ...facts.dataDisks.filter((d) => enhancedOnlySku(d.sku)).map((d) => `LUN ${d.lun} (${d.sku})`),
  ];
  if (disks.length > 0) needs.push({ kind: "disks", disks });
  const shared = facts.dataDisks.filter((d) => d.shared).map((d) => d.lun);
  if (shared.length > 0) needs.push({ kind: "shared", luns: shared });
  if (facts.securityType === "ConfidentialVM") needs.push({ kind: "confidential" });
  if (facts.securityType === "TrustedLaunch" && apiVersion < TRUSTED_LAUNCH_STANDARD_MIN_API_VERSION) needs.push({ kind: "trustedLaunch", apiVersion });
  return needs;
}

/** A need in a few words, for messages that name the VM themselves. */
export function describeEnhancedPolicyNeed(need: EnhancedPolicyNeed): string {
  switch (need.kind) {
    case "disks":
      return `Ultra Disk / Premium SSD v2 disks: ${need.disks.join(", ")}`;
    case "shared":
      return `shared disks at LUN ${need.luns.join(", ")}`;
    case "confidential":
      return "confidential VM";
    case "trustedLaunch":
      return `Trusted Launch VM: Standard needs Recovery Services API ${TRUSTED_LAUNCH_STANDARD_MIN_API_VERSION}, items use ${need.apiVersion}`;
  }
}

/**
 * The rules that need what Azure says about each VM (azure-backup-service.md: Vault limits, Policy, Protected VM,
 * How a VM backup works). Lookups are keyed by vmLogicalName. Every issue is collected.
 */
export function validateVmFacts(entries: readonly VmEntry[], lookups: ReadonlyMap<string, VmLookup>, ctx: VmFactContext): VmFactResult {
  const issues: ConfigIssue[] = [];
  const warnings: ConfigIssue[] = [];
  for (const entry of entries) {
    const ref = parseVmId(entry.vm.id);
    if (!ref) continue;
    const lookup = lookups.get(vmLogicalName(ref));
    // Selector matches have no keys of their own: report on the selector and name the VM.
    const explicit = entry.source === "vms";
    const at = (...keys: string[]) => (explicit ? joinPath(entry.path, ...keys) : entry.path);
    const say = (message: string) => (explicit ? message : `matches VM ${entry.vm.id}, which ${message}`);
    const issue = (path: string, message: string) => issues.push({ path, message: say(message) });

    if (!lookup || !lookup.found) {
      const reason = lookup && !lookup.found ? lookup.reason : "was not looked up";
      if (entry.vm.os) {
        warnings.push({ path: at("id"), message: say(`could not be looked up (${reason}); planned with the stated os ${entry.vm.os}, without the region, disk and security checks`) });
      } else {
        issue(at("id"), `could not be looked up (${reason}); state os: Windows | Linux in the entry to plan it without Azure's facts`);
      }
    } else {
      validateFacts(entry, lookup.facts, ctx, at, issue, warnings, say);
    }

    const os = effectiveOs(entry, lookup);
    if (entry.vm.vss && os === "Linux") {
      issue(at("vss"), "is Windows only (VSS) and the VM runs Linux; remove vss, and use scripts for app-consistent Linux backups");
    }
    if (entry.vm.scripts && os === "Windows") {
      issue(at("scripts"), "are Linux only and the VM runs Windows, where VSS makes backups app-consistent; remove scripts (vss: Copy sets copy-only VSS backups)");
    }
    if (entry.vm.windowsReadiness && os === "Linux") {
      issue(at("windowsReadiness"), `is Windows only (it checks the VSS service and the Windows VM agent) and the VM runs Linux; remove windowsReadiness (got ${entry.vm.windowsReadiness})`);
    }
  }
  return { issues, warnings };
}

/** The windowsReadiness a Windows VM gets, named as the configuration sets it (its entry, or vmDefaults). */
function readinessNeedingAgent(own: WindowsReadinessMode | undefined, fallback: WindowsReadinessMode | undefined, os: OsType): string[] {
  if (os !== "Windows") return [];
  if (own) return [`windowsReadiness: ${own}`];
  return fallback ? [`windowsReadiness: ${fallback} (vmDefaults)`] : [];
}

/** The start of "<phrase> needs an Enhanced policy" for a VM entry. */
function needPhrase(need: EnhancedPolicyNeed): string {
  switch (need.kind) {
    case "disks":
      return `has Ultra Disk / Premium SSD v2 disks: ${need.disks.join(", ")}, which`;
    case "shared":
      return `has shared disks (LUN ${need.luns.join(", ")}); excluding shared disks`;
    case "confidential":
      return "is a confidential VM, which";
    case "trustedLaunch":
      return `is a Trusted Launch VM; a Standard policy protects Trusted Launch VMs only from Recovery Services API ${TRUSTED_LAUNCH_STANDARD_MIN_API_VERSION} on and this stack writes protected items with ${need.apiVersion}, so it`;
  }
}

function validateFacts(
  entry: VmEntry,
  facts: VmFacts,
  ctx: VmFactContext,
  at: (...keys: string[]) => string,
  issue: (path: string, message: string) => void,
  warnings: ConfigIssue[],
  say: (message: string) => string,
): void {
  const vm = entry.vm;
  const policy = ctx.policies[vm.policy];
  const standard = policy?.tier === "Standard";
  const needsEnhanced = (what: string) => issue(at("policy"), `${what} needs an Enhanced policy; ${vm.policy} is Standard (choose a policy with tier: Enhanced)`);

  if (vm.os && vm.os !== facts.os) issue(at("os"), `says ${vm.os} but Azure reports ${facts.os}; remove os or correct it`);
  if (ctx.vaultLocation !== undefined && !sameRegion(facts.location, ctx.vaultLocation)) {
    issue(at("id"), `is in ${facts.location} but the vault is in ${ctx.vaultLocation}; a VM can only be backed up to a vault in its own region`);
  }
  const ref = parseVmId(facts.id) ?? parseVmId(vm.id);
  if (entry.source === "selector" && ctx.subscriptionId && ref && ref.subscriptionId !== ctx.subscriptionId.toLowerCase()) {
    issue(at("id"), `is in subscription ${ref.subscriptionId} but the vault is in ${ctx.subscriptionId}; a VM must be in the vault's subscription`);
  }

  const attached = facts.dataDisks.map((d) => d.lun);
  for (const key of ["include", "exclude"] as const) {
    const missing = (vm.disks?.[key] ?? []).filter((lun) => !attached.includes(lun));
    if (missing.length > 0) {
      issue(at("disks", key), `lists LUN${missing.length > 1 ? "s" : ""} ${missing.join(", ")} not attached to the VM (attached data-disk LUNs: ${attached.join(", ") || "none"})`);
    }
  }
  const backedUp = backedUpLuns(entry, attached);
  if (backedUp.length + 1 > MAX_DISKS_PER_VM) {
    issue(at("disks"), `backs up ${backedUp.length + 1} disks (the OS disk and ${backedUp.length} data disks); Azure Backup backs up at most ${MAX_DISKS_PER_VM} disks per VM: exclude data disks with disks.exclude`);
  }

  const shared = facts.dataDisks.filter((d) => d.shared).map((d) => d.lun);
  const sharedBackedUp = shared.filter((l) => backedUp.includes(l));
  if (sharedBackedUp.length > 0) {
    issue(at("disks"), `backs up shared disk${sharedBackedUp.length > 1 ? "s" : ""} at LUN ${sharedBackedUp.join(", ")}; Azure Backup cannot back up shared disks: exclude them (disks: { exclude: [${shared.join(", ")}] })`);
  }
  if (standard) {
    for (const need of enhancedPolicyNeeds(facts, ctx.protectedItemApiVersion)) needsEnhanced(needPhrase(need));
  }

  if (facts.powerState === "deallocated" || facts.powerState === "stopped") {
    warnings.push({
      path: at("id"),
      message: say(`is ${facts.powerState}: Azure Backup installs the snapshot extension at the first backup after the VM starts, and its first recovery points are crash-consistent`),
    });
    // Extensions and run commands are applied by the VM agent, which does not run on a stopped VM.
    const needsAgent = [
      ...(vm.extension === "declare" ? ["extension: declare"] : []),
      ...(vm.vss ? [`vss: ${vm.vss}`] : []),
      ...(vm.scripts ? ["scripts"] : []),
      ...readinessNeedingAgent(vm.windowsReadiness, ctx.defaultWindowsReadiness, facts.os),
    ];
    if (needsAgent.length > 0) {
      issue(at("id"), `is ${facts.powerState}, but ${needsAgent.join(", ")} need${needsAgent.length > 1 ? "" : "s"} the VM agent of a running VM; start the VM before deploying, or leave these to a later deployment`);
    }
  }
}
