// The package's entry (package.json main and `exports`; compiled to lib/index.js for npm). Pulumi's
// component provider host loads this file to serve the components to other languages (PulumiPlugin.yaml).
export * from "./infra/package";
