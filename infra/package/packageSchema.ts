import * as path from "node:path";
import { ComponentProvider, getPulumiComponents } from "@pulumi/pulumi/provider/experimental";
import { PROJECT_NAME } from "../config/backupConfig";
import * as entry from "./index";

/** The repository root: package.json and the index.ts entry the component provider host serves. */
export const PACKAGE_ROOT = path.resolve(__dirname, "..", "..");
export const SCHEMA_FILE = path.join(PACKAGE_ROOT, "schema.json");

/** The components the package exports, as the provider host finds them (every ComponentResource export). */
export function exportedComponents(): string[] {
  return getPulumiComponents(entry).map((c) => c.name);
}

/**
 * The Pulumi package schema, derived from the TypeScript arg types by @pulumi/pulumi's component
 * analyzer exactly as the provider host's GetSchema does (it reads index.ts through tsconfig.json).
 */
export async function packageSchema(): Promise<Record<string, unknown>> {
  const provider = new ComponentProvider({ name: PROJECT_NAME, dirname: PACKAGE_ROOT, components: getPulumiComponents(entry) });
  return JSON.parse(await provider.getSchema()) as Record<string, unknown>;
}

/** schema.json as checked in: two-space JSON with a trailing newline. */
export function formatSchema(schema: Record<string, unknown>): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}
