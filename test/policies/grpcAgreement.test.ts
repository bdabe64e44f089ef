import * as fs from "node:fs";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reconcilePolicyConfig } from "../../infra/offline/review/policyConfig";
import { reviewResourcesFromPlan, reviewResourcesFromRun, type ReviewResource } from "../../infra/offline/review/policyHarness";
import { loadPolicyPack, POLICY_PACK_DIR } from "../../infra/offline/review/policyPack";
import { parsePreviewJson } from "../../infra/offline/review/previewJson";
import { planStack } from "../../infra/offline/engine/planStack";
import { CASES } from "../fixtures/corpus/cases";
import { previewDocument } from "../fixtures/corpus/previewDoc";
import { PUBLIC_EXAMPLES } from "../fixtures/corpus/publicExamples";
import { classicStackScenario, nativeStackScenario } from "../fixtures/reviewFixtures";
import { analyzerInfo, askHarness, askPack, configure, PACK_START_TIMEOUT_MS, servePack, type ServedPack } from "./analyzerClient";

/*
 * Proves that the offline harness (infra/offline/review/policyHarness.ts) and the real PolicyPack agree.
 * The pack is started exactly as `pulumi preview --policy-pack policies` starts it (run-policy-pack in
 * policies/, main: index.ts) and compared verdict by verdict with the harness on the same plans.
 */

let served: ServedPack;

beforeAll(async () => {
  served = await servePack(POLICY_PACK_DIR);
}, PACK_START_TIMEOUT_MS + 30_000);

afterAll(() => served?.close());

const corpusPreview = (file: string) =>
  reviewResourcesFromPlan(parsePreviewJson(fs.readFileSync(path.join(__dirname, "..", "fixtures", "corpus", "public", file), "utf8"), file));
const preview = (file: string) => reviewResourcesFromPlan(parsePreviewJson(fs.readFileSync(path.join(__dirname, "..", "fixtures", "previews", file), "utf8"), file));

describe("the real PolicyPack over gRPC and the offline harness", () => {
  it("serve the same pack: name, version, policies and enforcement levels", async () => {
    const { name, version, policies } = loadPolicyPack();
    expect(await analyzerInfo(served.client)).toEqual({ name, version, policies: policies.map((p) => [p.name, p.enforcementLevel]) });
  });

  it("agree on every verdict for the dev plan, bad previews of both families and both stack scenarios, with default and overridden configuration", async () => {
    const dev = await planStack({ stack: "dev" });
    const scenarios: Record<string, ReviewResource[]> = {
      dev: reviewResourcesFromRun(dev.resources),
      nativePreview: preview("public-vault-short-retention.native.json"),
      classicPreview: preview("public-vault-short-retention.classic.json"),
      nativeStack: nativeStackScenario(),
      classicStack: classicStackScenario(),
      // Third-party programs: public examples (nulls, unknowns, versioned tokens) and corpus cases that
      // lean on matching (ARM-typed outputs, auto-names, separate disks, literal IDs in another case).
      ...Object.fromEntries(PUBLIC_EXAMPLES.map((e) => [e.file, corpusPreview(e.file)])),
      ...Object.fromEntries(
        CASES.filter((c) => c.robustness && !c.config).map((c) => [`${c.family} ${c.name}`, reviewResourcesFromPlan(parsePreviewJson(JSON.stringify(previewDocument(c.resources))))]),
      ),
    };
    const { policies } = loadPolicyPack();
    const configs = {
      defaults: reconcilePolicyConfig(policies),
      overridden: reconcilePolicyConfig(policies, {
        all: "advisory",
        "recoveryservices-backuppolicy-configure-minimum-retention": { enforcementLevel: "mandatory", minimumDailyDays: 30, minimumYearlyYears: 10 },
        "recoveryservices-vault-enable-customer-managed-key": "disabled",
        "compute-virtualmachine-missing-backup": { exemptionTag: "no-backup" },
        "recoveryservices-vault-configure-maximum-items": { maximumItemsPerPolicy: 1 },
      }),
    };
    let compared = 0;
    for (const [configName, config] of Object.entries(configs)) {
      await configure(served.client, config);
      for (const [scenario, resources] of Object.entries(scenarios)) {
        const fromPack = await askPack(served.client, resources);
        const fromHarness = await askHarness(resources, config);
        expect({ scenario, configName, ...fromHarness }).toEqual({ scenario, configName, ...fromPack });
        compared += fromPack.verdicts.length;
      }
    }
    // Not a vacuous agreement: the scenarios produce verdicts of every kind.
    expect(compared).toBeGreaterThan(40);
  }, 300_000);
});
