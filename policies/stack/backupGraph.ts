import type { PolicyResource } from "@pulumi/policy";
import { describeEnhancedPolicyNeed, enhancedPolicyNeeds } from "../../infra/model/vmFactRules";
import type { VmFacts } from "../../infra/model/vmFacts";
import { whenKnown } from "../shared/known";
import {
  ClassicLegacyVm,
  ClassicLinuxVm,
  ClassicPolicyVm,
  ClassicProtectedVm,
  ClassicVault,
  ClassicVmExtension,
  ClassicWindowsVm,
  NativeProtectedItem,
  NativeProtectionPolicy,
  NativeVault,
  NativeVirtualMachine,
  NativeVmExtension,
} from "../shared/resourceTypes";

/**
 * The backup estate of a stack, read from either provider family into one shape so the stack
 * policies state each rule once. Stack policies see resource *outputs* (the engine's AnalyzeStack),
 * where IDs of resources still to be created are unknown during preview; references are therefore
 * resolved by ID when it is known and by the resource's dependencies otherwise.
 */
export interface BackupGraph {
  readonly vaults: readonly VaultNode[];
  readonly policies: readonly PolicyNode[];
  readonly items: readonly ItemNode[];
  readonly vms: readonly VmNode[];
  readonly extensions: readonly ExtensionNode[];
}

export interface VaultNode {
  readonly resource: PolicyResource;
  /** `<resource group>/<vault name>` in lower case, or the name alone when the group is unknown. */
  readonly key: string;
  readonly name: string;
}

export interface PolicyNode {
  readonly resource: PolicyResource;
  readonly name: string;
  readonly id?: string;
  readonly vault?: VaultRef;
  /** V1 (Standard) or V2 (Enhanced). */
  readonly policyType: "V1" | "V2";
}

export interface ItemNode {
  readonly resource: PolicyResource;
  readonly vault?: VaultRef;
  readonly policyId?: string;
  readonly policy?: PolicyNode;
  readonly vmId?: string;
  readonly vm?: VmNode;
}

export interface VmNode {
  readonly resource: PolicyResource;
  /** `<resource group>/<vm name>` in lower case. */
  readonly key: string;
  readonly name: string;
  readonly os?: "Windows" | "Linux";
  readonly tags: Readonly<Record<string, string>>;
  /** Why the VM can only be backed up with an Enhanced (V2) policy, if it needs one. */
  readonly enhancedReason?: string;
}

export interface ExtensionNode {
  readonly resource: PolicyResource;
  readonly publisher?: string;
  readonly type?: string;
  readonly vm?: VmNode;
}

/** A vault as a reference names it: by resolved node, or by name (and group) alone. */
export interface VaultRef {
  readonly key: string;
  readonly name: string;
}

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const lower = (s: string) => s.toLowerCase();
const str = (v: unknown): string | undefined => (typeof v === "string" && v.length > 0 ? v : undefined);
const read = <T>(f: () => T) => whenKnown(f);
const refKey = (rg: string | undefined, name: string) => lower(rg ? `${rg}/${name}` : name);

/** Parts of an ARM ID: `{ resourcegroups: "rg", vaults: "v", backuppolicies: "p" }` (keys lower case). */
export function armIdParts(id: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!id) return out;
  const parts = id.split("/").filter((p) => p.length > 0);
  for (let i = 0; i + 1 < parts.length; i += 2) out[lower(parts[i]!)] = parts[i + 1]!;
  return out;
}

function vaultRef(name: string | undefined, rg: string | undefined): VaultRef | undefined {
  return name ? { key: refKey(rg, name), name } : undefined;
}

/** The first dependency (plain or per-property) that satisfies `pick`. */
function dependencyOf<T>(r: PolicyResource, candidates: readonly T[], resourceOf: (t: T) => PolicyResource): T | undefined {
  const deps = new Set<PolicyResource>([...r.dependencies, ...Object.values(r.propertyDependencies).flat()]);
  return candidates.find((c) => deps.has(resourceOf(c)));
}

function vaultNode(r: PolicyResource): VaultNode {
  const p = r.props;
  const name = str(read(() => p.vaultName)) ?? str(read(() => p.name)) ?? r.name;
  const rg = str(read(() => p.resourceGroupName)) ?? armIdParts(str(read(() => p.id))).resourcegroups;
  return { resource: r, key: refKey(rg, name), name };
}

/** Why a VM needs an Enhanced policy, by the model's rule (infra/model/vmFactRules.ts) on what its inputs say. */
function enhancedReason(securityType: VmFacts["securityType"], diskSkus: ReadonlyArray<unknown>): string | undefined {
  const sku = (v: unknown) => (typeof v === "string" ? v : undefined);
  const [osDisk, ...dataDisks] = diskSkus;
  const facts = { securityType, osDisk: { sku: sku(osDisk) }, dataDisks: dataDisks.map((d, lun) => ({ lun, sku: sku(d), shared: false })) };
  const needs = enhancedPolicyNeeds(facts);
  return needs.length > 0 ? needs.map(describeEnhancedPolicyNeed).join("; ") : undefined;
}

function nativeVm(r: PolicyResource): VmNode {
  const p = r.props;
  const name = str(read(() => p.vmName)) ?? str(read(() => p.name)) ?? r.name;
  const rg = str(read(() => p.resourceGroupName)) ?? armIdParts(str(read(() => p.id))).resourcegroups;
  const storage: Obj = read(() => p.storageProfile) ?? {};
  const osProfile: Obj = read(() => p.osProfile) ?? {};
  const osType = str(read(() => storage.osDisk?.osType));
  const os = osType === "Windows" || osType === "Linux" ? osType : osProfile.windowsConfiguration ? "Windows" : osProfile.linuxConfiguration ? "Linux" : undefined;
  const security = str(read(() => p.securityProfile?.securityType))?.toLowerCase();
  const disks = [read(() => storage.osDisk?.managedDisk?.storageAccountType), ...((read(() => storage.dataDisks) ?? []) as Obj[]).map((d) => read(() => d.managedDisk?.storageAccountType))];
  const securityType = security === "trustedlaunch" ? "TrustedLaunch" : security === "confidentialvm" ? "ConfidentialVM" : "Standard";
  return { resource: r, key: refKey(rg, name), name, os, tags: read(() => p.tags) ?? {}, enhancedReason: enhancedReason(securityType, disks) };
}

function classicVm(r: PolicyResource, os: "Windows" | "Linux" | undefined): VmNode {
  const p = r.props;
  const name = str(read(() => p.name)) ?? r.name;
  const rg = str(read(() => p.resourceGroupName));
  const legacy = r.isType(ClassicLegacyVm);
  const osDisk: Obj = (legacy ? read(() => p.storageOsDisk) : read(() => p.osDisk)) ?? {};
  const legacyOs = str(osDisk.osType) ?? (read(() => p.osProfileWindowsConfig) ? "Windows" : read(() => p.osProfileLinuxConfig) ? "Linux" : undefined);
  const diskTypes = legacy
    ? [osDisk.managedDiskType, ...((read(() => p.storageDataDisks) ?? []) as Obj[]).map((d) => d.managedDiskType)]
    : [osDisk.storageAccountType];
  // azurerm has no securityType: a confidential VM encrypts its OS disk's security state, Trusted Launch turns on secure boot or vTPM.
  const securityType = str(osDisk.securityEncryptionType)
    ? "ConfidentialVM"
    : read(() => p.secureBootEnabled) === true || read(() => p.vtpmEnabled) === true
      ? "TrustedLaunch"
      : "Standard";
  const resolvedOs = os ?? (legacyOs === "Windows" || legacyOs === "Linux" ? legacyOs : undefined);
  return { resource: r, key: refKey(rg, name), name, os: resolvedOs, tags: read(() => p.tags) ?? {}, enhancedReason: enhancedReason(securityType, diskTypes) };
}

/** Builds the graph from every resource of a stack. */
export function buildBackupGraph(resources: readonly PolicyResource[]): BackupGraph {
  const vaults = resources.filter((r) => r.isType(NativeVault) || r.isType(ClassicVault)).map(vaultNode);
  const vaultByResource = (r: PolicyResource) => dependencyOf(r, vaults, (v) => v.resource);

  const policies: PolicyNode[] = [];
  for (const r of resources) {
    const p = r.props;
    if (r.isType(NativeProtectionPolicy)) {
      if (read(() => p.properties?.backupManagementType) !== "AzureIaasVM") continue;
      const id = str(read(() => p.id));
      const vault = vaultByResource(r) ?? vaultRef(str(read(() => p.vaultName)) ?? armIdParts(id).vaults, str(read(() => p.resourceGroupName)) ?? armIdParts(id).resourcegroups);
      policies.push({ resource: r, name: str(read(() => p.policyName)) ?? str(read(() => p.name)) ?? r.name, id, vault, policyType: read(() => p.properties?.policyType) === "V2" ? "V2" : "V1" });
    } else if (r.isType(ClassicPolicyVm)) {
      const id = str(read(() => p.id));
      const vault = vaultByResource(r) ?? vaultRef(str(read(() => p.recoveryVaultName)), str(read(() => p.resourceGroupName)));
      policies.push({ resource: r, name: str(read(() => p.name)) ?? r.name, id, vault, policyType: read(() => p.policyType) === "V2" ? "V2" : "V1" });
    }
  }

  const vms: VmNode[] = [];
  for (const r of resources) {
    if (r.isType(NativeVirtualMachine)) vms.push(nativeVm(r));
    else if (r.isType(ClassicLinuxVm)) vms.push(classicVm(r, "Linux"));
    else if (r.isType(ClassicWindowsVm)) vms.push(classicVm(r, "Windows"));
    else if (r.isType(ClassicLegacyVm)) vms.push(classicVm(r, undefined));
  }
  const vmById = (id: string | undefined) => {
    const parts = armIdParts(id);
    return parts.virtualmachines ? vms.find((v) => v.key === refKey(parts.resourcegroups, parts.virtualmachines!)) : undefined;
  };

  const items: ItemNode[] = [];
  for (const r of resources) {
    const p = r.props;
    let vaultName: string | undefined, rg: string | undefined, policyId: string | undefined, vmId: string | undefined;
    if (r.isType(NativeProtectedItem)) {
      if (read(() => p.properties?.protectedItemType) !== "Microsoft.Compute/virtualMachines") continue;
      vaultName = str(read(() => p.vaultName));
      rg = str(read(() => p.resourceGroupName));
      policyId = str(read(() => p.properties?.policyId));
      vmId = str(read(() => p.properties?.sourceResourceId));
    } else if (r.isType(ClassicProtectedVm)) {
      vaultName = str(read(() => p.recoveryVaultName));
      rg = str(read(() => p.resourceGroupName));
      policyId = str(read(() => p.backupPolicyId));
      vmId = str(read(() => p.sourceVmId));
    } else {
      continue;
    }
    const idParts = armIdParts(str(read(() => p.id)));
    const vault = vaultByResource(r) ?? vaultRef(vaultName ?? idParts.vaults, rg ?? idParts.resourcegroups);
    const policy = (policyId ? policies.find((pol) => pol.id && lower(pol.id) === lower(policyId!)) : undefined) ?? dependencyOf(r, policies, (pol) => pol.resource);
    const vm = vmById(vmId) ?? dependencyOf(r, vms, (v) => v.resource);
    items.push({ resource: r, vault, policyId, policy, vmId, vm });
  }

  const extensions: ExtensionNode[] = [];
  for (const r of resources) {
    const p = r.props;
    if (r.isType(NativeVmExtension)) {
      const vmName = str(read(() => p.vmName));
      const rg = str(read(() => p.resourceGroupName));
      const vm = (vmName ? vms.find((v) => v.key === refKey(rg, vmName)) : undefined) ?? dependencyOf(r, vms, (v) => v.resource);
      // An azure-native extension's *output* `type` is the ARM resource type; only the input names the extension.
      const type = str(read(() => p.type));
      extensions.push({ resource: r, publisher: str(read(() => p.publisher)), type: type?.includes("/") ? undefined : type, vm });
    } else if (r.isType(ClassicVmExtension)) {
      const vm = vmById(str(read(() => p.virtualMachineId))) ?? dependencyOf(r, vms, (v) => v.resource);
      extensions.push({ resource: r, publisher: str(read(() => p.publisher)), type: str(read(() => p.type)), vm });
    }
  }
  return { vaults, policies, items, vms, extensions };
}

/** The vault a policy ID points into (`.../vaults/<vault>/backupPolicies/<policy>`). */
export function vaultOfPolicyId(policyId: string | undefined): VaultRef | undefined {
  const parts = armIdParts(policyId);
  return parts.vaults ? vaultRef(parts.vaults, parts.resourcegroups) : undefined;
}
