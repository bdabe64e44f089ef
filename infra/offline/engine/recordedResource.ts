/** One resource as the engine would see its registration: what plan, review and tests read. */
export interface RecordedResource {
  readonly urn: string;
  readonly type: string;
  readonly name: string;
  readonly custom: boolean;
  readonly parent?: string;
  readonly id?: string;
  /** Inputs as Azure receives them, secrets unwrapped (see `secretPaths`). */
  readonly inputs: Record<string, unknown>;
  readonly secretPaths: readonly string[];
  readonly protect: boolean;
  readonly retainOnDelete: boolean;
  readonly deleteBeforeReplace: boolean;
  readonly ignoreChanges: readonly string[];
  readonly replaceOnChanges: readonly string[];
  readonly dependencies: readonly string[];
  readonly propertyDependencies: Readonly<Record<string, readonly string[]>>;
  readonly provider?: string;
  /** Provider plugin version the SDK asked for (e.g. azure-native 3.28.0). */
  readonly version?: string;
  /** How many aliases the SDK attached (azure-native adds one per old API version). */
  readonly aliasCount: number;
  /** The ARM ID given with Pulumi's `import` option: the resource is adopted, not created. */
  readonly importId?: string;
  /** What a component registered with `registerOutputs` (components only; undefined otherwise). */
  readonly outputs?: Record<string, unknown>;
}

const SIG_KEY = "4dabf18193072939515e22adb298388d";
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

/**
 * Replaces Pulumi's secret envelopes by their values and reports where they were, so that
 * policies check the real value and reports can still mask it.
 */
export function unwrapSecrets(value: unknown, path = "", found: string[] = []): unknown {
  if (Array.isArray(value)) return value.map((v, i) => unwrapSecrets(v, `${path}[${i}]`, found));
  if (value && typeof value === "object") {
    const obj = value as Record<string, unknown>;
    if (obj[SIG_KEY] === SECRET_SIG) {
      found.push(path);
      return unwrapSecrets(obj.value, path, found);
    }
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(obj)) out[k] = unwrapSecrets(v, path ? `${path}.${k}` : k, found);
    return out;
  }
  return value;
}
