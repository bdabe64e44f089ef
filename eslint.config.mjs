// @ts-check
import tseslint from "typescript-eslint";

const SHELL = ["**/components/*", "**/components/**", "**/offline/**", "**/cli/*", "**/lookups/*", "**/report/*", "**/transforms/*", "**/infra/stack", "**/infra/index"];

/** A core folder: no Pulumi, nothing of the shell, and nothing of the core layers above it. */
function layer(folder, above, message) {
  return [{
    files: [`${folder}/**/*.ts`],
    rules: {
      "no-restricted-imports": ["error", { patterns: [
        { group: ["@pulumi/*"], message: "the functional core (azure/, config/, model/, validate/, providers/) has no Pulumi imports." },
        { group: SHELL, message: "the functional core must not depend on the shell." },
        ...(above.length > 0 ? [{ group: above, message }] : []),
      ] }],
    },
  }];
}

export default tseslint.config(
  { ignores: ["node_modules/**", "scratch/**", "coverage/**", "bin/**", "lib/**", "**/*.js", "**/*.mjs"] },
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
  },
  // Layers point one way (test/architecture/layers.test.ts checks the folder graph has no cycle):
  // azure <- config <- model <- validate | providers <- adopt (read by cli); validate | providers <- lookups/components/transforms <- stack <- offline engine <- views <- review <- report <- cli.
  ...layer("infra/azure", ["**/config/*", "**/model/*", "**/validate/*", "**/providers/*", "**/adopt/*"], "azure/ holds Azure's numbers and imports nothing of the project."),
  ...layer("infra/config", ["**/model/*", "**/validate/*", "**/providers/*", "**/adopt/*"], "config/ is the bottom of the core: schema, types, errors."),
  ...layer("infra/model", ["**/validate/*", "**/providers/*", "**/adopt/*"], "model/ holds the rules; the validation entry points (validate/) and the provider adapters (providers/) sit above it."),
  ...layer("infra/validate", ["**/providers/*", "**/adopt/*"], "validate/ is the core's top; the provider adapters are its siblings and adoption (adopt/) reads Azure's bodies above it."),
  ...layer("infra/providers", ["**/validate/*", "**/adopt/*"], "providers/ map the model to provider inputs and back; validation and adoption are not theirs."),
  ...layer("infra/adopt", [], "adopt/ is functional core above validate/ and providers/: Azure's bodies in, configuration out."),
  {
    // The library ships to other programs: never the stack program, the offline tooling or the CLI.
    files: ["infra/package/**/*.ts", "index.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [{ group: ["**/offline/**", "**/cli/*", "**/report/*", "**/infra/stack", "**/lookups/*"], message: "the library imports the core and the components only." }] }] },
  },
  {
    files: ["infra/offline/engine/**/*.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [{ group: ["**/views/*", "**/review/*", "**/report/*", "**/cli/*"], message: "offline/engine runs programs; views and review sit above it." }] }] },
  },
  {
    files: ["infra/offline/views/**/*.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [{ group: ["**/review/*", "**/report/*", "**/cli/*"], message: "offline/views read plans; review sits above them." }] }] },
  },
  {
    files: ["infra/offline/review/**/*.ts", "infra/report/**/*.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [{ group: ["**/cli/*"], message: "only cli/ imports cli/." }] }] },
  },
  {
    // The policy pack reviews any stack: it may use the functional core (config/, model/), never the program or tooling.
    files: ["policies/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", {
        paths: [
          { name: "@pulumi/azure-native", message: "use deep imports (@pulumi/azure-native/recoveryservices)." },
          { name: "@pulumi/azure", message: "use deep imports (@pulumi/azure/backup)." },
        ],
        patterns: [{ group: ["**/components/*", "**/offline/**", "**/cli/*", "**/report/*", "**/infra/stack", "**/infra/index"], message: "the pack imports only the functional core (infra/azure, infra/config, infra/model, infra/validate) and the provider adapters (infra/providers)." }],
      }],
    },
  },
  {
    // Look-ups run before anything is declared; deep imports keep type-checks fast here too.
    files: ["infra/lookups/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { paths: [
        { name: "@pulumi/azure-native", message: "use deep imports (@pulumi/azure-native/compute)." },
        { name: "@pulumi/azure", message: "use deep imports (@pulumi/azure/core)." },
      ] }],
    },
  },
  {
    files: ["infra/components/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", {
        paths: [
          { name: "@pulumi/azure-native", message: "use deep imports (@pulumi/azure-native/recoveryservices) to keep type-checks fast." },
          { name: "@pulumi/azure", message: "use deep imports (@pulumi/azure/backup) to keep type-checks fast." },
        ],
        patterns: [{ group: ["**/config/*", "**/validate/*", "**/offline/**", "**/cli/*", "**/report/*"], message: "components render model slices: never raw config, validation or tooling." }],
      }],
    },
  },
);
