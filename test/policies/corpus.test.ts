import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { reconcilePolicyConfig } from "../../infra/offline/review/policyConfig";
import { reviewPlan, reviewResourcesFromPlan, type ReviewResult } from "../../infra/offline/review/policyHarness";
import { loadPolicyPack } from "../../infra/offline/review/policyPack";
import { parsePreviewJson } from "../../infra/offline/review/previewJson";
import { CASES } from "../fixtures/corpus/cases";
import { previewDocument } from "../fixtures/corpus/previewDoc";
import { PUBLIC_EXAMPLES } from "../fixtures/corpus/publicExamples";
import { RULES } from "../fixtures/corpus/rules";

/*
 * The corpus: previews of programs written without this project (raw azure-native resources, versioned
 * modules, the classic provider, values as ARM returns them), each with every verdict the pack must
 * give. A case passes only when the pack reports exactly its expected verdicts, each at the policy's
 * default level: a missed violation and a false one both fail.
 */

const pack = loadPolicyPack();
const PUBLIC_DIR = path.join(__dirname, "..", "fixtures", "corpus", "public");

async function review(text: string, source: string, config?: Record<string, unknown>): Promise<ReviewResult> {
  const resources = reviewResourcesFromPlan(parsePreviewJson(text, source));
  return reviewPlan(resources, { packName: pack.name, packVersion: pack.version, policies: pack.policies, config: reconcilePolicyConfig(pack.policies, config as never) });
}

/** `<policy>@<logical name>` per violation; the level must be the policy's default. */
function verdicts(result: ReviewResult): string[] {
  for (const v of result.violations) {
    const policy = pack.policies.find((p) => p.name === v.policyName)!;
    expect(`${v.policyName} ${v.enforcementLevel}`, v.message).toBe(`${v.policyName} ${policy.enforcementLevel}`);
  }
  return result.violations.map((v) => `${v.policyName}@${v.urn ? v.urn.split("::").pop() : "(stack)"}`).sort();
}

describe("the policy corpus", () => {
  it.each(CASES.map((c) => [`${c.family} ${c.name} (rules ${c.rules.join(", ") || "all"}: ${c.verdict})`, c] as const))("%s", async (_title, c) => {
    const result = await review(JSON.stringify(previewDocument(c.resources)), c.name, c.config);
    const got = verdicts(result);
    expect(got, result.violations.map((v) => v.message).join("\n")).toEqual([...c.expected].sort());
    for (const [policy, reason] of Object.entries(c.notApplicable ?? {})) {
      expect(result.notApplicable.some((n) => n.policyName === policy && n.reason?.includes(reason)), `${policy} not applicable: ${reason}`).toBe(true);
    }
  });

  it.each(PUBLIC_EXAMPLES.map((e) => [e.file, e] as const))("public example %s gets its documented verdicts", async (file, example) => {
    const text = fs.readFileSync(path.join(PUBLIC_DIR, file), "utf8");
    const doc = JSON.parse(text) as { source?: string; translation?: string };
    expect(doc.source, "the fixture names its source").toMatch(/^https:\/\//);
    expect(doc.translation, "the fixture says how it was translated").toBeTruthy();
    const result = await review(text, file);
    expect(verdicts(result), result.violations.map((v) => v.message).join("\n")).toEqual([...example.expected].sort());
  });

  it("covers every rule on both families, violating and compliant (classic: where it can be expressed)", () => {
    const missing: string[] = [];
    for (const rule of RULES) {
      for (const family of ["native", "classic"] as const) {
        if (family === "classic" && rule.classic === "not expressible") continue;
        const cases = CASES.filter((c) => c.family === family && (c.rules.includes(rule.n) || c.rules.length === 0));
        const violating = cases.some((c) => c.verdict === "violating" && c.rules.includes(rule.n) && c.expected.some((e) => e.startsWith(`${rule.policy}@`)));
        // The secure estates are compliant cases for every rule.
        const compliant = cases.some((c) => c.verdict === "compliant");
        if (!violating) missing.push(`${rule.n} ${family} violating`);
        if (!compliant) missing.push(`${rule.n} ${family} compliant`);
      }
    }
    expect(missing).toEqual([]);
    // The corpus also proves the robustness of matching.
    const robustness = new Set(CASES.flatMap((c) => (c.robustness ?? "").split(", ").filter(Boolean)));
    for (const kind of ["versioned token", "alias token", "enum case", "null", "literal ID", "auto-name", "ARM-typed outputs", "separate disk resource"]) expect(robustness).toContain(kind);
  });

  it("is the rule table of docs/policy-reviews.md: every rule with its policy and the policy's level, and the six public examples", () => {
    const doc = fs.readFileSync(path.join(__dirname, "..", "..", "docs", "policy-reviews.md"), "utf8");
    for (const rule of RULES) {
      const policy = pack.policies.find((p) => p.name === rule.policy);
      expect(policy, rule.policy).toBeDefined();
      expect(doc).toContain(`| ${rule.n} | ${rule.rule} | \`${rule.policy}\` | ${policy!.enforcementLevel}`);
    }
    expect(new Set(RULES.map((r) => r.policy))).toEqual(new Set(pack.policies.map((p) => p.name)));
    expect(doc).toContain(`reviews ${CASES.length} previews`);
    for (const e of PUBLIC_EXAMPLES) expect(fs.existsSync(path.join(PUBLIC_DIR, e.file))).toBe(true);
  });
});
