import type { ConfigIssue } from "../config/configError";

/**
 * What either adapter reads back from a resource's inputs: the configuration's own vocabulary (the
 * keys of `vault`, `policies.<name>` and `vms[]`), plus, for the vault, the few settings Azure receives
 * that the configuration does not state. One vocabulary for both providers: the views and the pack
 * compare and check what they read without knowing which provider declared it.
 */

export type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

export function withoutUndefined(obj: Obj): Obj {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined));
}

/** `2024-01-01T22:00:00Z` -> `22:00`; a time with seconds keeps them so the schema rejects it. */
export function timeOfDay(dateTime: unknown): unknown {
  if (typeof dateTime !== "string") return dateTime;
  const m = /T(\d\d):(\d\d)(?::(\d\d)(?:\.\d+)?)?/.exec(dateTime);
  if (!m) return dateTime;
  return m[3] && m[3] !== "00" ? `${m[1]}:${m[2]}:${m[3]}` : `${m[1]}:${m[2]}`;
}

/**
 * A policy read back: *raw* configuration (values copied as found, so a bad one reaches the schema and
 * is reported with the allowed ones), and the problems only the API shape can show (several run times,
 * retention times that differ from the schedule time).
 */
export interface PolicyReadBack {
  readonly raw: Obj;
  readonly issues: ConfigIssue[];
}

export interface ResourceGroupRead {
  readonly name: string;
  readonly location: string;
  readonly tags?: Readonly<Record<string, string>>;
}

export interface VaultRead {
  /** Raw `vault` configuration, with its location. */
  readonly config: Obj;
  /** Not in the configuration: the vault SKU (always Standard here). */
  readonly sku: string;
  /** Not in the configuration: classic (retired) alerts for critical operations, always off here. */
  readonly criticalOperationAlerts: boolean;
  /** Not in the configuration: the identity the customer-managed key implies. */
  readonly identity?: { readonly type: string; readonly userAssignedIdentities?: readonly string[] };
}

export interface PolicyRead {
  readonly name: string;
  readonly vaultName: string;
  readonly resourceGroupName: string;
  /** Raw `policies.<name>` configuration and what only the API shape shows. */
  readonly policy: PolicyReadBack;
}

export interface ItemRead {
  readonly vmId: string;
  readonly vaultName: string;
  readonly resourceGroupName: string;
  readonly containerName: string;
  readonly protectedItemName: string;
  /** The policy ID the item references; resolved to a name by whoever knows the policies. */
  readonly policyId?: string;
  /** Raw `vms[]` settings the item carries: `disks`, `protection` (absent: Protected). */
  readonly config: Obj;
}

export interface ExtensionRead {
  readonly vmId: string;
  readonly name: string;
  readonly publisher: string;
  readonly type: string;
  readonly typeHandlerVersion: string;
  readonly autoUpgradeMinorVersion?: boolean;
  readonly settings?: unknown;
}

export interface RunCommandRead {
  readonly vmId: string;
  readonly name: string;
  readonly location?: string;
  readonly script?: string;
  readonly commandId?: string;
  readonly parameters?: ReadonlyArray<{ readonly name: string; readonly value: string }>;
  readonly asyncExecution?: boolean;
  readonly treatFailureAsDeploymentFailure?: boolean;
  readonly timeoutInSeconds?: number;
}

/** The resource types one provider declares for the estate. */
export interface RenderedTypes {
  readonly resourceGroup: string;
  readonly vault: string;
  readonly policy: string;
  readonly item: string;
  readonly extension: string;
  readonly runCommand: string;
}

/** The read direction of an adapter: one function per resource type, over recorded inputs. */
export interface ProviderReader {
  readonly provider: "native" | "classic";
  readonly types: RenderedTypes;
  readResourceGroup(inputs: Obj): ResourceGroupRead;
  readVault(inputs: Obj): VaultRead;
  readPolicy(inputs: Obj): PolicyRead;
  readItem(inputs: Obj): ItemRead;
  /** `subscriptionId` completes VM IDs for providers that name the VM by group and name only. */
  readExtension(inputs: Obj, subscriptionId: string): ExtensionRead;
  readRunCommand(inputs: Obj, subscriptionId: string): RunCommandRead;
}

export const str = (v: unknown): string => (typeof v === "string" ? v : String(v ?? ""));
export const optional = <K extends string, V>(key: K, value: V | undefined) => (value === undefined ? {} : ({ [key]: value } as { [P in K]: V }));

export function vmIdOf(subscriptionId: string, resourceGroup: unknown, vm: unknown): string {
  return `/subscriptions/${subscriptionId}/resourceGroups/${str(resourceGroup)}/providers/Microsoft.Compute/virtualMachines/${str(vm)}`;
}

/** Run-command parameters as name/value strings. */
export function readParameters(parameters: unknown): RunCommandRead["parameters"] {
  return Array.isArray(parameters) ? parameters.map((x: Obj) => ({ name: str(x.name), value: str(x.value) })) : undefined;
}
