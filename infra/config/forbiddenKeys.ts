import { joinPath, type ConfigIssue } from "./configError";

/** Keys that would set an object's prototype instead of a property: never a configuration name. */
const FORBIDDEN_KEYS = new Set(["__proto__"]);

/** Every forbidden key at any depth, by path. */
export function forbiddenKeyIssues(value: unknown, path = ""): ConfigIssue[] {
  if (value === null || typeof value !== "object") return [];
  if (Array.isArray(value)) return value.flatMap((v, i) => forbiddenKeyIssues(v, joinPath(path, i)));
  return Object.entries(value).flatMap(([k, v]) =>
    FORBIDDEN_KEYS.has(k) ? [{ path: joinPath(path, k), message: `${k} cannot be used as a key: it names no Azure setting and would change how the configuration is read` }] : forbiddenKeyIssues(v, joinPath(path, k)),
  );
}
