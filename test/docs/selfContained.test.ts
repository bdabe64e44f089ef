import { execSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "..", "..");
// What users do not have: the steering repository's contract and reference notes.
const OUTSIDE = [/CONTRACT section/, /\.\.\/shared\/reference/, /shared\/CONTRACT/, /azure-backup-facts\.md/, /\(facts: [A-Z]/];

describe("the repository is self-contained", () => {
  it("no document or code comment refers to files outside the repository", () => {
    const files = execSync("git ls-files", { cwd: ROOT, encoding: "utf8" })
      .split("\n")
      .filter((f) => /\.(ts|mts|mjs|md|ya?ml)$/.test(f) && f !== "test/docs/selfContained.test.ts" && fs.existsSync(path.join(ROOT, f)));
    const offenders = files.flatMap((f) => {
      const text = fs.readFileSync(path.join(ROOT, f), "utf8");
      return OUTSIDE.filter((re) => re.test(text)).map((re) => `${f}: ${re.source}`);
    });
    expect(offenders).toEqual([]);
  });

  it("code comments cite the service rules in docs/azure-backup-service.md, which has the sections they name", () => {
    const doc = fs.readFileSync(path.join(ROOT, "docs", "azure-backup-service.md"), "utf8");
    for (const section of ["How a VM backup works", "Vault", "Policy", "Protected VM"]) expect(doc).toContain(`## ${section}`);
  });
});
