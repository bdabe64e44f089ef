// @ts-check
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["node_modules/**", "scratch/**", "coverage/**", "bin/**", "**/*.js", "**/*.mjs"] },
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
  },
  {
    // The functional core stays free of Pulumi so it can be tested and reused (policy pack) directly.
    files: ["infra/config/**/*.ts", "infra/model/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [
        { group: ["@pulumi/*"], message: "config/ and model/ are the functional core: no Pulumi imports." },
        { group: ["**/components/*", "**/offline/*", "**/cli/*"], message: "config/ and model/ must not depend on the shell." },
      ] }],
    },
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
        patterns: [{ group: ["**/components/*", "**/offline/*", "**/cli/*", "**/report/*", "**/infra/stack", "**/infra/index"], message: "the pack imports only the functional core (infra/config, infra/model)." }],
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
        patterns: [{ group: ["**/config/*"], message: "components render model slices, never raw config." }],
      }],
    },
  },
);
