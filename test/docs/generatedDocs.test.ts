import * as fs from "node:fs";
import * as path from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { pulumiYamlConfigDeclarations, renderConfigurationDocs } from "../../infra/config/configDocs";

const ROOT = path.resolve(__dirname, "..", "..");

describe("generated documentation", () => {
  it("docs/configuration.md matches the configuration schema (run `npm run docs` after changing the schema)", () => {
    expect(fs.readFileSync(path.join(ROOT, "docs", "configuration.md"), "utf8")).toBe(renderConfigurationDocs());
  });

  it("Pulumi.yaml declares every scalar key with the schema's type, description and default", () => {
    const project = parse(fs.readFileSync(path.join(ROOT, "Pulumi.yaml"), "utf8")) as { name: string; main: string; config: Record<string, unknown> };
    expect(project.name).toBe("azure-vm-backup");
    expect(project.main).toBe("infra/");
    expect(project.config).toEqual(pulumiYamlConfigDeclarations());
  });

  it("Pulumi.yaml only uses the config types Pulumi's project schema accepts", () => {
    const project = parse(fs.readFileSync(path.join(ROOT, "Pulumi.yaml"), "utf8")) as { config: Record<string, { type: string }> };
    for (const decl of Object.values(project.config)) expect(["string", "integer", "boolean", "array"]).toContain(decl.type);
  });
});
