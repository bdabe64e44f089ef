import type { ConfigIssue } from "./configError";
import type { PolicyConfig, ProviderName, SelectorConfig, VaultConfig, VmConfig, VmDefaultsConfig } from "./configSchema";

export const PROJECT_NAME = "azure-vm-backup";

/** The validated configuration: every default applied, every enum in the API's spelling. */
export interface BackupConfig {
  readonly provider: ProviderName;
  readonly protect: boolean;
  /** Subscription the vault is deployed to, when configured (azure-native:subscriptionId). */
  readonly subscriptionId?: string;
  /**
   * Every vault, sorted by key: the one of `vault` (key `vault`), or those of `vaults`. Which VM goes
   * to which is decided after the look-ups (model/vaultRouting.ts).
   */
  readonly vaults: readonly ConfiguredVault[];
  readonly policies: Readonly<Record<string, PolicyConfig>>;
  readonly vms: readonly VmConfig[];
  /** Estate defaults for the VM side (snapshot extension). */
  readonly vmDefaults: VmDefaultsConfig;
  /** Tag selectors; their matches are looked up at deployment time (stack.ts). */
  readonly selectors: readonly SelectorConfig[];
}

/** One vault of the stack, as configured. */
export interface ConfiguredVault {
  /** The key under `vaults`, or `vault` for a stack that configures `vault`. */
  readonly key: string;
  /** Where its settings are in the configuration: `vault` or `vaults.<key>`. */
  readonly path: string;
  readonly settings: VaultConfig & { readonly location: string };
  /** Its policies keep the component names of a one-vault stack (see model/vaultRouting.ts). */
  readonly primary: boolean;
}

export interface LoadedConfig {
  readonly config: BackupConfig;
  /** Findings that do not stop deployment (e.g. more than 100 VMs on one policy). */
  readonly warnings: readonly ConfigIssue[];
}

/**
 * A stack's configuration as Pulumi hands it to a program: full keys (`azure-vm-backup:vault`) to
 * strings, objects and lists JSON-encoded.
 */
export type RawStackConfig = Readonly<Record<string, string>>;
