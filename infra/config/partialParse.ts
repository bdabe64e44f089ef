import type { z } from "zod";
import { joinPath, type ConfigIssue } from "./configError";
import { zodIssues } from "./zodIssues";

/**
 * A section of the configuration read as far as it can be: `data` holds what the schema accepted once
 * the values it refused were set aside (optional ones then take their defaults), so the cross-field
 * rules can still run on the rest. `setAside` holds the key paths of the refused values: a rule that
 * reports at or under one of them would only be repeating (or guessing about) a problem already listed.
 */
export interface PartialParse<T> {
  /** The schema's output: complete only when `issues` is empty. */
  readonly data?: T;
  /** The schema's own problems with the input as written. */
  readonly issues: readonly ConfigIssue[];
  /** Key paths (absolute, as in issues) whose values were set aside to read the rest. */
  readonly setAside: readonly string[];
}

type Key = string | number;

/** A plain copy of configuration data (the pack hands in proxied objects structuredClone refuses). */
function clone(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(clone);
  if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, clone(v)]));
  return value;
}

function removeAt(root: unknown, path: readonly Key[]): boolean {
  if (path.length === 0) return false;
  let node = root;
  for (const key of path.slice(0, -1)) {
    if (node === null || typeof node !== "object") return false;
    node = (node as Record<Key, unknown>)[key];
  }
  if (node === null || typeof node !== "object") return false;
  const last = path[path.length - 1];
  if (!Object.prototype.hasOwnProperty.call(node, last)) return false;
  delete (node as Record<Key, unknown>)[last];
  return true;
}

function setAt(root: unknown, path: readonly Key[], value: unknown): boolean {
  let node = root;
  for (const key of path.slice(0, -1)) {
    if (node === null || typeof node !== "object") return false;
    node = (node as Record<Key, unknown>)[key];
  }
  if (node === null || typeof node !== "object") return false;
  (node as Record<Key, unknown>)[path[path.length - 1]] = value;
  return true;
}

/** The path to set aside for one schema issue; a list element sets aside the whole list. */
function pathToSetAside(issue: z.core.$ZodIssue): Key[][] {
  const path = issue.path.map((p) => (typeof p === "number" ? p : String(p)));
  if (issue.code === "unrecognized_keys") return issue.keys.map((k) => [...path, k]);
  const listAt = path.findIndex((p) => typeof p === "number");
  return [listAt >= 0 ? path.slice(0, listAt) : path];
}

/**
 * Parses `raw` with `schema`; when the schema refuses it, sets the refused values aside (a missing
 * required value sets aside its parent, unless `standIns` holds a neutral value for its key path, e.g.
 * `{ "schedule.time": "00:00" }`) and parses again, a few rounds at most, so that every value the rules
 * need and that could be read is read. Issues are always those of the input as written; rules report
 * nothing at a set-aside path, so a stand-in never shows.
 */
export function parsePartially<S extends z.ZodType>(
  schema: S,
  raw: unknown,
  prefix: string,
  standIns: Readonly<Record<string, unknown>> = {},
): PartialParse<z.output<S>> {
  const first = schema.safeParse(raw, { reportInput: true });
  if (first.success) return { data: first.data, issues: [], setAside: [] };
  const issues = zodIssues(first.error, prefix);
  const setAside = new Set<string>();
  const tried = new Set<string>();
  let working = clone(raw);
  let error = first.error;
  for (let round = 0; round < 8; round++) {
    let progressed = false;
    for (const issue of error.issues) {
      for (let path of pathToSetAside(issue)) {
        // The same path refused twice: the value is required, so the object holding it goes instead.
        while (tried.has(path.join("\u0000")) && path.length > 0) path = path.slice(0, -1);
        if (path.length === 0) continue;
        tried.add(path.join("\u0000"));
        const standIn = standIns[path.filter((p) => typeof p === "string").join(".")];
        if (standIn !== undefined && setAt(working, path, clone(standIn))) {
          setAside.add(joinPath(prefix, ...path));
          progressed = true;
        } else if (removeAt(working, path)) {
          setAside.add(joinPath(prefix, ...path));
          progressed = true;
        } else {
          // Absent already (a required key): remember it so the next round climbs to its parent.
          setAside.add(joinPath(prefix, ...path));
          progressed = true;
        }
      }
    }
    if (!progressed) break;
    const again = schema.safeParse(working);
    if (again.success) return { data: again.data, issues, setAside: [...setAside] };
    error = again.error;
    working = clone(working);
  }
  return { issues, setAside: [...setAside] };
}

/** True when `path` is one of `setAside` or lies under one of them. */
export function isUnder(path: string, setAside: readonly string[]): boolean {
  return setAside.some((p) => path === p || path.startsWith(`${p}.`) || path.startsWith(`${p}[`));
}

/** A rule's issues without those about values the schema already refused. */
export function withoutSetAside(issues: readonly ConfigIssue[], setAside: readonly string[]): ConfigIssue[] {
  return setAside.length === 0 ? [...issues] : issues.filter((i) => !isUnder(i.path, setAside));
}
