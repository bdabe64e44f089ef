import * as pulumi from "@pulumi/pulumi";
import { BackupVault as VaultResources } from "../components/backupVault";
import type { VaultSettings } from "./args";
import { checkArgs } from "./checkArgs";
import { standInPolicies } from "./standIns";

export interface BackupVaultArgs {
  /** The vault, as the configuration's `vault` key. */
  vault: VaultSettings;
  /** Protect the vault and its resource group from deletion (deleting them deletes every backup). Default true. */
  protect?: boolean;
}

/** A Recovery Services vault with the project's secure defaults, and the resource group created for it. */
export class BackupVault extends pulumi.ComponentResource {
  /** Name of the vault. */
  readonly vaultName: pulumi.Output<string>;
  /** Resource ID of the vault. */
  readonly vaultId: pulumi.Output<string>;
  /** Name of the vault's resource group. */
  readonly resourceGroupName: pulumi.Output<string>;

  constructor(name: string, args: BackupVaultArgs, opts?: pulumi.ComponentResourceOptions) {
    const { config } = checkArgs({ vault: args.vault, policies: standInPolicies([]), protect: args.protect }, ["vault", "protect"]).loaded;
    super("azure-vm-backup:index:BackupVault", name, {}, opts);
    const vault = new VaultResources(name, { vault: config.vaults[0]!.settings, protect: config.protect }, { parent: this });
    this.vaultName = vault.vaultName;
    this.vaultId = vault.vaultId;
    this.resourceGroupName = vault.resourceGroupName;
    this.registerOutputs({ vaultName: this.vaultName, vaultId: this.vaultId, resourceGroupName: this.resourceGroupName });
  }
}
