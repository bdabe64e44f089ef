import type { ConfigIssue } from "./configError";
import type { PolicyConfig, ProviderName, SelectorConfig, VaultConfig, VmConfig, VmDefaultsConfig } from "./configSchema";

export const PROJECT_NAME = "azure-vm-backup";

/** The validated configuration: every default applied, every enum in the API's spelling. */
export interface BackupConfig {
  readonly provider: ProviderName;
  readonly protect: boolean;
  /** Subscription the vault is deployed to, when configured (azure-native:subscriptionId). */
  readonly subscriptionId?: string;
  readonly vault: VaultConfig & { readonly location: string };
  readonly policies: Readonly<Record<string, PolicyConfig>>;
  readonly vms: readonly VmConfig[];
  /** Estate defaults for the VM side (snapshot extension). */
  readonly vmDefaults: VmDefaultsConfig;
  /** Tag selectors; their matches are looked up at deployment time (stack.ts). */
  readonly selectors: readonly SelectorConfig[];
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
