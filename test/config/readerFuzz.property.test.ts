import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { emptyTally, hostileStackTextFrom, sampleEstates, tally } from "../support/hostileConfigs";

/**
 * The whole configuration reader (YAML text to plan) on careless and hostile stack files: each ends
 * in a plan or a configuration error, and a plan is never one Azure would refuse. `npm run fuzz`
 * runs the same generator longer.
 */
describe("the configuration reader on hostile stack files", () => {
  it("ends every input in a plan or a configuration error, and plans only what Azure accepts", () => {
    const t = emptyTally();
    fc.assert(
      fc.property(hostileStackTextFrom(sampleEstates(30, 20261206)), (text) => {
        const outcome = tally(text, t);
        expect(outcome.kind === "crash" ? String((outcome as { error: unknown }).error) : "ok").toBe("ok");
        if (outcome.kind === "config-error") expect(outcome.message.length).toBeLessThan(20_000);
      }),
      { numRuns: 250, seed: 20261206 },
    );
    expect(t.acceptedButRefused.map((a) => a.findings)).toEqual([]);
    // Both outcomes must be common, or the property proves little.
    expect(t.plans).toBeGreaterThan(30);
    expect(t.configErrors).toBeGreaterThan(60);
  });
});
