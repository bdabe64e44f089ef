import * as fs from "node:fs";
import * as path from "node:path";
import { validateWorkflow } from "@action-validator/core";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";

const ROOT = path.join(__dirname, "..", "..");
const DIR = path.join(ROOT, ".github", "workflows");
const files = fs.readdirSync(DIR).filter((f) => /\.ya?ml$/.test(f));
const scripts = Object.keys((JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts);

type Workflow = { on: Record<string, unknown>; jobs: Record<string, { permissions?: Record<string, string>; steps: Array<{ uses?: string; run?: string; with?: Record<string, unknown> }> }> };
const load = (f: string) => parse(fs.readFileSync(path.join(DIR, f), "utf8")) as Workflow;

describe("GitHub workflows", () => {
  it.each(files)("%s is a valid workflow for action-validator (GitHub's workflow schema)", (file) => {
    expect(validateWorkflow(fs.readFileSync(path.join(DIR, file), "utf8")).errors).toEqual([]);
  });

  it("the validator is real: it rejects a job without runs-on and a misspelt key", () => {
    const result = validateWorkflow("on: push\njobs:\n  a:\n    runs-onn: ubuntu-latest\n    steps:\n      - run: npm test\n");
    expect(result.errors.length).toBeGreaterThan(0);
    expect(JSON.stringify(result.errors)).toContain("Additional property 'runs-onn' is not allowed");
  });

  it("users run the current Node LTS (24); the pull-request checks also run Node 20, where this project's own CI runs", () => {
    for (const file of files) {
      const wf = load(file) as Workflow & { jobs: Record<string, { strategy?: { matrix?: { node?: unknown[] } } }> };
      for (const [name, job] of Object.entries(wf.jobs)) {
        for (const step of job.steps.filter((s) => s.uses?.startsWith("actions/setup-node@"))) {
          const version = String(step.with?.["node-version"]);
          if (version === "${{ matrix.node }}") expect(job.strategy?.matrix?.node, `${file} ${name}`).toEqual([24, 20]);
          else expect(version, `${file} ${name}`).toBe("24");
        }
      }
    }
  });

  it("runs only npm scripts that exist", () => {
    for (const file of files) {
      for (const job of Object.values(load(file).jobs)) {
        for (const step of job.steps) {
          for (const m of (step.run ?? "").matchAll(/npm run (?:--silent )?([\w:-]+)/g)) expect(scripts, `${file}: ${m[0]}`).toContain(m[1]);
        }
      }
    }
  });

  it("pull requests: offline review of the deployed stack, then the real preview saved, gated and posted as the comment", () => {
    const wf = load("pull-request.yml") as Workflow & { env: Record<string, string> };
    expect(Object.keys(wf.on)).toEqual(["pull_request"]);
    expect(wf.env.STACK).toBe("${{ vars.PULUMI_STACK || 'dev' }}");
    const offline = wf.jobs.offline!.steps;
    expect(offline.map((s) => s.run).filter(Boolean)).toEqual(
      expect.arrayContaining(["npm ci", "npm run typecheck", "npm run lint", "npm test", expect.stringContaining('npm run --silent review -- --stack "${STACK##*/}"')]),
    );
    const preview = wf.jobs.preview!;
    expect(preview.permissions?.["id-token"]).toBe("write");
    expect(preview.steps.find((s) => s.uses?.startsWith("azure/login@"))?.with).toMatchObject({ "client-id": "${{ vars.AZURE_CLIENT_ID }}" });
    const runs = preview.steps.map((s) => s.run ?? "");
    const saved = runs.findIndex((r) => r.includes('pulumi preview --stack "$STACK" --policy-pack policies --json > preview.json'));
    const gated = runs.findIndex((r) => r.includes("npm run --silent review -- --preview-json preview.json --markdown backup-report.md"));
    const posted = preview.steps.findIndex((s) => s.uses?.startsWith("actions/github-script@") && String(s.with?.script).includes("backup-report.md"));
    expect([saved > 0, gated > saved, posted > gated]).toEqual([true, true, true]);
    expect(runs.at(-1)).toContain("exit 1");
    for (const job of Object.values(wf.jobs)) for (const r of job.steps.map((s) => s.run ?? "")) expect(r).not.toMatch(/--stack dev\b/);
  });

  it("main: previews the deployed stack as an update plan, gates that preview, and applies only that plan", () => {
    const wf = load("deploy.yml") as Workflow & { env: Record<string, string> };
    expect(wf.on).toHaveProperty("push", { branches: ["main"] });
    expect(wf.env.STACK).toBe("${{ vars.PULUMI_STACK || 'dev' }}");
    expect(wf.jobs.offline!.steps.map((s) => s.run)).toContain('npm run --silent review -- --stack "${STACK##*/}"');
    expect(wf.jobs.deploy!.steps.map((s) => s.run).filter(Boolean).slice(-3)).toEqual([
      'pulumi preview --stack "$STACK" --policy-pack policies --save-plan update-plan.json --json > preview.json',
      "npm run --silent review -- --preview-json preview.json",
      'pulumi up --stack "$STACK" --policy-pack policies --plan update-plan.json --yes',
    ]);
  });
});
