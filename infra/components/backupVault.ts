import * as pulumi from "@pulumi/pulumi";
import { ResourceGuardProxy, Vault, type VaultArgs } from "@pulumi/azure-native/recoveryservices";
import { ResourceGroup } from "@pulumi/azure-native/resources";
import type { VaultModel } from "../model/vault";

export interface BackupVaultArgs {
  /** The validated vault model (names, secure settings, optional CMK). */
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

    const resourceGroup = new ResourceGroup(
      `${name}-rg`,
      { resourceGroupName: vault.resourceGroupName, location: vault.location, tags: vault.tags },
      { parent: this, protect, retainOnDelete: true, ...(vault.importIds && { import: vault.importIds.resourceGroup }) },
    );

    const recoveryVault = new Vault(
      `${name}-vault`,
      {
        vaultName: vault.name,
        resourceGroupName: resourceGroup.name,
        location: vault.location,
        tags: vault.tags,
        sku: vault.sku,
        identity: vault.identity,
        // sourceScanConfiguration is newer than the typed API (validation keeps it off on this provider).
        properties: vault.properties as VaultArgs["properties"],
      },
      { parent: this, protect, retainOnDelete: true, ...(vault.importIds && { import: vault.importIds.vault }) },
    );

    if (vault.resourceGuardProxy) {
      // Multi-user authorization: the vault's one link to the Resource Guard that approves critical operations.
      new ResourceGuardProxy(
        `${name}-resource-guard`,
        {
          vaultName: recoveryVault.name,
          resourceGroupName: resourceGroup.name,
          resourceGuardProxyName: vault.resourceGuardProxy.name,
          properties: { resourceGuardResourceId: vault.resourceGuardProxy.resourceGuardResourceId },
        },
        { parent: this, protect, ...(vault.importIds?.resourceGuardProxy && { import: vault.importIds.resourceGuardProxy }) },
      );
    }

    this.resourceGroupName = resourceGroup.name;
    this.vaultName = recoveryVault.name;
    this.vaultId = recoveryVault.id;
    this.registerOutputs({ resourceGroupName: this.resourceGroupName, vaultName: this.vaultName, vaultId: this.vaultId });
  }
}
