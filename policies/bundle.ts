import * as fs from "node:fs";
import * as path from "node:path";
import { build } from "esbuild";

/**
 * Builds the publishable pack: one CommonJS file with the rule code the pack shares with infra/
 * (functional core, zod, windows-iana) bundled in, and a package.json whose only dependencies are
 * the ones the Pulumi policy runtime itself loads. `pulumi policy publish` runs in the output folder.
 */

const PACK_DIR = __dirname;
/** Loaded by the policy runtime (run-policy-pack) next to the pack, so never bundled. */
export const EXTERNAL = ["@pulumi/policy", "@pulumi/pulumi"] as const;

export interface BundleResult {
  readonly outDir: string;
  /** Every npm package the bundle still requires at run time. */
  readonly externalPackages: readonly string[];
}

function rootVersion(pkg: string): string {
  const root = JSON.parse(fs.readFileSync(path.join(PACK_DIR, "..", "package.json"), "utf8")) as { dependencies: Record<string, string> };
  const version = root.dependencies[pkg];
  if (!version) throw new Error(`${pkg} is not a dependency of the project root`);
  return version;
}

export async function bundlePack(outDir = path.join(PACK_DIR, "dist")): Promise<BundleResult> {
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(outDir, { recursive: true });
  const result = await build({
    entryPoints: [path.join(PACK_DIR, "index.ts")],
    outfile: path.join(outDir, "index.js"),
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    external: [...EXTERNAL],
    metafile: true,
    logLevel: "silent",
    legalComments: "linked",
  });
  const externalPackages = [
    ...new Set(
      Object.values(result.metafile.outputs)
        .flatMap((o) => o.imports)
        .filter((i) => i.external && !i.path.startsWith("node:"))
        .map((i) => (i.path.startsWith("@") ? i.path.split("/").slice(0, 2).join("/") : i.path.split("/")[0]!)),
    ),
  ].filter((p) => !isBuiltin(p));
  // The runtime loads @pulumi/pulumi's run-policy-pack from the pack's own node_modules, so it is a dependency even unimported.
  const dependencies = [...new Set([...EXTERNAL, ...externalPackages])].sort();
  const source = JSON.parse(fs.readFileSync(path.join(PACK_DIR, "package.json"), "utf8")) as Record<string, unknown>;
  const pkg = {
    name: source.name,
    version: source.version,
    description: "CrossGuard policy pack for Azure VM backup (azure-native and classic azure stacks), bundled.",
    license: source.license,
    main: "index.js",
    dependencies: Object.fromEntries(dependencies.map((p) => [p, rootVersion(p)])),
  };
  fs.writeFileSync(path.join(outDir, "package.json"), `${JSON.stringify(pkg, null, 2)}\n`);
  fs.copyFileSync(path.join(PACK_DIR, "PulumiPolicy.yaml"), path.join(outDir, "PulumiPolicy.yaml"));
  return { outDir, externalPackages };
}

function isBuiltin(name: string): boolean {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require("node:module") as typeof import("node:module")).builtinModules.includes(name);
}

if (require.main === module) {
  bundlePack(process.argv[2] ? path.resolve(process.argv[2]) : undefined).then(
    (r) => console.log(`policy pack bundled in ${path.relative(process.cwd(), r.outDir) || "."} (runtime dependencies: ${r.externalPackages.join(", ")})`),
    (err: Error) => {
      console.error(`policy pack bundle failed: ${err.message}`);
      process.exitCode = 1;
    },
  );
}
