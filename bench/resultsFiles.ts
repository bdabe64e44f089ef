import * as path from "node:path";

const RESULTS = path.join(__dirname, "results");

/**
 * Where a bench run writes its tables. The committed results (`latest.*`, quoted by the docs) change
 * only with `--save`; any other run writes `last-run.*`, which git ignores, so running the bench never
 * dirties the working tree.
 */
export function resultFiles(save: boolean): { markdown: string; json: string } {
  const base = save ? "latest" : "last-run";
  return { markdown: path.join(RESULTS, `${base}.md`), json: path.join(RESULTS, `${base}.json`) };
}
