import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import { builtinModules } from "node:module";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reconcilePolicyConfig } from "../../infra/offline/review/policyConfig";
import { reviewResourcesFromRun } from "../../infra/offline/review/policyHarness";
import { loadPolicyPack, POLICY_PACK_DIR } from "../../infra/offline/review/policyPack";
import { planStack } from "../../infra/offline/engine/planStack";
import { bundlePack, EXTERNAL } from "../../policies/bundle";
import { classicStackScenario, nativeStackScenario } from "../fixtures/reviewFixtures";
import { analyzerInfo, askHarness, askPack, configure, PACK_START_TIMEOUT_MS, servePack, type ServedPack } from "./analyzerClient";

/*
 * The publishable pack loads on its own: bundled (policies/bundle.ts), packed with `npm pack`, unpacked into
 * an empty folder outside the repository as npm installs a tarball (node_modules/<name>), with only its
 * declared dependencies beside it, then served through run-policy-pack and compared with the harness.
 * No registry is contacted: the declared dependencies are linked one by one from the project's
 * node_modules (never a whole scope folder, and npm is never run in that folder).
 */

const ROOT = path.join(POLICY_PACK_DIR, "..");
let work: string;
let installed: string;
let declared: Record<string, string>;
let served: ServedPack;

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), "pack-tarball-"));
  const { outDir } = await bundlePack(path.join(work, "build"));
  const tarball = execFileSync("npm", ["pack", "--silent", "--pack-destination", work], { cwd: outDir, encoding: "utf8" }).trim().split("\n").pop()!;
  const app = path.join(work, "app");
  installed = path.join(app, "node_modules", "azure-vm-backup-policies");
  fs.mkdirSync(installed, { recursive: true });
  fs.writeFileSync(path.join(app, "package.json"), '{ "name": "consumer", "private": true }\n');
  execFileSync("tar", ["-xzf", path.join(work, tarball), "-C", installed, "--strip-components=1"]);
  declared = (JSON.parse(fs.readFileSync(path.join(installed, "package.json"), "utf8")) as { dependencies: Record<string, string> }).dependencies;
  for (const dep of Object.keys(declared)) {
    fs.mkdirSync(path.dirname(path.join(app, "node_modules", dep)), { recursive: true });
    fs.symlinkSync(path.join(ROOT, "node_modules", dep), path.join(app, "node_modules", dep), "dir");
  }
  served = await servePack(installed, path.join(app, "node_modules", "@pulumi", "pulumi", "cmd", "run-policy-pack"));
}, PACK_START_TIMEOUT_MS + 120_000);

afterAll(() => {
  served?.close();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

describe("the packed policy pack", () => {
  it("ships only the bundle, its manifest and PulumiPolicy.yaml, and declares exactly the runtime's packages at the project's versions", () => {
    expect(fs.readdirSync(installed).sort()).toEqual(["PulumiPolicy.yaml", "index.js", "package.json"]);
    const root = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { dependencies: Record<string, string> };
    expect(declared).toEqual(Object.fromEntries([...EXTERNAL].sort().map((d) => [d, root.dependencies[d]])));
    // No import may reach back into the repository or a package the tarball does not declare.
    const bundle = fs.readFileSync(path.join(installed, "index.js"), "utf8");
    const required = [...bundle.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]!).filter((r) => !r.startsWith("node:") && !builtinModules.includes(r));
    expect([...new Set(required)].sort()).toEqual([...EXTERNAL].sort().filter((d) => required.includes(d)));
    // The source package declares what its code imports, at the root's versions (it installs on its own too).
    const source = JSON.parse(fs.readFileSync(path.join(POLICY_PACK_DIR, "package.json"), "utf8")) as { dependencies: Record<string, string> };
    for (const [dep, version] of Object.entries(source.dependencies)) expect(`${dep}@${version}`).toBe(`${dep}@${root.dependencies[dep]}`);
  });

  it("loads from the tarball: same name, version and policies as the source pack", async () => {
    const { name, version, policies } = loadPolicyPack();
    expect(await analyzerInfo(served.client)).toEqual({ name, version, policies: policies.map((p) => [p.name, p.enforcementLevel]) });
  });

  it("gives the harness's verdicts on the dev plan and both stack scenarios", async () => {
    const { policies } = loadPolicyPack();
    const config = reconcilePolicyConfig(policies);
    await configure(served.client, config);
    const dev = await planStack({ stack: "dev" });
    let compared = 0;
    for (const [scenario, resources] of Object.entries({ dev: reviewResourcesFromRun(dev.resources), native: nativeStackScenario(), classic: classicStackScenario() })) {
      const fromPack = await askPack(served.client, resources);
      expect({ scenario, ...(await askHarness(resources, config)) }).toEqual({ scenario, ...fromPack });
      compared += fromPack.verdicts.length;
    }
    expect(compared).toBeGreaterThan(20);
  }, 300_000);
});
