/**
 * Reading resource properties the way ARM does: enum values compare without case, `null` (as ARM
 * templates and ARM responses write absent values) is absent, and IDs compare without case.
 */

type Obj = Record<string, unknown>;

/**
 * The value with `null` read as absent, lazily: a view, not a copy, so values unknown during preview
 * are only touched (and only then reported by the engine) when a policy actually reads them.
 */
export function withoutNulls<T>(value: T): T {
  if (value === null || typeof value !== "object") return value;
  const present = (t: object, k: string | symbol) => {
    try {
      return Reflect.get(t, k) !== null;
    } catch {
      return true; // unknown during preview: present, and reported if read
    }
  };
  return new Proxy(value as object, {
    get: (t, k) => {
      const v = Reflect.get(t, k);
      return v === null ? undefined : withoutNulls(v);
    },
    has: (t, k) => Reflect.has(t, k) && present(t, k),
    ownKeys: (t) => Reflect.ownKeys(t).filter((k) => present(t, k)),
    getOwnPropertyDescriptor: (t, k) => {
      const d = Reflect.getOwnPropertyDescriptor(t, k);
      return d && present(t, k) ? { ...d, value: withoutNulls(d.value) } : undefined;
    },
  }) as T;
}

/** ARM enum comparison: `"disabled"` is `Disabled`. */
export function sameText(a: unknown, b: string): boolean {
  return typeof a === "string" && a.toLowerCase() === b.toLowerCase();
}

/** A non-empty string, or undefined. */
export function str(v: unknown): string | undefined {
  return typeof v === "string" && v.length > 0 ? v : undefined;
}

/** The value at a dotted path, `null` read as absent. */
export function at(value: unknown, path: string): unknown {
  let node: unknown = value;
  for (const key of path.split(".")) {
    if (node === null || node === undefined || typeof node !== "object") return undefined;
    node = (node as Obj)[key];
  }
  return node === null ? undefined : node;
}

/**
 * Rewrites every string that spells a known enum value in another case into the API's spelling, so
 * code written against the API's casing (the functional core's validators) reads `"daily"` as `Daily`.
 */
export function canonicalEnums<T>(value: T, vocabulary: readonly string[]): T {
  const byLower = new Map(vocabulary.map((v) => [v.toLowerCase(), v]));
  const walk = (v: unknown): unknown => {
    if (typeof v === "string") return byLower.get(v.toLowerCase()) ?? v;
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === "object" && Object.getPrototypeOf(v) === Object.prototype) {
      return Object.fromEntries(Object.entries(v as Obj).map(([k, x]) => [k, walk(x)]));
    }
    return v;
  };
  return walk(value) as T;
}

/** Parts of an ARM ID: `{ subscriptions: "…", resourcegroups: "rg", vaults: "v" }` (keys lower case). */
export function armIdParts(id: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!id) return out;
  const parts = id.split("/").filter((p) => p.length > 0);
  for (let i = 0; i + 1 < parts.length; i += 2) out[parts[i]!.toLowerCase()] = parts[i + 1]!;
  return out;
}
