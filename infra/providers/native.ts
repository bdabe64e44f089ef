import { SOFT_DELETE_DEFAULT_RETENTION_DAYS } from "../azure/azureLimits";
import type { PolicyModel, VaultModel } from "../model/backupModel";
import { keepsPolicy, protectionSettingOf } from "../model/lifecycle";
import type { ProtectedVmModel } from "../model/protectedVm";
import type { RunCommandModel } from "../model/runCommand";
import type { SnapshotExtensionModel } from "../model/snapshotExtension";
import { identitySetting, identityType, vaultIdentity, type VaultIdentity } from "../model/vaultIdentity";
import { nativePolicyProperties, policyFromNative, type VmPolicyProperties } from "./nativePolicy";
import { optional, readParameters, str, vmIdOf, withoutUndefined, type Obj, type ProviderReader, type VaultRead } from "./readBack";

/**
 * The azure-native adapter (`@pulumi/azure-native`, Recovery Services API 2024-10-01 shapes): the model
 * to the inputs of its resources, and those inputs back to the configuration. The policy body lives in
 * nativePolicy.ts.
 */

const NATIVE_TYPES = {
  resourceGroup: "azure-native:resources:ResourceGroup",
  vault: "azure-native:recoveryservices:Vault",
  policy: "azure-native:recoveryservices:ProtectionPolicy",
  item: "azure-native:recoveryservices:ProtectedItem",
  extension: "azure-native:compute:VirtualMachineExtension",
  runCommand: "azure-native:compute:VirtualMachineRunCommandByVirtualMachine",
} as const;

type State = "Enabled" | "Disabled";
type SecurityState = "AlwaysON" | "Enabled" | "Disabled";

/** The vault's `properties` as the API takes them. */
export interface NativeVaultProperties {
  readonly publicNetworkAccess: State;
  readonly redundancySettings: {
    readonly standardTierStorageRedundancy: "GeoRedundant" | "ZoneRedundant" | "LocallyRedundant";
    readonly crossRegionRestore: State;
  };
  readonly securitySettings: {
    readonly softDeleteSettings: { readonly softDeleteState: SecurityState; readonly softDeleteRetentionPeriodInDays: number; readonly enhancedSecurityState?: SecurityState };
    readonly immutabilitySettings: { readonly state: "Disabled" | "Unlocked" | "Locked" };
    readonly sourceScanConfiguration?: {
      readonly state: State;
      readonly sourceScanIdentity: { readonly operationIdentityType: "SystemAssigned" | "UserAssigned"; readonly userAssignedIdentity?: string };
    };
  };
  readonly monitoringSettings: {
    readonly azureMonitorAlertSettings: { readonly alertsForAllJobFailures: State; readonly alertsForAllReplicationIssues?: State; readonly alertsForAllFailoverIssues?: State };
    /** Classic alerts are retired (31 Mar 2026); off unless asked for, so only Azure Monitor alerts fire. */
    readonly classicAlertSettings: { readonly alertsForCriticalOperations: State; readonly emailNotificationsForSiteRecovery?: State };
  };
  readonly restoreSettings?: { readonly crossSubscriptionRestoreSettings: { readonly crossSubscriptionRestoreState: "Enabled" | "Disabled" | "PermanentlyDisabled" } };
  readonly encryption?: {
    readonly keyVaultProperties: { readonly keyUri: string };
    readonly kekIdentity: { readonly useSystemAssignedIdentity: boolean; readonly userAssignedIdentity?: string };
    readonly infrastructureEncryption: State;
  };
}

/** `recoveryservices.Vault` inputs, without the resource group. */
export interface NativeVaultInputs {
  readonly vaultName: string;
  readonly location: string;
  readonly tags?: Readonly<Record<string, string>>;
  readonly sku: { readonly name: "RS0"; readonly tier: "Standard" } | { readonly name: "Standard" };
  readonly identity?: { readonly type: "SystemAssigned" | "UserAssigned" | "SystemAssigned, UserAssigned"; readonly userAssignedIdentities?: string[] };
  readonly properties: NativeVaultProperties;
}

/** `recoveryservices.ResourceGuardProxy` inputs (multi-user authorization), without the vault references. */
export interface NativeResourceGuardProxyInputs {
  readonly resourceGuardProxyName: "VaultProxy";
  readonly properties: { readonly resourceGuardResourceId: string };
}

/** The ARM IDs an adopted vault's resources are imported with. */
export interface NativeVaultImportIds {
  readonly resourceGroup: string;
  readonly vault: string;
  readonly resourceGuardProxy?: string;
}

const enabled = (on: boolean): State => (on ? "Enabled" : "Disabled");
/** A setting left unset is not sent, so Azure keeps (or applies) its own default. */
const optionalState = (on: boolean | undefined) => (on === undefined ? undefined : enabled(on));
const defined = <T extends object>(obj: T): T => Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined)) as T;

/** The API spells the irreversible soft-delete (and enhanced security) state `AlwaysON`. */
export function nativeSoftDeleteState(softDelete: VaultModel["softDelete"]): SecurityState {
  return softDelete === "AlwaysOn" ? "AlwaysON" : softDelete;
}

/** The API's `AlwaysON` back to the configuration's `AlwaysOn`; anything else as found. */
const fromSecurityState = (state: unknown) => (state === "AlwaysON" ? "AlwaysOn" : state);

// ---------------------------------------------------------------- model -> inputs

export function nativeVaultInputs(vault: VaultModel): NativeVaultInputs {
  const cmk = vault.encryption;
  const identity = vaultIdentity(vault);
  const alerts = vault.alerts;
  const scan = vault.sourceScan;
  return {
    vaultName: vault.name,
    location: vault.location,
    tags: vault.tags,
    sku: vault.sku === "Standard" ? { name: "Standard" } : { name: "RS0", tier: "Standard" },
    identity: identity && { type: identityType(identity), ...(identity.userAssigned.length > 0 && { userAssignedIdentities: [...identity.userAssigned] }) },
    properties: {
      publicNetworkAccess: vault.publicNetworkAccess,
      redundancySettings: { standardTierStorageRedundancy: vault.storageRedundancy, crossRegionRestore: enabled(vault.crossRegionRestore) },
      securitySettings: {
        softDeleteSettings: {
          softDeleteState: nativeSoftDeleteState(vault.softDelete),
          softDeleteRetentionPeriodInDays: vault.softDeleteRetentionDays,
          ...(vault.enhancedSecurity && { enhancedSecurityState: nativeSoftDeleteState(vault.enhancedSecurity) }),
        },
        immutabilitySettings: { state: vault.immutability },
        ...(scan && {
          sourceScanConfiguration: {
            state: enabled(scan.enabled),
            sourceScanIdentity: { operationIdentityType: scan.identity, ...(scan.userAssignedIdentityId && { userAssignedIdentity: scan.userAssignedIdentityId }) },
          },
        }),
      },
      monitoringSettings: {
        azureMonitorAlertSettings: defined({
          alertsForAllJobFailures: enabled(vault.jobFailureAlerts),
          alertsForAllReplicationIssues: optionalState(alerts?.azureMonitor?.replicationIssues),
          alertsForAllFailoverIssues: optionalState(alerts?.azureMonitor?.failoverIssues),
        }),
        classicAlertSettings: defined({
          alertsForCriticalOperations: enabled(alerts?.classic?.criticalOperations ?? false),
          emailNotificationsForSiteRecovery: optionalState(alerts?.classic?.siteRecoveryEmails),
        }),
      },
      ...(vault.crossSubscriptionRestore && {
        restoreSettings: { crossSubscriptionRestoreSettings: { crossSubscriptionRestoreState: vault.crossSubscriptionRestore } },
      }),
      ...(cmk && {
        encryption: {
          keyVaultProperties: { keyUri: cmk.keyUri },
          kekIdentity: cmk.userAssignedIdentityId ? { useSystemAssignedIdentity: false, userAssignedIdentity: cmk.userAssignedIdentityId } : { useSystemAssignedIdentity: true },
          infrastructureEncryption: enabled(cmk.infrastructureEncryption),
        },
      }),
    },
  };
}

/** Multi-user authorization: the vault's one link (`VaultProxy`) to its Resource Guard, when configured. */
export function nativeResourceGuardProxyInputs(vault: VaultModel): NativeResourceGuardProxyInputs | undefined {
  return vault.resourceGuardId ? { resourceGuardProxyName: "VaultProxy", properties: { resourceGuardResourceId: vault.resourceGuardId } } : undefined;
}

/** The IDs an adopted vault is imported with: the resource group's is the vault's own prefix. */
export function nativeVaultImportIds(vault: VaultModel): NativeVaultImportIds | undefined {
  if (!vault.importId) return undefined;
  const resourceGroup = vault.importId.split("/providers/")[0]!;
  return { resourceGroup, vault: vault.importId, ...(vault.resourceGuardId && { resourceGuardProxy: `${vault.importId}/backupResourceGuardProxies/VaultProxy` }) };
}

/** `recoveryservices.ProtectionPolicy` inputs, without the vault references. */
export function nativePolicyInputs(policy: PolicyModel): { readonly policyName: string; readonly properties: VmPolicyProperties } {
  return { policyName: policy.name, properties: nativePolicyProperties(policy.config) };
}

/** `recoveryservices.ProtectedItem` inputs, without the vault references; `policyId` is sent only while the item keeps a policy. */
export function nativeProtectedItemInputs<Id>(item: ProtectedVmModel, policyId: Id) {
  const disks = item.disks;
  return {
    fabricName: item.fabricName,
    containerName: item.containerName,
    protectedItemName: item.protectedItemName,
    properties: {
      protectedItemType: "Microsoft.Compute/virtualMachines" as const,
      sourceResourceId: item.vm.id,
      // ProtectionStopped keeps every point with no policy; the other states keep the policy.
      // Protected is the state a policyId gives (it also resumes a stopped item), so it is not sent.
      ...(keepsPolicy(item.protectionState) && { policyId }),
      ...(item.protectionState !== "Protected" && { protectionState: item.protectionState }),
      ...(disks && {
        extendedProperties: {
          diskExclusionProperties: disks.include ? { diskLunList: [...disks.include], isInclusionList: true } : { diskLunList: [...(disks.exclude ?? [])], isInclusionList: false },
        },
      }),
    },
  };
}

/** `compute.VirtualMachineExtension` inputs for a declared snapshot extension. */
export function nativeExtensionInputs(item: ProtectedVmModel, extension: Extract<SnapshotExtensionModel, { declared: true }>, location: string) {
  return {
    resourceGroupName: item.vm.resourceGroupName,
    vmName: item.vm.name,
    vmExtensionName: extension.name,
    location,
    publisher: extension.publisher,
    type: extension.type,
    typeHandlerVersion: extension.typeHandlerVersion,
    autoUpgradeMinorVersion: extension.autoUpgradeMinorVersion,
  };
}

/** `compute.VirtualMachineRunCommandByVirtualMachine` inputs: synchronous, and a failing script fails the deployment. */
export function nativeRunCommandInputs(item: ProtectedVmModel, command: RunCommandModel, location: string) {
  return {
    resourceGroupName: item.vm.resourceGroupName,
    vmName: item.vm.name,
    runCommandName: command.name,
    location,
    source: { script: command.script },
    asyncExecution: false,
    treatFailureAsDeploymentFailure: command.treatFailureAsDeploymentFailure,
    timeoutInSeconds: command.timeoutInSeconds,
    // Plain here; the component marks each value a Pulumi secret (Azure never returns them).
    ...(command.protectedParameters && { protectedParameters: command.protectedParameters.map((p) => ({ name: p.name, value: p.value })) }),
  };
}

// ---------------------------------------------------------------- inputs -> configuration

/** `Enabled`/`Disabled` back to a flag; unset (or anything else) stays unset. */
const flagOf = (state: unknown) => (state === "Enabled" ? true : state === "Disabled" ? false : undefined);
const emptyToUndefined = (o: Obj) => (Object.keys(o).length > 0 ? o : undefined);

function readAlerts(m: Obj): Obj | undefined {
  const monitor: Obj = m.azureMonitorAlertSettings ?? {};
  const classic: Obj = m.classicAlertSettings ?? {};
  return emptyToUndefined(
    withoutUndefined({
      azureMonitor: emptyToUndefined(withoutUndefined({ replicationIssues: flagOf(monitor.alertsForAllReplicationIssues), failoverIssues: flagOf(monitor.alertsForAllFailoverIssues) })),
      // Disabled is what an unset criticalOperations sends, so only Enabled is stated.
      classic: emptyToUndefined(
        withoutUndefined({ criticalOperations: classic.alertsForCriticalOperations === "Enabled" ? true : undefined, siteRecoveryEmails: flagOf(classic.emailNotificationsForSiteRecovery) }),
      ),
    }),
  );
}

function readIdentity(identity: Obj | undefined): VaultIdentity | undefined {
  if (!identity) return undefined;
  const type = str(identity.type);
  return { systemAssigned: type.includes("SystemAssigned"), userAssigned: Array.isArray(identity.userAssignedIdentities) ? identity.userAssignedIdentities.map(str) : [] };
}

function readVault(i: Obj): VaultRead {
  const p: Obj = i.properties ?? {};
  const security: Obj = p.securitySettings ?? {};
  const soft: Obj = security.softDeleteSettings ?? {};
  const scan: Obj | undefined = security.sourceScanConfiguration;
  const enc: Obj | undefined = p.encryption;
  const encryption = enc && withoutUndefined({
    keyUri: enc.keyVaultProperties?.keyUri,
    userAssignedIdentityId: enc.kekIdentity?.useSystemAssignedIdentity === true ? undefined : enc.kekIdentity?.userAssignedIdentity,
    infrastructureEncryption: enc.infrastructureEncryption === "Enabled",
  });
  const identity = readIdentity(i.identity);
  return {
    config: withoutUndefined({
      name: str(i.vaultName),
      resourceGroupName: str(i.resourceGroupName),
      location: str(i.location),
      tags: i.tags,
      storageRedundancy: p.redundancySettings?.standardTierStorageRedundancy ?? "GeoRedundant",
      crossRegionRestore: p.redundancySettings?.crossRegionRestore === "Enabled",
      softDelete: fromSecurityState(soft.softDeleteState ?? "Enabled"),
      softDeleteRetentionDays: soft.softDeleteRetentionPeriodInDays ?? SOFT_DELETE_DEFAULT_RETENTION_DAYS,
      immutability: security.immutabilitySettings?.state ?? "Disabled",
      publicNetworkAccess: p.publicNetworkAccess === "Disabled" ? "Disabled" : "Enabled",
      jobFailureAlerts: p.monitoringSettings?.azureMonitorAlertSettings?.alertsForAllJobFailures === "Enabled",
      encryption,
      // Only a name without the tier is the `Standard` spelling; RS0 is the default.
      sku: i.sku?.name === "Standard" ? "Standard" : undefined,
      enhancedSecurity: fromSecurityState(soft.enhancedSecurityState),
      identity: identitySetting(identity),
      alerts: readAlerts(p.monitoringSettings ?? {}),
      crossSubscriptionRestore: p.restoreSettings?.crossSubscriptionRestoreSettings?.crossSubscriptionRestoreState,
      sourceScan: scan && withoutUndefined({
        enabled: scan.state === "Enabled",
        identity: scan.sourceScanIdentity?.operationIdentityType,
        userAssignedIdentityId: scan.sourceScanIdentity?.userAssignedIdentity,
      }),
    }),
    sku: str(i.sku?.tier ?? i.sku?.name),
    criticalOperationAlerts: p.monitoringSettings?.classicAlertSettings?.alertsForCriticalOperations !== "Disabled",
    ...optional("identity", i.identity && { type: str(i.identity.type), ...optional("userAssignedIdentities", i.identity.userAssignedIdentities) }),
  };
}

/** The vault's Resource Guard link (`recoveryservices.ResourceGuardProxy` inputs) as the `resourceGuardId` setting. */
export function readResourceGuardProxy(i: Obj): { readonly vaultName: string; readonly resourceGuardId: string } {
  return { vaultName: str(i.vaultName), resourceGuardId: str(i.properties?.resourceGuardResourceId) };
}

/**
 * The `vms[]` settings a protected item's `properties` carry: `disks` (include or exclude; a list Azure
 * reads as inclusion only when `isInclusionList` is true) and `protection`. Also read by the pack.
 */
export function nativeItemSettings(p: Obj): Obj {
  const disks: Obj | undefined = p.extendedProperties?.diskExclusionProperties;
  return withoutUndefined({
    disks: disks && { [disks.isInclusionList === true ? "include" : "exclude"]: disks.diskLunList },
    protection: p.protectionState === undefined ? undefined : protectionSettingOf(p.protectionState),
  });
}

/** The read direction of the azure-native adapter. */
export const nativeReader: ProviderReader = {
  provider: "native",
  types: NATIVE_TYPES,
  readResourceGroup: (i) => ({ name: str(i.resourceGroupName), location: str(i.location), ...optional("tags", i.tags) }),
  readVault,
  readPolicy: (i) => ({
    name: str(i.policyName),
    vaultName: str(i.vaultName),
    resourceGroupName: str(i.resourceGroupName),
    policy: policyFromNative(i.properties ?? {}, str(i.policyName)),
  }),
  readItem: (i) => {
    const p: Obj = i.properties ?? {};
    return {
      vmId: str(p.sourceResourceId),
      vaultName: str(i.vaultName),
      resourceGroupName: str(i.resourceGroupName),
      containerName: str(i.containerName),
      protectedItemName: str(i.protectedItemName),
      ...optional("policyId", p.policyId),
      config: nativeItemSettings(p),
    };
  },
  readExtension: (i, sub) => ({
    vmId: vmIdOf(sub, i.resourceGroupName, i.vmName),
    name: str(i.vmExtensionName),
    publisher: str(i.publisher),
    type: str(i.type),
    typeHandlerVersion: str(i.typeHandlerVersion),
    ...optional("autoUpgradeMinorVersion", i.autoUpgradeMinorVersion),
    ...optional("settings", i.settings),
  }),
  readRunCommand: (i, sub) => ({
    vmId: vmIdOf(sub, i.resourceGroupName, i.vmName),
    name: str(i.runCommandName),
    ...optional("location", i.location),
    ...optional("script", i.source?.script),
    ...optional("commandId", i.source?.commandId),
    ...optional("parameters", readParameters(i.parameters)),
    ...optional("asyncExecution", i.asyncExecution),
    ...optional("treatFailureAsDeploymentFailure", i.treatFailureAsDeploymentFailure),
    ...optional("timeoutInSeconds", i.timeoutInSeconds),
  }),
};
