import { isObject } from "./armDocuments";

/**
 * What adoption knows of a body: `read` where the configuration takes the value, `ignored` for
 * what Azure computes (states, counts, health) or only accepts in a request, or a nested spec.
 * Anything else with a value is a setting the configuration cannot express.
 */
export type Coverage = "read" | "ignored" | { readonly [key: string]: Coverage };

/** The JSON paths (below `base`) of every non-null value the spec does not cover. */
export function uncovered(value: unknown, spec: Coverage, base: string): Array<{ path: string; value: unknown }> {
  if (value === null || value === undefined || spec === "read" || spec === "ignored") return [];
  if (!isObject(value)) return [{ path: base, value }];
  const out: Array<{ path: string; value: unknown }> = [];
  for (const [key, child] of Object.entries(value)) {
    const path = base ? `${base}.${key}` : key;
    const childSpec = spec[key];
    if (childSpec === undefined) {
      if (child !== null && child !== undefined) out.push({ path, value: child });
      continue;
    }
    out.push(...uncovered(child, childSpec, path));
  }
  return out;
}

export function describeValue(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
