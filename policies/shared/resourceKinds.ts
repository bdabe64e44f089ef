/**
 * The resource kinds the pack judges, matched by family rather than by exact token, so any program
 * is reviewed: azure-native's API-version modules (`azure-native:recoveryservices/v20240401:Vault`)
 * and its module aliases (`insights` for `monitor`), the classic bridged `azure:` provider, and ARM
 * types (`Microsoft.Compute/virtualMachines/extensions`) as converted templates and some outputs carry them.
 */
export type Kind =
  | "vault"
  | "policy"
  | "item"
  | "vm"
  | "extension"
  | "disk"
  | "diskAttachment"
  | "diagnosticSetting"
  | "privateEndpoint"
  | "resourceGuardProxy"
  | "lock";

export type Family = "native" | "classic";

/** What a classic VM type says about its OS; the legacy `VirtualMachine` says it in its inputs. */
export type ClassicVmOs = "Linux" | "Windows" | undefined;

export interface KindMatch {
  readonly kind: Kind;
  readonly family: Family;
  readonly os?: ClassicVmOs;
  /** `VirtualMachine` of the classic provider (storageOsDisk, osProfile*Config). */
  readonly legacyVm?: boolean;
}

/** azure-native tokens without their version segment: `<module>:<Resource>`. */
const NATIVE: Readonly<Record<string, Kind>> = {
  "recoveryservices:vault": "vault",
  "recoveryservices:protectionpolicy": "policy",
  "recoveryservices:protecteditem": "item",
  "recoveryservices:resourceguardproxy": "resourceGuardProxy",
  "compute:virtualmachine": "vm",
  "compute:virtualmachineextension": "extension",
  "compute:disk": "disk",
  "monitor:diagnosticsetting": "diagnosticSetting",
  "insights:diagnosticsetting": "diagnosticSetting",
  "network:privateendpoint": "privateEndpoint",
  // the SDK aliases private endpoints to their 2019 name
  "network:interfaceendpoint": "privateEndpoint",
  "authorization:managementlockatresourcegrouplevel": "lock",
  "authorization:managementlockatresourcelevel": "lock",
  "authorization:managementlockatsubscriptionlevel": "lock",
  "authorization:managementlockbyscope": "lock",
};

const CLASSIC: Readonly<Record<string, Omit<KindMatch, "family">>> = {
  "azure:recoveryservices/vault:vault": { kind: "vault" },
  "azure:backup/policyvm:policyvm": { kind: "policy" },
  "azure:backup/protectedvm:protectedvm": { kind: "item" },
  "azure:recoveryservices/vaultresourceguardassociation:vaultresourceguardassociation": { kind: "resourceGuardProxy" },
  "azure:compute/linuxvirtualmachine:linuxvirtualmachine": { kind: "vm", os: "Linux" },
  "azure:compute/windowsvirtualmachine:windowsvirtualmachine": { kind: "vm", os: "Windows" },
  "azure:compute/virtualmachine:virtualmachine": { kind: "vm", legacyVm: true },
  "azure:compute/extension:extension": { kind: "extension" },
  "azure:compute/virtualmachineextension:virtualmachineextension": { kind: "extension" },
  "azure:compute/manageddisk:manageddisk": { kind: "disk" },
  "azure:compute/datadiskattachment:datadiskattachment": { kind: "diskAttachment" },
  "azure:monitoring/diagnosticsetting:diagnosticsetting": { kind: "diagnosticSetting" },
  "azure:privatelink/endpoint:endpoint": { kind: "privateEndpoint" },
  "azure:management/lock:lock": { kind: "lock" },
  "azure:core/resourcegrouplock:resourcegrouplock": { kind: "lock" },
};

/** ARM resource types (azure-native resources' shape: top-level `properties`). */
const ARM: Readonly<Record<string, Kind>> = {
  "microsoft.recoveryservices/vaults": "vault",
  "microsoft.recoveryservices/vaults/backuppolicies": "policy",
  "microsoft.recoveryservices/vaults/backupfabrics/protectioncontainers/protecteditems": "item",
  "microsoft.recoveryservices/vaults/backupresourceguardproxies": "resourceGuardProxy",
  "microsoft.compute/virtualmachines": "vm",
  "microsoft.compute/virtualmachines/extensions": "extension",
  "microsoft.compute/disks": "disk",
  "microsoft.insights/diagnosticsettings": "diagnosticSetting",
  "microsoft.network/privateendpoints": "privateEndpoint",
  "microsoft.authorization/locks": "lock",
};

const NATIVE_TOKEN = /^azure-native:([a-z0-9]+)(?:\/v\d{8}(?:preview|privatepreview)?)?:([a-z0-9]+)$/i;

const cache = new Map<string, KindMatch | undefined>();

/** The kind and provider family of a resource type token, or undefined for any other resource. */
export function kindOf(type: string): KindMatch | undefined {
  if (cache.has(type)) return cache.get(type);
  const lower = type.toLowerCase();
  let match: KindMatch | undefined;
  const native = NATIVE_TOKEN.exec(type);
  if (native) {
    const kind = NATIVE[`${native[1]!.toLowerCase()}:${native[2]!.toLowerCase()}`];
    match = kind && { kind, family: "native" };
  } else if (CLASSIC[lower]) {
    match = { ...CLASSIC[lower]!, family: "classic" };
  } else if (ARM[lower]) {
    match = { kind: ARM[lower]!, family: "native" };
  }
  cache.set(type, match);
  return match;
}

/** True when the type is of the kind (and family, when given). */
export function isKind(type: string, kind: Kind, family?: Family): boolean {
  const m = kindOf(type);
  return m !== undefined && m.kind === kind && (family === undefined || m.family === family);
}

/** The canonical tokens of each kind, as docs and tests list them. */
export const CANONICAL_TOKENS: Readonly<Record<Kind, { native: readonly string[]; classic: readonly string[] }>> = {
  vault: { native: ["azure-native:recoveryservices:Vault"], classic: ["azure:recoveryservices/vault:Vault"] },
  policy: { native: ["azure-native:recoveryservices:ProtectionPolicy"], classic: ["azure:backup/policyVM:PolicyVM"] },
  item: { native: ["azure-native:recoveryservices:ProtectedItem"], classic: ["azure:backup/protectedVM:ProtectedVM"] },
  resourceGuardProxy: {
    native: ["azure-native:recoveryservices:ResourceGuardProxy"],
    classic: ["azure:recoveryservices/vaultResourceGuardAssociation:VaultResourceGuardAssociation"],
  },
  vm: {
    native: ["azure-native:compute:VirtualMachine"],
    classic: ["azure:compute/linuxVirtualMachine:LinuxVirtualMachine", "azure:compute/windowsVirtualMachine:WindowsVirtualMachine", "azure:compute/virtualMachine:VirtualMachine"],
  },
  extension: { native: ["azure-native:compute:VirtualMachineExtension"], classic: ["azure:compute/extension:Extension"] },
  disk: { native: ["azure-native:compute:Disk"], classic: ["azure:compute/managedDisk:ManagedDisk"] },
  diskAttachment: { native: [], classic: ["azure:compute/dataDiskAttachment:DataDiskAttachment"] },
  diagnosticSetting: { native: ["azure-native:monitor:DiagnosticSetting", "azure-native:insights:DiagnosticSetting"], classic: ["azure:monitoring/diagnosticSetting:DiagnosticSetting"] },
  privateEndpoint: { native: ["azure-native:network:PrivateEndpoint"], classic: ["azure:privatelink/endpoint:Endpoint"] },
  lock: {
    native: ["azure-native:authorization:ManagementLockAtResourceGroupLevel", "azure-native:authorization:ManagementLockAtResourceLevel", "azure-native:authorization:ManagementLockByScope"],
    classic: ["azure:management/lock:Lock"],
  },
};
