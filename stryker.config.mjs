// Mutation testing of the functional core: `npm run mutation` (slow: not part of CI).
// See docs/development.md, "Mutation testing".
/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
export default {
  testRunner: "vitest",
  vitest: { configFile: "vitest.mutation.config.mts" },
  mutate: [
    "infra/config/**/*.ts",
    "infra/model/**/*.ts",
    "infra/azure/**/*.ts",
  ],
  coverageAnalysis: "perTest",
  // Module-level code (schema construction, limit tables) would need every test per mutant.
  ignoreStatic: true,
  // The machine is shared: one or two test workers at most.
  concurrency: 2,
  reporters: ["clear-text", "progress-append-only", "html", "json"],
  htmlReporter: { fileName: "reports/mutation/mutation.html" },
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  tempDirName: ".stryker-tmp",
  cleanTempDir: true,
};
