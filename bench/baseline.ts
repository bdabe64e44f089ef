import { Extension } from "@pulumi/azure/compute";
import { ResourceGroup as ClassicResourceGroup } from "@pulumi/azure/core";
import { VirtualMachineExtension, VirtualMachineRunCommandByVirtualMachine } from "@pulumi/azure-native/compute";
import { PolicyVM, ProtectedVM } from "@pulumi/azure/backup";
import { Vault as ClassicVault } from "@pulumi/azure/recoveryservices";
import { ProtectedItem, ProtectionPolicy, Vault } from "@pulumi/azure-native/recoveryservices";
import { ResourceGroup } from "@pulumi/azure-native/resources";
import type { BackupModel } from "../infra/model/backupModel";
import { keepsPolicy } from "../infra/model/lifecycle";
import { classicExtensionInputs, classicPolicyInputs, classicProtectedVmInputs, classicVaultInputs } from "../infra/providers/classic";
import { nativeExtensionInputs, nativePolicyInputs, nativeProtectedItemInputs, nativeVaultInputs } from "../infra/providers/native";
import type { ProtectedVmModel } from "../infra/model/protectedVm";
import type { RunCommandModel } from "../infra/model/runCommand";
import { runCommandArgs } from "../infra/components/vmRunCommand";

/**
 * The baseline: what a user would write with the SDK alone. The same resources with the same inputs
 * (the model is prepared before the clock starts), declared directly at the stack's top level:
 * no validation, no look-ups, no components, no stack transformation.
 */
export function declareBaseline(model: BackupModel): void {
  if (model.provider === "native") declareNativeBaseline(model);
  else declareClassicBaseline(model);
}

function declareNativeBaseline(model: BackupModel): void {
  // The bench estates that have a baseline have one vault.
  const v = model.vaults[0]!.vault;
  const rg = new ResourceGroup(`${v.name}-rg`, { resourceGroupName: v.resourceGroupName, location: v.location, tags: v.tags }, { protect: model.protect, retainOnDelete: true });
  const vault = new Vault(
    `${v.name}-vault`,
    { ...nativeVaultInputs(v), resourceGroupName: rg.name },
    { protect: model.protect, retainOnDelete: true },
  );
  const policyIds = new Map(
    model.policies.map((p) => [
      p.name,
      new ProtectionPolicy(`${p.name}-policy`, { ...nativePolicyInputs(p), vaultName: vault.name, resourceGroupName: rg.name }, { protect: model.protect, retainOnDelete: true }).id,
    ]),
  );
  for (const item of model.protectedVms) {
    new ProtectedItem(
      `${item.key}-item`,
      { ...nativeProtectedItemInputs(item, policyIds.get(item.policyName)!), vaultName: vault.name, resourceGroupName: rg.name },
      { protect: model.protect, retainOnDelete: true },
    );
    declareNativeVmSide(item, item.location ?? v.location);
  }
}

function declareNativeVmSide(item: ProtectedVmModel, location: string): void {
  const extension = item.snapshotExtension;
  if (extension.declared) {
    new VirtualMachineExtension(`${item.key}-snapshot-extension`, nativeExtensionInputs(item, extension, location), { retainOnDelete: true });
  }
  const runCommand = (name: string, command: RunCommandModel) =>
    new VirtualMachineRunCommandByVirtualMachine(name, runCommandArgs(item, command, location), { retainOnDelete: true });
  if (item.vss) runCommand(`${item.key}-vss`, item.vss.runCommand);
  if (item.scriptPlugin) runCommand(`${item.key}-snapshot-scripts`, item.scriptPlugin.runCommand);
}

function declareClassicBaseline(model: BackupModel): void {
  // The bench estates that have a baseline have one vault.
  const v = model.vaults[0]!.vault;
  const rg = new ClassicResourceGroup(`${v.name}-rg`, { name: v.resourceGroupName, location: v.location, tags: v.tags }, { protect: model.protect, retainOnDelete: true });
  const vault = new ClassicVault(`${v.name}-vault`, { ...classicVaultInputs(v), resourceGroupName: rg.name }, { protect: model.protect, retainOnDelete: true });
  const policyIds = new Map(
    model.policies.map((p) => [p.name, new PolicyVM(`${p.name}-policy`, { ...classicPolicyInputs(p), recoveryVaultName: vault.name, resourceGroupName: rg.name }, { protect: model.protect, retainOnDelete: true }).id]),
  );
  for (const item of model.protectedVms) {
    new ProtectedVM(
      `${item.key}-item`,
      { ...classicProtectedVmInputs(item, policyIds.get(item.policyName)!), recoveryVaultName: vault.name, resourceGroupName: rg.name },
      { protect: model.protect, retainOnDelete: true, ...(!keepsPolicy(item.protectionState) && { ignoreChanges: ["backupPolicyId"] }) },
    );
    const extension = item.snapshotExtension;
    if (extension.declared) {
      new Extension(`${item.key}-snapshot-extension`, classicExtensionInputs(item, extension), { retainOnDelete: true });
    }
  }
}
