import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { policies } from "../../policies/policies";

const PACK = path.join(__dirname, "..", "..", "policies");
const NAME = /^(recoveryservices-(vault|backuppolicy|protecteditem)|compute-(virtualmachine|vmextension))-(missing|disallow|enable|disable|configure|enforce)-[a-z0-9]+(-[a-z0-9]+)*$/;
const policyFiles = ["vault", "backupPolicy", "stack", "vm"].flatMap((dir) =>
  fs.readdirSync(path.join(PACK, dir)).filter((f) => f.endsWith(".ts") && f !== "backupGraph.ts").map((f) => path.join(dir, f)),
);

describe("policy pack conventions (code-style 7.2 and 7.6)", () => {
  it.each(policies.map((p) => [p.name, p] as const))("%s is named <resource>-<verb>-<object> and carries full metadata", (name, p) => {
    expect(name).toMatch(NAME);
    expect(p.description).toMatch(/^[A-Z].*\.$/);
    expect(["advisory", "mandatory"]).toContain(p.enforcementLevel);
    expect(["low", "medium", "high", "critical"]).toContain(p.severity);
    expect(p.remediationSteps?.length).toBeGreaterThan(20);
    expect(p.url).toMatch(/^https:\/\//);
    for (const [key, schema] of Object.entries(p.configSchema?.properties ?? {})) {
      // The CLI applies schema defaults and the code applies the same object (configSchemaWithDefaults), so a default must exist.
      expect(typeof schema === "object" && schema.default !== undefined, `${name}.${key} has a default`).toBe(true);
      expect(typeof schema === "object" && schema.description, `${name}.${key} has a description`).toBeTruthy();
    }
  });

  it("names are unique and every policy module is in the pack, its JSDoc sentence equal to its description", () => {
    expect(new Set(policies.map((p) => p.name)).size).toBe(policies.length);
    expect(policyFiles).toHaveLength(policies.length);
    for (const file of policyFiles) {
      const text = fs.readFileSync(path.join(PACK, file), "utf8");
      const m = /\/\*\* (.+?) \*\/\nexport const (\w+)/.exec(text);
      expect(m, `${file} has a JSDoc sentence on its exported policy`).not.toBeNull();
      expect(path.basename(file, ".ts")).toBe(m![2]);
      const policy = policies.find((p) => text.includes(`name: "${p.name}"`));
      expect(policy, `${file} is listed in policies.ts`).toBeDefined();
      if (!text.includes("description: `")) expect(m![1]).toBe(policy!.description);
    }
  });

  it("recognises both provider families in every resource policy", () => {
    for (const file of policyFiles.filter((f) => !f.startsWith("stack"))) {
      const text = fs.readFileSync(path.join(PACK, file), "utf8");
      // validateKind matches a resource family (any API version, alias or ARM type), not one exact token.
      expect(text, file).toMatch(/validateKind\("\w+", "native"/);
      expect(text, file).toMatch(/validateKind\("\w+", "classic"/);
    }
  });

  it("keeps index.ts a thin PolicyPack over policies.ts (importing it starts a gRPC server)", () => {
    const index = fs.readFileSync(path.join(PACK, "index.ts"), "utf8");
    expect(index.match(/new PolicyPack\(/g)).toHaveLength(1);
    expect(index).toContain('import { POLICY_PACK_NAME, policies } from "./policies";');
    const pkg = JSON.parse(fs.readFileSync(path.join(PACK, "package.json"), "utf8")) as { version?: string };
    expect(pkg.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(fs.readFileSync(path.join(PACK, "PulumiPolicy.yaml"), "utf8")).toMatch(/^runtime: nodejs$/m);
  });
});
