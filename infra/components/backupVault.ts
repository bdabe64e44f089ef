import * as pulumi from "@pulumi/pulumi";
import { ResourceGuardProxy, Vault, type VaultArgs } from "@pulumi/azure-native/recoveryservices";
import { ResourceGroup } from "@pulumi/azure-native/resources";
import type { VaultModel } from "../model/backupModel";
import { nativeResourceGuardProxyInputs, nativeVaultImportIds, nativeVaultInputs } from "../providers/native";

export interface BackupVaultArgs {
  /** The validated vault settings (names, secure settings, optional CMK). */
  readonly vault: VaultModel;
  /**
   * Pulumi `protect` on the resource group and the vault: deleting them would delete every backup.
   * Both are also always `retainOnDelete`, so a removed or renamed vault is forgotten, never deleted.
   */
  readonly protect: boolean;
}

/** The vault's resource group and the Recovery Services vault itself. */
export class BackupVault extends pulumi.ComponentResource {
  readonly resourceGroupName: pulumi.Output<string>;
  readonly vaultName: pulumi.Output<string>;
  readonly vaultId: pulumi.Output<string>;

  constructor(name: string, args: BackupVaultArgs, opts?: pulumi.ComponentResourceOptions) {
    super("azure-vm-backup:vault:BackupVault", name, {}, opts);
    const { vault, protect } = args;
    const importIds = nativeVaultImportIds(vault);
    const inputs = nativeVaultInputs(vault);
    const guardProxy = nativeResourceGuardProxyInputs(vault);

    const resourceGroup = new ResourceGroup(
      `${name}-rg`,
      { resourceGroupName: vault.resourceGroupName, location: vault.location, tags: vault.tags },
      { parent: this, protect, retainOnDelete: true, ...(importIds && { import: importIds.resourceGroup }) },
    );

    const recoveryVault = new Vault(
      `${name}-vault`,
      // sourceScanConfiguration is newer than the typed API (validation keeps it off on this provider).
      { ...inputs, properties: inputs.properties as VaultArgs["properties"], resourceGroupName: resourceGroup.name },
      { parent: this, protect, retainOnDelete: true, ...(importIds && { import: importIds.vault }) },
    );

    if (guardProxy) {
      // Multi-user authorization: the vault's one link to the Resource Guard that approves critical operations.
      new ResourceGuardProxy(
        `${name}-resource-guard`,
        {
          vaultName: recoveryVault.name,
          resourceGroupName: resourceGroup.name,
          ...guardProxy,
        },
        { parent: this, protect, ...(importIds?.resourceGuardProxy && { import: importIds.resourceGuardProxy }) },
      );
    }

    this.resourceGroupName = resourceGroup.name;
    this.vaultName = recoveryVault.name;
    this.vaultId = recoveryVault.id;
    this.registerOutputs({ resourceGroupName: this.resourceGroupName, vaultName: this.vaultName, vaultId: this.vaultId });
  }
}
