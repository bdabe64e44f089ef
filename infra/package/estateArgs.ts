import type { PolicySettings, SelectorSettings, VaultSettings, VaultsEntrySettings, VmSettings, VmDefaults } from "./args";
import type { ProviderFamily } from "./enums";

/** The stack configuration's keys (without the `azure-vm-backup:` prefix), as one component's args. */
export interface BackupEstateArgs {
  /** The Recovery Services vault (this or `vaults`). */
  vault?: VaultSettings;
  /** Several vaults by key, instead of `vault`: each VM goes to the vault it names or the one in its region. */
  vaults?: { [key: string]: VaultsEntrySettings };
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
