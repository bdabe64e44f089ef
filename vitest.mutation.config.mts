import { defineConfig } from "vitest/config";

/*
 * The functional core's tests only, for mutation testing (`npm run mutation`, stryker.config.mjs).
 * None of these files loads Pulumi or a provider SDK, so they share worker threads and start in
 * seconds; Stryker runs them once per mutant. A test that imports Pulumi does not belong here.
 */
export default defineConfig({
  test: {
    include: [
      "test/config/**/*.test.ts",
      "test/model/**/*.test.ts",
      "test/validate/**/*.test.ts",
      "test/azure/**/*.test.ts",
      "test/vaults/vaultsConfig.test.ts",
      "test/adopt/inventory.test.ts",
      "test/adopt/refusals.test.ts",
      "test/offline/engine/inventory.test.ts",
      "test/offline/engine/inventoryMessages.test.ts",
      "test/docs/generatedDocs.test.ts",
    ],
    exclude: [
      // It renders the classic provider's resources through the mock engine: Pulumi.
      "test/model/classicRules.test.ts",
      // Random-input property tests take 1-11 s a run, and Stryker reruns them for every surviving
      // mutant they cover; the example tests must kill mutants on their own.
      "test/**/*.property.test.ts",
      "test/validate/onePass.test.ts",
    ],
    pool: "threads",
    // Stryker switches mutants at run time, not by reloading modules: workers can keep them.
    isolate: false,
    testTimeout: 60_000,
  },
});
