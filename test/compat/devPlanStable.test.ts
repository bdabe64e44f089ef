import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { planStack } from "../../infra/offline/engine/planStack";
import { toPlanDocument, type PlanDocument } from "../../infra/offline/views/planDocument";

/**
 * Users have stacks on 0.1: the dev stack must keep every URN, type, parent and input it planned in
 * 0.1 (`test/fixtures/plans/dev.v0.1.native.json` is `npm run plan -- --json` of release 0.1). A URN
 * that moves needs an alias, and a test of its own that the old URN still resolves.
 */
const saved = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "fixtures", "plans", "dev.v0.1.native.json"), "utf8")) as PlanDocument;

const byUrn = (doc: PlanDocument) =>
  new Map(doc.steps.map((s) => [s.urn, { type: s.newState?.type, parent: s.newState?.parent, inputs: s.newState?.inputs }]));

describe("the dev stack plans as it did in 0.1", () => {
  it("same URNs, types, parents and inputs", async () => {
    const planned = await planStack({ stack: "dev" });
    const now = byUrn(toPlanDocument(planned.resources, planned.stackConfig.config, planned.stackConfig.secretKeys));
    const before = byUrn(saved);
    expect([...now.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [urn, step] of before) expect(now.get(urn), urn).toEqual(step);
  });
});
