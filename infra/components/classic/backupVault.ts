import * as pulumi from "@pulumi/pulumi";
import { ResourceGroup } from "@pulumi/azure/core";
import { Vault } from "@pulumi/azure/recoveryservices";
import type { VaultModel } from "../../model/backupModel";
import { classicVaultInputs } from "../../providers/classic";

export interface ClassicBackupVaultArgs {
  readonly vault: VaultModel;
  /**
   * Pulumi `protect` on the resource group and the vault: deleting them would delete every backup.
   * Both are also always `retainOnDelete`, so a removed or renamed vault is forgotten, never deleted.
   */
  readonly protect: boolean;
}

/**
 * The vault's resource group and Recovery Services vault on the classic provider. Same type token as the
 * native component: it is the same part of the estate, and the provider shows in its children's types.
 */
export class ClassicBackupVault extends pulumi.ComponentResource {
  readonly resourceGroupName: pulumi.Output<string>;
  readonly vaultName: pulumi.Output<string>;
  readonly vaultId: pulumi.Output<string>;

  constructor(name: string, args: ClassicBackupVaultArgs, opts?: pulumi.ComponentResourceOptions) {
    super("azure-vm-backup:vault:BackupVault", name, {}, opts);
    const { vault, protect } = args;
    const vaultArgs = classicVaultInputs(vault);

    const resourceGroup = new ResourceGroup(
      `${name}-rg`,
      { name: vault.resourceGroupName, location: vault.location, tags: vault.tags },
      { parent: this, protect, retainOnDelete: true },
    );
    const recoveryVault = new Vault(`${name}-vault`, { ...vaultArgs, resourceGroupName: resourceGroup.name }, { parent: this, protect, retainOnDelete: true });

    this.resourceGroupName = resourceGroup.name;
    this.vaultName = recoveryVault.name;
    this.vaultId = recoveryVault.id;
    this.registerOutputs({ resourceGroupName: this.resourceGroupName, vaultName: this.vaultName, vaultId: this.vaultId });
  }
}
