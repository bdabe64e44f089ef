import type { PolicyResource } from "@pulumi/policy";
import { describeEnhancedPolicyNeed, enhancedPolicyNeeds } from "../../infra/model/vmFactRules";
import type { VmFacts } from "../../infra/model/vmFacts";
import { whenKnown } from "../shared/known";
import { kindOf, type Kind, type KindMatch } from "../shared/resourceKinds";
import { isOurs } from "../shared/validateKind";
import { armIdParts as idParts, sameText } from "../shared/values";

/**
 * The backup estate of a stack, read from either provider family into one shape so the stack
 * policies state each rule once. Stack policies see resource *outputs* (the engine's AnalyzeStack),
 * where IDs of resources still to be created are unknown during preview; references are therefore
 * resolved by every link a program may use: ARM ID (case-insensitive), physical name, logical name,
 * and the resource's dependencies, per-property dependencies and parent (URNs).
 */
export interface BackupGraph {
  readonly vaults: readonly VaultNode[];
  readonly policies: readonly PolicyNode[];
  readonly items: readonly ItemNode[];
  readonly vms: readonly VmNode[];
  readonly extensions: readonly ExtensionNode[];
  readonly privateEndpoints: readonly LinkNode[];
  readonly diagnosticSettings: readonly DiagnosticNode[];
  readonly resourceGuards: readonly LinkNode[];
  readonly locks: readonly LockNode[];
}

export interface VaultNode {
  readonly resource: PolicyResource;
  /** `<resource group>/<vault name>` in lower case, or the name alone when the group is unknown. */
  readonly key: string;
  readonly name: string;
  readonly id?: string;
  readonly location?: string;
  readonly subscriptionId?: string;
  /** Disabled, Unlocked or Locked (absent: Disabled). */
  readonly immutability: string;
  readonly tags: Readonly<Record<string, string>>;
  readonly ours: boolean;
}

export interface PolicyNode {
  readonly resource: PolicyResource;
  readonly name: string;
  readonly id?: string;
  readonly vault?: VaultRef;
  /** V1 (Standard) or V2 (Enhanced). */
  readonly policyType: "V1" | "V2";
  /** The instant-restore resource group's name prefix and suffix, when declared. */
  readonly instantRestoreGroup?: { readonly prefix: string; readonly suffix?: string };
}

export interface ItemNode {
  readonly resource: PolicyResource;
  readonly family: "native" | "classic";
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
  readonly id?: string;
  readonly location?: string;
  readonly subscriptionId?: string;
  readonly os?: "Windows" | "Linux";
  readonly tags: Readonly<Record<string, string>>;
  /** Why the VM can only be backed up with an Enhanced (V2) policy, if it needs one. */
  readonly enhancedReason?: string;
  /** `false` when the program turns extension operations off; undefined when unset or unknown. */
  readonly allowExtensionOperations?: boolean;
  /** `false` when the program declines the VM agent; undefined when unset or unknown. */
  readonly provisionVmAgent?: boolean;
  /** The field each of the two settings above is read from, for messages. */
  readonly fields: { readonly allowExtensionOperations: string; readonly provisionVmAgent: string };
}

export interface ExtensionNode {
  readonly resource: PolicyResource;
  readonly publisher?: string;
  /** The extension type (VMSnapshot); undefined when the outputs carry only the ARM resource type. */
  readonly type?: string;
  /** The extension's own (physical) name, which programs usually take from its type. */
  readonly extensionName?: string;
  readonly vm?: VmNode;
}

/** A resource that points at a vault (private endpoint, Resource Guard proxy). */
export interface LinkNode {
  readonly resource: PolicyResource;
  readonly vault?: VaultNode;
  /** True when the link is a private endpoint for the AzureBackup sub-resource (or any other detail the kind needs). */
  readonly qualifies: boolean;
}

export interface DiagnosticNode {
  readonly resource: PolicyResource;
  readonly vault?: VaultNode;
  readonly categories: readonly string[];
  readonly toWorkspace: boolean;
  readonly destinationType?: string;
}

export interface LockNode {
  readonly resource: PolicyResource;
  readonly level?: string;
  /** The resource group the lock sits on, when it is a group-level lock. */
  readonly resourceGroup?: string;
}

/** A vault as a reference names it: by resolved node, or by name (and group) alone. */
export interface VaultRef {
  readonly key: string;
  readonly name: string;
}

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const lower = (s: string) => s.toLowerCase();
/** A known, non-empty string (null and unknown read as absent). */
const str = (v: unknown): string | undefined => (typeof v === "string" && v.length > 0 ? v : undefined);
const read = <T>(f: () => T) => whenKnown(f);
const refKey = (rg: string | undefined, name: string) => lower(rg ? `${rg}/${name}` : name);
const tagsOf = (p: Obj): Record<string, string> => {
  const t = read(() => p.tags);
  return t && typeof t === "object" ? (t as Record<string, string>) : {};
};
const bool = (v: unknown) => (typeof v === "boolean" ? v : undefined);

/** Parts of an ARM ID: `{ resourcegroups: "rg", vaults: "v", backuppolicies: "p" }` (keys lower case). */
export const armIdParts = idParts;

function vaultRef(name: string | undefined, rg: string | undefined): VaultRef | undefined {
  return name ? { key: refKey(rg, name), name } : undefined;
}

/** Everything a resource points at by URN: dependencies, per-property dependencies and its parent. */
function linked(r: PolicyResource): PolicyResource[] {
  const out = [...r.dependencies, ...Object.values(r.propertyDependencies).flat()];
  if (r.parent) out.push(r.parent);
  return out;
}

/** The first linked resource that is a node of the index. */
function dependencyOf<T>(r: PolicyResource, index: ReadonlyMap<PolicyResource, T>): T | undefined {
  for (const d of linked(r)) {
    const node = index.get(d);
    if (node !== undefined) return node;
  }
  return undefined;
}

/** Index of nodes by every name a reference may use: ARM ID, `<rg>/<name>`, bare name; all lower case. */
class NameIndex<T> {
  private readonly map = new Map<string, T>();
  add(node: T, id: string | undefined, rg: string | undefined, names: ReadonlyArray<string | undefined>) {
    if (id) this.set(lower(id), node);
    for (const n of names) {
      if (!n) continue;
      if (rg) this.set(refKey(rg, n), node);
      this.set(`name:${lower(n)}`, node);
    }
  }
  byExactId(id: string): T | undefined {
    return this.map.get(lower(id));
  }
  /** By ARM ID, then by the ID's group and name, then by the name alone. */
  byId(id: string | undefined, segment: string): T | undefined {
    if (!id) return undefined;
    const parts = idParts(id);
    const name = parts[segment];
    return this.map.get(lower(id)) ?? (name ? this.byName(name, parts.resourcegroups) : undefined);
  }
  byName(name: string | undefined, rg: string | undefined): T | undefined {
    if (!name) return undefined;
    return (rg ? this.map.get(refKey(rg, name)) : undefined) ?? this.map.get(`name:${lower(name)}`);
  }
  private set(key: string, node: T) {
    if (!this.map.has(key)) this.map.set(key, node);
  }
}

/** What every vault and VM node reads the same way: its ARM identity (from the ID when the fields are unknown), region and tags. */
function identityOf(r: PolicyResource, nameFields: readonly string[], idSegment: string) {
  const p = r.props;
  const id = str(read(() => p.id));
  const parts = idParts(id);
  const name = nameFields.map((field) => str(read(() => p[field]))).find((v) => v !== undefined) ?? parts[idSegment] ?? r.name;
  const rg = str(read(() => p.resourceGroupName)) ?? parts.resourcegroups;
  return { resource: r, key: refKey(rg, name), name, id, location: str(read(() => p.location)), subscriptionId: parts.subscriptions, tags: tagsOf(p) };
}

function vaultNode(r: PolicyResource): VaultNode {
  const p = r.props;
  const immutability =
    kindOf(r.type)?.family === "classic" ? str(read(() => p.immutability)) : str(read(() => p.properties?.securitySettings?.immutabilitySettings?.state));
  return { ...identityOf(r, ["vaultName", "name"], "vaults"), immutability: immutability ?? "Disabled", ours: isOurs(r.urn) };
}

/** Why a VM needs an Enhanced policy, by the model's rule (infra/model/vmFactRules.ts) on what its inputs say. */
function enhancedReason(securityType: VmFacts["securityType"], diskSkus: ReadonlyArray<unknown>): string | undefined {
  const sku = (v: unknown) => (typeof v === "string" ? v : undefined);
  const [osDisk, ...dataDisks] = diskSkus;
  const facts = { securityType, osDisk: { sku: sku(osDisk) }, dataDisks: dataDisks.map((d, lun) => ({ lun, sku: sku(d), shared: false })) };
  const needs = enhancedPolicyNeeds(facts);
  return needs.length > 0 ? needs.map(describeEnhancedPolicyNeed).join("; ") : undefined;
}

/** A disk SKU only an Enhanced policy backs up (the same rule, for disks declared as their own resources). */
const diskNeedsEnhanced = (sku: string | undefined): boolean => enhancedReason("Standard", [sku]) !== undefined;

function nativeVm(r: PolicyResource): VmNode {
  const p = r.props;
  const storage: Obj = read(() => p.storageProfile) ?? {};
  const osProfile: Obj = read(() => p.osProfile) ?? {};
  const osType = str(read(() => storage.osDisk?.osType));
  const os = sameText(osType, "Windows") ? "Windows" : sameText(osType, "Linux") ? "Linux" : osProfile.windowsConfiguration ? "Windows" : osProfile.linuxConfiguration ? "Linux" : undefined;
  const security = str(read(() => p.securityProfile?.securityType));
  const disks = [read(() => storage.osDisk?.managedDisk?.storageAccountType), ...((read(() => storage.dataDisks) ?? []) as Obj[]).map((d) => read(() => d?.managedDisk?.storageAccountType))];
  const securityType = sameText(security, "TrustedLaunch") ? "TrustedLaunch" : sameText(security, "ConfidentialVM") ? "ConfidentialVM" : "Standard";
  const config = os === "Windows" ? "windowsConfiguration" : "linuxConfiguration";
  return {
    ...identityOf(r, ["vmName", "name"], "virtualmachines"),
    os,
    enhancedReason: enhancedReason(securityType, disks),
    allowExtensionOperations: bool(read(() => osProfile.allowExtensionOperations)),
    provisionVmAgent: bool(read(() => osProfile.windowsConfiguration?.provisionVMAgent)) ?? bool(read(() => osProfile.linuxConfiguration?.provisionVMAgent)),
    fields: { allowExtensionOperations: "osProfile.allowExtensionOperations", provisionVmAgent: `osProfile.${config}.provisionVMAgent` },
  };
}

function classicVm(r: PolicyResource, match: KindMatch): VmNode {
  const p = r.props;
  const legacy = match.legacyVm === true;
  const osDisk: Obj = (legacy ? read(() => p.storageOsDisk) : read(() => p.osDisk)) ?? {};
  const legacyOs = str(osDisk.osType) ?? (read(() => p.osProfileWindowsConfig) ? "Windows" : read(() => p.osProfileLinuxConfig) ? "Linux" : undefined);
  const diskTypes = legacy
    ? [osDisk.managedDiskType, ...((read(() => p.storageDataDisks) ?? []) as Obj[]).map((d) => d?.managedDiskType)]
    : [osDisk.storageAccountType];
  // azurerm has no securityType: a confidential VM encrypts its OS disk's security state, Trusted Launch turns on secure boot or vTPM.
  const securityType = str(osDisk.securityEncryptionType)
    ? "ConfidentialVM"
    : read(() => p.secureBootEnabled) === true || read(() => p.vtpmEnabled) === true
      ? "TrustedLaunch"
      : "Standard";
  const resolvedOs = match.os ?? (sameText(legacyOs, "Windows") ? "Windows" : sameText(legacyOs, "Linux") ? "Linux" : undefined);
  return {
    ...identityOf(r, ["name"], "virtualmachines"),
    os: resolvedOs,
    enhancedReason: enhancedReason(securityType, diskTypes),
    // The legacy VirtualMachine has no allowExtensionOperations field.
    allowExtensionOperations: legacy ? undefined : bool(read(() => p.allowExtensionOperations)),
    provisionVmAgent: legacy ? bool(read(() => p.osProfileWindowsConfig?.provisionVmAgent)) : bool(read(() => p.provisionVmAgent)),
    fields: { allowExtensionOperations: "allowExtensionOperations", provisionVmAgent: legacy ? "osProfileWindowsConfig.provisionVmAgent" : "provisionVmAgent" },
  };
}

/** Disks declared as their own resources: an Ultra or Premium SSD v2 disk attached by ID or attachment makes its VM need Enhanced. */
function attachSeparateDisks(resources: readonly PolicyResource[], vmIndex: NameIndex<VmNode>, vmByResource: Map<PolicyResource, VmNode>, vms: VmNode[]) {
  const disks = new NameIndex<{ sku?: string; name: string }>();
  const diskByResource = new Map<PolicyResource, { sku?: string; name: string }>();
  for (const r of resources) {
    if (kindOf(r.type)?.kind !== "disk") continue;
    const p = r.props;
    const id = str(read(() => p.id));
    const name = str(read(() => p.diskName)) ?? str(read(() => p.name)) ?? r.name;
    const node = { name, sku: str(read(() => p.sku?.name)) ?? str(read(() => p.storageAccountType)) };
    disks.add(node, id, str(read(() => p.resourceGroupName)) ?? idParts(id).resourcegroups, [name, r.name]);
    diskByResource.set(r, node);
  }
  if (diskByResource.size === 0) return;
  const needs = new Map<VmNode, string>();
  const mark = (vm: VmNode | undefined, disk: { sku?: string; name: string } | undefined) => {
    if (vm && !vm.enhancedReason && disk && diskNeedsEnhanced(disk.sku) && !needs.has(vm)) needs.set(vm, `${disk.sku} disk ${disk.name}`);
  };
  for (const vm of vms) {
    if (kindOf(vm.resource.type)?.family !== "native") continue;
    const storage: Obj = read(() => vm.resource.props.storageProfile) ?? {};
    const refs = [read(() => storage.osDisk?.managedDisk?.id), ...((read(() => storage.dataDisks) ?? []) as Obj[]).map((d) => read(() => d?.managedDisk?.id))];
    for (const ref of refs) mark(vm, disks.byId(str(ref), "disks"));
    for (const d of linked(vm.resource)) mark(vm, diskByResource.get(d));
  }
  for (const r of resources) {
    if (kindOf(r.type)?.kind !== "diskAttachment") continue;
    const p = r.props;
    const disk = disks.byId(str(read(() => p.managedDiskId)), "disks") ?? linked(r).map((d) => diskByResource.get(d)).find((d) => d !== undefined);
    const vm = vmIndex.byId(str(read(() => p.virtualMachineId)), "virtualmachines") ?? dependencyOf(r, vmByResource);
    mark(vm, disk);
  }
  for (const [vm, reason] of needs) {
    const i = vms.indexOf(vm);
    const updated = { ...vm, enhancedReason: reason };
    vms[i] = updated;
    vmByResource.set(vm.resource, updated);
  }
}

const cache = new WeakMap<readonly PolicyResource[], BackupGraph>();

/** Builds the graph from every resource of a stack (once per resource list: every stack policy shares it). */
export function buildBackupGraph(resources: readonly PolicyResource[]): BackupGraph {
  const cached = cache.get(resources);
  if (cached) return cached;
  const graph = build(resources);
  cache.set(resources, graph);
  return graph;
}

function build(resources: readonly PolicyResource[]): BackupGraph {
  const byKind = new Map<Kind, Array<{ r: PolicyResource; m: KindMatch }>>();
  for (const r of resources) {
    const m = kindOf(r.type);
    if (m) byKind.set(m.kind, [...(byKind.get(m.kind) ?? []), { r, m }]);
  }
  const of = (k: Kind) => byKind.get(k) ?? [];

  const vaults = of("vault").map(({ r }) => vaultNode(r));
  const vaultByResource = new Map(vaults.map((v) => [v.resource, v]));
  const vaultIndex = new NameIndex<VaultNode>();
  for (const v of vaults) vaultIndex.add(v, v.id, v.key.includes("/") ? v.key.split("/")[0] : undefined, [v.name, v.resource.name]);
  /** The declared vault a reference resolves to, else the reference itself. */
  const resolveVault = (r: PolicyResource, name: string | undefined, rg: string | undefined): VaultRef | undefined => {
    const node = dependencyOf(r, vaultByResource) ?? vaultIndex.byName(name, rg);
    return node ?? vaultRef(name, rg);
  };

  const policies: PolicyNode[] = [];
  for (const { r, m } of of("policy")) {
    const p = r.props;
    const id = str(read(() => p.id));
    if (m.family === "native") {
      if (!sameText(read(() => p.properties?.backupManagementType), "AzureIaasVM")) continue;
      const rgDetails: Obj = read(() => p.properties?.instantRPDetails) ?? {};
      policies.push({
        resource: r,
        name: str(read(() => p.policyName)) ?? str(read(() => p.name)) ?? r.name,
        id,
        vault: resolveVault(r, str(read(() => p.vaultName)) ?? idParts(id).vaults, str(read(() => p.resourceGroupName)) ?? idParts(id).resourcegroups),
        policyType: sameText(read(() => p.properties?.policyType), "V2") ? "V2" : "V1",
        instantRestoreGroup: str(rgDetails.azureBackupRGNamePrefix) ? { prefix: rgDetails.azureBackupRGNamePrefix, suffix: str(rgDetails.azureBackupRGNameSuffix) } : undefined,
      });
    } else {
      const rgDetails: Obj = read(() => p.instantRestoreResourceGroup) ?? {};
      policies.push({
        resource: r,
        name: str(read(() => p.name)) ?? r.name,
        id,
        vault: resolveVault(r, str(read(() => p.recoveryVaultName)), str(read(() => p.resourceGroupName))),
        policyType: sameText(read(() => p.policyType), "V2") ? "V2" : "V1",
        instantRestoreGroup: str(rgDetails.prefix) ? { prefix: rgDetails.prefix, suffix: str(rgDetails.suffix) } : undefined,
      });
    }
  }
  const policyByResource = new Map(policies.map((p) => [p.resource, p]));
  const policyIndex = new NameIndex<PolicyNode>();
  // Keyed by vault too: many vaults may each hold a policy of the same name.
  for (const p of policies) policyIndex.add(p, p.id, p.vault?.name, [p.name, p.resource.name]);

  const vms: VmNode[] = of("vm").map(({ r, m }) => (m.family === "native" ? nativeVm(r) : classicVm(r, m)));
  const vmByResource = new Map(vms.map((v) => [v.resource, v]));
  const vmIndex = new NameIndex<VmNode>();
  for (const v of vms) vmIndex.add(v, v.id, v.key.includes("/") ? v.key.split("/")[0] : undefined, [v.name, v.resource.name]);
  attachSeparateDisks(resources, vmIndex, vmByResource, vms);
  const vmIndexFinal = new NameIndex<VmNode>();
  for (const v of vms) vmIndexFinal.add(v, v.id, v.key.includes("/") ? v.key.split("/")[0] : undefined, [v.name, v.resource.name]);

  const items: ItemNode[] = [];
  for (const { r, m } of of("item")) {
    const p = r.props;
    let vaultName: string | undefined, rg: string | undefined, policyId: string | undefined, vmId: string | undefined;
    if (m.family === "native") {
      const type = read(() => p.properties?.protectedItemType);
      // Not a VM item (SQL, file share, ...): the VM rules do not apply. Unknown or absent type still counts.
      if (str(type) && !sameText(type, "Microsoft.Compute/virtualMachines") && !sameText(type, "Microsoft.ClassicCompute/virtualMachines")) continue;
      vaultName = str(read(() => p.vaultName));
      rg = str(read(() => p.resourceGroupName));
      policyId = str(read(() => p.properties?.policyId));
      vmId = str(read(() => p.properties?.sourceResourceId));
    } else {
      vaultName = str(read(() => p.recoveryVaultName));
      rg = str(read(() => p.resourceGroupName));
      policyId = str(read(() => p.backupPolicyId));
      vmId = str(read(() => p.sourceVmId));
    }
    const ownId = idParts(str(read(() => p.id)));
    const vault = resolveVault(r, vaultName ?? ownId.vaults, rg ?? ownId.resourcegroups);
    const linkedPolicy = linked(r).map((d) => policyByResource.get(d)).find((x) => x !== undefined);
    const policyParts = idParts(policyId);
    const policy = linkedPolicy ?? (policyId ? (policyIndex.byExactId(policyId) ?? policyIndex.byName(policyParts.backuppolicies, policyParts.vaults)) : undefined);
    const linkedVm = linked(r).map((d) => vmByResource.get(d)).find((x) => x !== undefined);
    const vm = vmIndexFinal.byId(vmId, "virtualmachines") ?? linkedVm;
    items.push({ resource: r, family: m.family, vault, policyId, policy, vmId, vm });
  }

  const extensions: ExtensionNode[] = [];
  for (const { r, m } of of("extension")) {
    const p = r.props;
    // ARM-shaped resources keep the extension's settings under `properties`.
    const body: Obj = read(() => p.properties) && read(() => p.properties.publisher) ? p.properties : p;
    if (m.family === "native") {
      const vmName = str(read(() => p.vmName));
      const vm = vmIndexFinal.byName(vmName, str(read(() => p.resourceGroupName))) ?? vmIndexFinal.byId(str(read(() => p.id)), "virtualmachines") ?? dependencyOf(r, vmByResource);
      // An azure-native extension's *output* `type` is the ARM resource type; only the input names the extension.
      const type = str(read(() => body.type));
      const extensionName = str(read(() => p.vmExtensionName)) ?? str(read(() => p.name));
      extensions.push({ resource: r, publisher: str(read(() => body.publisher)), type: type?.includes("/") ? undefined : type, extensionName, vm });
    } else {
      const vm = vmIndexFinal.byId(str(read(() => p.virtualMachineId)), "virtualmachines") ?? dependencyOf(r, vmByResource);
      extensions.push({ resource: r, publisher: str(read(() => p.publisher)), type: str(read(() => p.type)), extensionName: str(read(() => p.name)), vm });
    }
  }

  const vaultOf = (r: PolicyResource, id: string | undefined): VaultNode | undefined => dependencyOf(r, vaultByResource) ?? (id ? vaultIndex.byId(id, "vaults") : undefined);

  const privateEndpoints: LinkNode[] = of("privateEndpoint").map(({ r, m }) => {
    const p = r.props;
    const connections: Obj[] =
      m.family === "native"
        ? [...((read(() => p.privateLinkServiceConnections) ?? []) as Obj[]), ...((read(() => p.manualPrivateLinkServiceConnections) ?? []) as Obj[])].map((c) => ({
            target: str(read(() => c?.privateLinkServiceId)),
            groups: (read(() => c?.groupIds) ?? []) as unknown[],
          }))
        : [read(() => p.privateServiceConnection)].filter(Boolean).map((c: Obj) => ({ target: str(read(() => c.privateConnectionResourceId)), groups: (read(() => c.subresourceNames) ?? []) as unknown[] }));
    const backup = connections.find((c) => c.groups.some((g: unknown) => sameText(g, "AzureBackup")));
    const target = backup ?? connections[0];
    return { resource: r, vault: vaultOf(r, target?.target), qualifies: backup !== undefined };
  });

  const diagnosticSettings: DiagnosticNode[] = of("diagnosticSetting").map(({ r, m }) => {
    const p = r.props;
    const target = m.family === "native" ? str(read(() => p.resourceUri)) : str(read(() => p.targetResourceId));
    const logs = ((m.family === "native" ? read(() => p.logs) : read(() => p.enabledLogs)) ?? []) as Obj[];
    const categories = logs.filter((l) => read(() => l?.enabled) !== false).flatMap((l) => [str(read(() => l?.category)), str(read(() => l?.categoryGroup))]).filter((c): c is string => c !== undefined);
    const workspace = m.family === "native" ? read(() => p.workspaceId) : read(() => p.logAnalyticsWorkspaceId);
    return {
      resource: r,
      vault: vaultOf(r, target),
      categories,
      // An unknown workspace ID (created in the same stack) still names a workspace.
      toWorkspace: workspace === undefined ? linked(r).some((d) => /operationalinsights/i.test(d.type) && /workspace/i.test(d.type)) : str(workspace) !== undefined,
      destinationType: str(read(() => p.logAnalyticsDestinationType)),
    };
  });

  const resourceGuards: LinkNode[] = of("resourceGuardProxy").map(({ r, m }) => {
    const p = r.props;
    if (m.family === "native") {
      const vault = dependencyOf(r, vaultByResource) ?? vaultIndex.byName(str(read(() => p.vaultName)), str(read(() => p.resourceGroupName)));
      return { resource: r, vault, qualifies: str(read(() => p.properties?.resourceGuardResourceId)) !== undefined || linked(r).length > 0 };
    }
    return { resource: r, vault: vaultOf(r, str(read(() => p.vaultId))), qualifies: true };
  });

  const locks: LockNode[] = of("lock").map(({ r, m }) => {
    const p = r.props;
    const level = str(read(() => p.level)) ?? str(read(() => p.lockLevel));
    if (m.family === "native") {
      const scope = str(read(() => p.scope));
      const group = /managementlockatresourcegrouplevel/i.test(r.type) ? str(read(() => p.resourceGroupName)) : scope && /^\/subscriptions\/[^/]+\/resourcegroups\/[^/]+\/?$/i.test(scope) ? idParts(scope).resourcegroups : undefined;
      return { resource: r, level, resourceGroup: group };
    }
    const scope = str(read(() => p.scope));
    const group = /resourcegrouplock/i.test(r.type) ? idParts(str(read(() => p.resourceGroupId))).resourcegroups : scope && /^\/subscriptions\/[^/]+\/resourcegroups\/[^/]+\/?$/i.test(scope) ? idParts(scope).resourcegroups : undefined;
    return { resource: r, level, resourceGroup: group };
  });

  return { vaults, policies, items, vms, extensions, privateEndpoints, diagnosticSettings, resourceGuards, locks };
}

/** The vault a policy ID points into (`.../vaults/<vault>/backupPolicies/<policy>`). */
export function vaultOfPolicyId(policyId: string | undefined): VaultRef | undefined {
  const parts = idParts(policyId);
  return parts.vaults ? vaultRef(parts.vaults, parts.resourcegroups) : undefined;
}

/** The declared vault node a reference names, if any. */
export function declaredVault(graph: BackupGraph, ref: VaultRef | undefined): VaultNode | undefined {
  if (!ref) return undefined;
  return graph.vaults.find((v) => v === ref) ?? graph.vaults.find((v) => v.key === ref.key) ?? graph.vaults.find((v) => lower(v.name) === lower(ref.name));
}
