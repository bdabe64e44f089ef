import { closest, distance } from "fastest-levenshtein";

/**
 * The allowed name nearest to a mistyped one (`retension` -> `retention`), or undefined when none is
 * close enough to be a likely typo: at most a third of the name's length in edits, and at least one.
 */
export function nearest(name: string, allowed: readonly string[]): string | undefined {
  if (allowed.length === 0) return undefined;
  const lower = name.toLowerCase();
  const best = closest(lower, allowed.map((a) => a.toLowerCase()));
  const limit = Math.max(1, Math.floor(name.length / 3));
  if (distance(lower, best) > limit) return undefined;
  return allowed.find((a) => a.toLowerCase() === best);
}

/** ` (did you mean "x"?)` for a likely typo, else nothing. */
export function didYouMean(name: string, allowed: readonly string[]): string {
  const hit = nearest(name, allowed);
  return hit === undefined ? "" : ` (did you mean ${JSON.stringify(hit)}?)`;
}
