/**
 * Realistic Azure resource IDs for resources registered under mocks, so that references such as
 * a protected item's `policyId` read exactly as they would in Azure.
 */
export const ZERO_SUBSCRIPTION = "00000000-0000-0000-0000-000000000000";

type Inputs = Record<string, unknown>;
type IdBuilder = (inputs: Inputs, subscriptionId: string) => { id: string; name: string };

const str = (v: unknown): string => (typeof v === "string" ? v : String(v ?? ""));
const rgId = (sub: string, rg: unknown) => `/subscriptions/${sub}/resourceGroups/${str(rg)}`;
const vaultId = (sub: string, rg: unknown, vault: unknown) => `${rgId(sub, rg)}/providers/Microsoft.RecoveryServices/vaults/${str(vault)}`;
const vmId = (sub: string, rg: unknown, vm: unknown) => `${rgId(sub, rg)}/providers/Microsoft.Compute/virtualMachines/${str(vm)}`;
/** The last segment of an ARM ID (a VM's name from `virtualMachineId`). */
const lastSegment = (id: unknown) => str(id).split("/").pop() ?? "";

const builders: Record<string, IdBuilder> = {
  "azure-native:resources:ResourceGroup": (i, s) => ({ id: rgId(s, i.resourceGroupName), name: str(i.resourceGroupName) }),
  "azure-native:recoveryservices:Vault": (i, s) => ({ id: vaultId(s, i.resourceGroupName, i.vaultName), name: str(i.vaultName) }),
  "azure-native:recoveryservices:ProtectionPolicy": (i, s) => ({
    id: `${vaultId(s, i.resourceGroupName, i.vaultName)}/backupPolicies/${str(i.policyName)}`,
    name: str(i.policyName),
  }),
  "azure-native:recoveryservices:ProtectedItem": (i, s) => ({
    id: `${vaultId(s, i.resourceGroupName, i.vaultName)}/backupFabrics/${str(i.fabricName)}/protectionContainers/${str(i.containerName)}/protectedItems/${str(i.protectedItemName)}`,
    name: str(i.protectedItemName),
  }),
  "azure-native:recoveryservices:ResourceGuardProxy": (i, s) => ({
    id: `${vaultId(s, i.resourceGroupName, i.vaultName)}/backupResourceGuardProxies/${str(i.resourceGuardProxyName)}`,
    name: str(i.resourceGuardProxyName),
  }),
  "azure-native:compute:VirtualMachineExtension": (i, s) => ({
    id: `${vmId(s, i.resourceGroupName, i.vmName)}/extensions/${str(i.vmExtensionName)}`,
    name: str(i.vmExtensionName),
  }),
  "azure-native:compute:VirtualMachineRunCommandByVirtualMachine": (i, s) => ({
    id: `${vmId(s, i.resourceGroupName, i.vmName)}/runCommands/${str(i.runCommandName)}`,
    name: str(i.runCommandName),
  }),
  "azure:core/resourceGroup:ResourceGroup": (i, s) => ({ id: rgId(s, i.name), name: str(i.name) }),
  "azure:recoveryservices/vault:Vault": (i, s) => ({ id: vaultId(s, i.resourceGroupName, i.name), name: str(i.name) }),
  "azure:backup/policyVM:PolicyVM": (i, s) => ({
    id: `${vaultId(s, i.resourceGroupName, i.recoveryVaultName)}/backupPolicies/${str(i.name)}`,
    name: str(i.name),
  }),
  "azure:backup/protectedVM:ProtectedVM": (i, s) => {
    const vm = lastSegment(i.sourceVmId);
    const vmRg = str(i.sourceVmId).split("/")[4] ?? "";
    const container = `iaasvmcontainer;iaasvmcontainerv2;${vmRg};${vm}`;
    const item = `vm;iaasvmcontainerv2;${vmRg};${vm}`;
    return {
      id: `${vaultId(s, i.resourceGroupName, i.recoveryVaultName)}/backupFabrics/Azure/protectionContainers/${container}/protectedItems/${item}`,
      name: item,
    };
  },
  "azure:compute/extension:Extension": (i) => ({ id: `${str(i.virtualMachineId)}/extensions/${str(i.name)}`, name: str(i.name) }),
  "azure:compute/runCommand:RunCommand": (i) => ({ id: `${str(i.virtualMachineId)}/runCommands/${str(i.name)}`, name: str(i.name) }),
};

/** The ID and Azure name a resource of this type and these inputs would get. */
export function armIdFor(type: string, inputs: Inputs, subscriptionId: string, logicalName: string): { id: string; name: string } {
  const build = builders[type];
  if (build) return build(inputs, subscriptionId);
  return { id: `/subscriptions/${subscriptionId}/providers/offline/${type.replace(/[:/]/g, ".")}/${logicalName}`, name: logicalName };
}
