import * as pulumi from "@pulumi/pulumi";
import { Vault } from "@pulumi/azure-native/recoveryservices";
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
      { parent: this, protect, retainOnDelete: true },
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
        properties: vault.properties,
      },
      { parent: this, protect, retainOnDelete: true },
    );

    this.resourceGroupName = resourceGroup.name;
    this.vaultName = recoveryVault.name;
    this.vaultId = recoveryVault.id;
    this.registerOutputs({ resourceGroupName: this.resourceGroupName, vaultName: this.vaultName, vaultId: this.vaultId });
  }
}
