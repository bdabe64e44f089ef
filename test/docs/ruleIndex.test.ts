import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "..", "..");
const index = fs.readFileSync(path.join(ROOT, "docs", "rule-index.md"), "utf8");
const policyNames = fs
  .readdirSync(path.join(ROOT, "policies"), { recursive: true, encoding: "utf8" })
  .filter((f) => f.endsWith(".ts"))
  .flatMap((f) => [...fs.readFileSync(path.join(ROOT, "policies", f), "utf8").matchAll(/^\s+name: "([a-z-]+)",$/gm)].map((m) => m[1]!));

describe("docs/rule-index.md", () => {
  const rows = index.split("\n").filter((l) => l.startsWith("| ") && !l.startsWith("| rule") && !l.startsWith("| ---"));

  it("names files that exist, functions those files export, and policies the pack has", () => {
    expect(rows.length).toBeGreaterThan(10);
    for (const row of rows) {
      const [, home, tests, policy] = row.replace(/^\| /, "").replace(/ ?\|$/, "").split(" | ").map((c) => c.trim());
      const file = /`([^`]+\.ts)`/.exec(home!)?.[1];
      expect(file && fs.existsSync(path.join(ROOT, file)), row).toBe(true);
      const source = fs.readFileSync(path.join(ROOT, file!), "utf8");
      for (const fn of [...home!.matchAll(/`([a-zA-Z]+)`/g)].map((m) => m[1]!)) expect(source, `${file} ${fn}`).toContain(fn);
      for (const test of [...tests!.matchAll(/`([^`]+)`/g)].map((m) => m[1]!)) expect(fs.existsSync(path.join(ROOT, test)), test).toBe(true);
      for (const name of [...(policy ?? "").matchAll(/`([a-z-]+)`/g)].map((m) => m[1]!)) expect(policyNames, row).toContain(name);
    }
  });
});
