import type { PolicyArgs, SelectorArgs, VaultArgs, VmArgs, VmDefaultsArgs } from "./args";
import type { ProviderFamily } from "./enums";

/** The stack configuration's keys (without the `azure-vm-backup:` prefix), as one component's args. */
export interface BackupEstateArgs {
  /** The Recovery Services vault (one vault). */
  vault?: VaultArgs;
  /** Many vaults by key (the configuration's `vaults`, instead of `vault`). */
  vaults?: { [key: string]: VaultArgs };
  /** Backup policies by name. */
  policies: { [name: string]: PolicyArgs };
  /** VMs to protect, by Azure resource ID or the `id` output of a VM in the same program. */
  vms?: VmArgs[];
  /** Tag selectors (resolved by the stack program's look-ups; BackupEstate takes listed VMs only). */
  selectors?: SelectorArgs[];
  /** Estate defaults for every VM entry. */
  vmDefaults?: VmDefaultsArgs;
  /** native (@pulumi/azure-native, default) | classic (@pulumi/azure). */
  provider?: ProviderFamily;
  /** Protect the vault, its resource group and protected items from deletion. Default true. */
  protect?: boolean;
}
