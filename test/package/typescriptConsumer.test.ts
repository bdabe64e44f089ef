import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PACKAGE_ROOT } from "../../infra/package/packageSchema";

/*
 * The npm package as a team installs it: `npm pack` (prepack compiles lib/ with .d.ts), the tarball
 * unpacked into a clean folder's node_modules (its dependencies linked from this repository's, so no
 * network), then examples/typescript is type-checked against the published typings and `exports`
 * (module node16) and run on its own Pulumi mocks.
 */

const EXAMPLE = path.join(PACKAGE_ROOT, "examples", "typescript");
const run = (cmd: string, args: string[], cwd: string) => execFileSync(cmd, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });

let work: string;
let tarball: string;
let files: string[];

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), "azure-vm-backup-consumer-"));
  const packed = JSON.parse(run("npm", ["pack", "--json", "--pack-destination", work], PACKAGE_ROOT)) as Array<{ filename: string; files: Array<{ path: string }> }>;
  tarball = path.join(work, packed[0]!.filename);
  files = packed[0]!.files.map((f) => f.path);
  const app = path.join(work, "app");
  const modules = path.join(app, "node_modules");
  fs.mkdirSync(modules, { recursive: true });
  for (const name of ["package.json", "tsconfig.json", "index.ts", "mocks.ts"]) fs.copyFileSync(path.join(EXAMPLE, name), path.join(app, name));
  run("tar", ["xzf", tarball, "-C", work], work);
  fs.renameSync(path.join(work, "package"), path.join(modules, "azure-vm-backup"));
  const own = path.join(PACKAGE_ROOT, "node_modules");
  for (const entry of fs.readdirSync(own)) {
    if (entry.startsWith(".")) continue;
    fs.symlinkSync(path.join(own, entry), path.join(modules, entry));
  }
}, 600_000);

afterAll(() => {
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

describe("npm package", () => {
  it("packs compiled JavaScript, .d.ts files, the schema and no sources or tests", () => {
    expect(files).toContain("lib/index.js");
    expect(files).toContain("lib/index.d.ts");
    expect(files).toContain("lib/infra/package/backupEstate.d.ts");
    expect(files).toContain("schema.json");
    // npm always packs `main`: index.ts, the entry Pulumi's plugin host loads from a clone (it is not used once installed: `exports` points at lib/).
    expect(files.filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"))).toEqual(["index.ts"]);
    expect(files.filter((f) => f.startsWith("test/") || f.startsWith("infra/"))).toEqual([]);
    expect(fs.statSync(tarball).size).toBeLessThan(400_000);
  });

  it("examples/typescript type-checks against the installed tarball and declares vault, policy and the VM's item on its mocks", () => {
    const app = path.join(work, "app");
    run(process.execPath, [path.join(PACKAGE_ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.json"], app);
    const out = run(process.execPath, [path.join("bin", "mocks.js")], app);
    const registered = JSON.parse(out.trim().split("\n").at(-1)!) as Array<{ type: string; name: string; inputs: Record<string, any> }>; // eslint-disable-line @typescript-eslint/no-explicit-any
    const of = (type: string) => registered.filter((r) => r.type === type);
    expect(of("azure-vm-backup:index:BackupEstate").map((r) => r.name)).toEqual(["backup"]);
    expect(of("azure-native:recoveryservices:Vault")[0]!.inputs).toMatchObject({ vaultName: "rsv-backup-ts", location: "westeurope" });
    expect(of("azure-native:recoveryservices:ProtectionPolicy")[0]!.inputs.policyName).toBe("daily-standard");
    const items = of("azure-native:recoveryservices:ProtectedItem");
    expect(items.map((i) => [i.name, i.inputs.containerName, i.inputs.properties.sourceResourceId])).toEqual([
      ["app-02-item", "iaasvmcontainer;iaasvmcontainerv2;rg-app;app-02", "/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg-app/providers/Microsoft.Compute/virtualMachines/app-02"],
    ]);
  }, 600_000);

  it("README's code for both sections is the examples' code, verbatim", () => {
    const readme = fs.readFileSync(path.join(PACKAGE_ROOT, "README.md"), "utf8");
    const section = (heading: string) => {
      const start = readme.indexOf(`## ${heading}`);
      return readme.slice(start, readme.indexOf("\n## ", start + 1));
    };
    const ts = /```ts\n([\s\S]*?)```/.exec(section("Use it from your own Pulumi program"))![1]!;
    expect(fs.readFileSync(path.join(EXAMPLE, "index.ts"), "utf8")).toContain(ts);
    const yaml = /`(type: [^`]+)`/.exec(section("Use it from Python, Go, C# or YAML"))![1]!;
    expect(fs.readFileSync(path.join(PACKAGE_ROOT, "examples", "yaml", "Pulumi.yaml"), "utf8")).toContain(yaml);
  });
});
