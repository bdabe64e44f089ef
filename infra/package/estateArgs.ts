import type { PolicySettings, SelectorSettings, VaultSettings, VmSettings, VmDefaults } from "./args";
import type { ProviderFamily } from "./enums";

/** The stack configuration's keys (without the `azure-vm-backup:` prefix), as one component's args. */
export interface BackupEstateArgs {
  /** The Recovery Services vault (one vault). */
  vault?: VaultSettings;
  /** Many vaults by key (the configuration's `vaults`, instead of `vault`). */
  vaults?: { [key: string]: VaultSettings };
  /** Backup policies by name. */
  policies: { [name: string]: PolicySettings };
  /** VMs to protect, by Azure resource ID or the `id` output of a VM in the same program. */
  vms?: VmSettings[];
  /** Tag selectors (resolved by the stack program's look-ups; BackupEstate takes listed VMs only). */
  selectors?: SelectorSettings[];
  /** Estate defaults for every VM entry. */
  vmDefaults?: VmDefaults;
  /** native (@pulumi/azure-native, default) | classic (@pulumi/azure). */
  provider?: ProviderFamily;
  /** Protect the vault, its resource group and protected items from deletion. Default true. */
  protect?: boolean;
}
