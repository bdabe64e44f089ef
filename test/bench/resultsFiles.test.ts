import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { resultFiles } from "../../bench/resultsFiles";

const ROOT = path.resolve(__dirname, "..", "..");
const ignored = (file: string) => spawnSync("git", ["check-ignore", "-q", path.relative(ROOT, file)], { cwd: ROOT }).status === 0;

describe("npm run bench leaves tracked files alone", () => {
  it("writes git-ignored files unless --save asks to replace the committed results", () => {
    const run = resultFiles(false);
    expect([ignored(run.markdown), ignored(run.json)]).toEqual([true, true]);
    const saved = resultFiles(true);
    expect(path.basename(saved.markdown)).toBe("latest.md");
    expect(ignored(saved.markdown)).toBe(false);
  });
});
