import * as fs from "node:fs";
import * as path from "node:path";
import * as grpc from "@grpc/grpc-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reconcilePolicyConfig, type PolicyConfigMap } from "../../infra/offline/review/policyConfig";
import { reviewPlan, reviewResourcesFromPlan, reviewResourcesFromRun, type ReviewResource } from "../../infra/offline/review/policyHarness";
import { loadPolicyPack, POLICY_PACK_DIR } from "../../infra/offline/review/policyPack";
import { parsePreviewJson } from "../../infra/offline/review/previewJson";
import { planStack } from "../../infra/offline/engine/planStack";
import { classicStackScenario, nativeStackScenario } from "../fixtures/reviewFixtures";
import { callRpc, startPlugin, type PluginProcess } from "../support/pluginProcess";

/*
 * Proves that the offline harness (infra/offline/policyHarness.ts) and the real PolicyPack agree.
 * The pack is started exactly as `pulumi preview --policy-pack policies` starts it: @pulumi/pulumi's
 * run-policy-pack loads `policies/` (package.json main: index.ts) in its own process, cwd policies/,
 * and the pack prints the port of its gRPC analyzer server. The test then
 * plays the engine over loopback with the analyzer protocol shipped in @pulumi/pulumi/proto:
 * GetAnalyzerInfo, Configure (the reconciled --policy-pack-config), Analyze per resource (inputs,
 * secrets as Pulumi secret envelopes) and AnalyzeStack (outputs, parent, dependencies), and compares
 * every diagnostic and not-applicable verdict with the harness's on the same plans.
 */

/* eslint-disable @typescript-eslint/no-require-imports, @typescript-eslint/no-explicit-any */
const analyzerRpc = require("@pulumi/pulumi/proto/analyzer_grpc_pb") as any;
const proto = require("@pulumi/pulumi/proto/analyzer_pb") as any;
const { Struct } = require("google-protobuf/google/protobuf/struct_pb") as any;
const { Empty } = require("google-protobuf/google/protobuf/empty_pb") as any;
/* eslint-enable @typescript-eslint/no-require-imports */

const SECRET_SIG_KEY = "4dabf18193072939515e22adb298388d";
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
const LEVELS: Record<number, string> = { [proto.EnforcementLevel.ADVISORY]: "advisory", [proto.EnforcementLevel.MANDATORY]: "mandatory", [proto.EnforcementLevel.DISABLED]: "disabled", [proto.EnforcementLevel.REMEDIATE]: "remediate" };
const toLevel: Record<string, number> = Object.fromEntries(Object.entries(LEVELS).map(([k, v]) => [v, Number(k)]));

/** Values the engine sends as secrets, so both sides must unwrap them the same way. */
const SECRET_PATHS: Record<string, string[]> = {
  "azure-native:recoveryservices:Vault": ["properties", "publicNetworkAccess"],
  "azure:recoveryservices/vault:Vault": ["encryption", "keyId"],
};

function asEngineSends(type: string, props: Record<string, unknown>): Record<string, unknown> {
  const copy = JSON.parse(JSON.stringify(props)) as Record<string, any>;
  const secretPath = SECRET_PATHS[type];
  if (secretPath) {
    let node = copy;
    for (const key of secretPath.slice(0, -1)) node = node?.[key];
    const last = secretPath.at(-1)!;
    if (node && node[last] !== undefined) node[last] = { [SECRET_SIG_KEY]: SECRET_SIG, value: node[last] };
  }
  return copy;
}

function options(r: ReviewResource) {
  const o = new proto.AnalyzerResourceOptions();
  o.setProtect(r.opts.protect);
  o.setIgnorechangesList(r.opts.ignoreChanges);
  o.setAliasesList(r.opts.aliases);
  o.setAdditionalsecretoutputsList(r.opts.additionalSecretOutputs);
  if (r.opts.deleteBeforeReplace !== undefined) {
    o.setDeletebeforereplacedefined(true);
    o.setDeletebeforereplace(r.opts.deleteBeforeReplace);
  }
  if (r.opts.parent) o.setParent(r.opts.parent);
  return o;
}

interface Verdict {
  policyName: string;
  level: string;
  urn: string;
  message: string;
}

const call = <T,>(c: any, method: string, request: unknown) => callRpc<T>(c, method, request);

let client: any;

let plugin: PluginProcess;

beforeAll(async () => {
  // Exactly what the CLI's pulumi-analyzer-policy plugin runs: @pulumi/pulumi's run-policy-pack, in the pack
  // directory, with the engine address and the pack path (it compiles the TypeScript with ts-node, type-checked).
  plugin = await startPlugin([require.resolve("@pulumi/pulumi/cmd/run-policy-pack"), "127.0.0.1:0", POLICY_PACK_DIR], POLICY_PACK_DIR);
  client = new analyzerRpc.AnalyzerClient(`127.0.0.1:${plugin.port}`, grpc.credentials.createInsecure());
}, 300_000);

afterAll(() => {
  client?.close();
  plugin?.stop();
});

async function configure(config: PolicyConfigMap) {
  const req = new proto.ConfigureAnalyzerRequest();
  for (const [name, c] of Object.entries(config)) {
    const pc = new proto.PolicyConfig();
    pc.setEnforcementlevel(toLevel[c.enforcementLevel]);
    pc.setProperties(Struct.fromJavaScript(JSON.parse(JSON.stringify(c.properties))));
    req.getPolicyconfigMap().set(name, pc);
  }
  await call(client, "configure", req);
}

/** What the real pack says about a plan: every diagnostic and every not-applicable verdict. */
async function askPack(resources: readonly ReviewResource[]): Promise<{ verdicts: Verdict[]; notApplicable: string[] }> {
  const verdicts: Verdict[] = [];
  const notApplicable: string[] = [];
  for (const r of resources) {
    if (r.type.startsWith("pulumi:providers:")) continue;
    const req = new proto.AnalyzeRequest();
    req.setType(r.type);
    req.setUrn(r.urn);
    req.setName(r.name);
    req.setProperties(Struct.fromJavaScript(asEngineSends(r.type, r.props)));
    req.setOptions(options(r));
    const resp = await call<any>(client, "analyze", req);
    for (const d of resp.getDiagnosticsList()) verdicts.push({ policyName: d.getPolicyname(), level: LEVELS[d.getEnforcementlevel()]!, urn: d.getUrn() || r.urn, message: d.getMessage() });
    for (const n of resp.getNotApplicableList()) notApplicable.push(`${n.getPolicyName()} ${r.urn} ${n.getReason()}`);
  }
  const stackReq = new proto.AnalyzeStackRequest();
  stackReq.setResourcesList(
    resources.map((r) => {
      const ar = new proto.AnalyzerResource();
      ar.setType(r.type);
      ar.setUrn(r.urn);
      ar.setName(r.name);
      ar.setProperties(Struct.fromJavaScript(asEngineSends(r.type, r.outputs)));
      ar.setOptions(options(r));
      if (r.parent) ar.setParent(r.parent);
      ar.setDependenciesList([...r.dependencies]);
      for (const [key, urns] of Object.entries(r.propertyDependencies)) {
        const deps = new proto.AnalyzerPropertyDependencies();
        deps.setUrnsList([...urns]);
        ar.getPropertydependenciesMap().set(key, deps);
      }
      return ar;
    }),
  );
  const stackResp = await call<any>(client, "analyzeStack", stackReq);
  for (const d of stackResp.getDiagnosticsList()) verdicts.push({ policyName: d.getPolicyname(), level: LEVELS[d.getEnforcementlevel()]!, urn: d.getUrn(), message: d.getMessage() });
  for (const n of stackResp.getNotApplicableList()) notApplicable.push(`${n.getPolicyName()}  ${n.getReason()}`);
  return { verdicts: sortVerdicts(verdicts), notApplicable: notApplicable.sort() };
}

const sortVerdicts = (v: Verdict[]) => v.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

/** The harness's verdicts in the engine's wording (description, then the reported line). */
async function askHarness(resources: readonly ReviewResource[], config: PolicyConfigMap) {
  const { name, version, policies } = loadPolicyPack();
  const result = await reviewPlan(resources, { packName: name, packVersion: version, policies, config });
  return {
    verdicts: sortVerdicts(
      result.violations.map((v) => ({
        policyName: v.policyName,
        level: v.enforcementLevel,
        urn: v.urn ?? "",
        message: v.message.startsWith("can't run ") ? v.message : `${v.description}\n${v.message}`,
      })),
    ),
    notApplicable: result.notApplicable.map((n) => `${n.policyName} ${n.urn ?? ""} ${n.reason ?? ""}`).sort(),
  };
}

const preview = (file: string) => reviewResourcesFromPlan(parsePreviewJson(fs.readFileSync(path.join(__dirname, "..", "fixtures", "previews", file), "utf8"), file));

describe("the real PolicyPack over gRPC and the offline harness", () => {
  it("serve the same pack: name, version, policies and enforcement levels", async () => {
    const info = await call<any>(client, "getAnalyzerInfo", new Empty());
    const { name, version, policies } = loadPolicyPack();
    expect(info.getName()).toBe(name);
    expect(info.getVersion()).toBe(version);
    expect(info.getPoliciesList().map((p: any) => [p.getName(), LEVELS[p.getEnforcementlevel()]])).toEqual(policies.map((p) => [p.name, p.enforcementLevel]));
  });

  it("agree on every verdict for the dev plan, bad previews of both families and both stack scenarios, with default and overridden configuration", async () => {
    const dev = await planStack({ stack: "dev" });
    const scenarios: Record<string, ReviewResource[]> = {
      dev: reviewResourcesFromRun(dev.resources),
      nativePreview: preview("public-vault-short-retention.native.json"),
      classicPreview: preview("public-vault-short-retention.classic.json"),
      nativeStack: nativeStackScenario(),
      classicStack: classicStackScenario(),
    };
    const { policies } = loadPolicyPack();
    const configs = {
      defaults: reconcilePolicyConfig(policies),
      overridden: reconcilePolicyConfig(policies, {
        all: "advisory",
        "recoveryservices-backuppolicy-configure-minimum-retention": { enforcementLevel: "mandatory", minimumDailyDays: 30, minimumYearlyYears: 10 },
        "recoveryservices-vault-enable-customer-managed-key": "disabled",
        "compute-virtualmachine-missing-backup": { exemptionTag: "no-backup" },
        "recoveryservices-vault-configure-maximum-items": { maximumItemsPerPolicy: 1 },
      }),
    };
    let compared = 0;
    for (const [configName, config] of Object.entries(configs)) {
      await configure(config);
      for (const [scenario, resources] of Object.entries(scenarios)) {
        const fromPack = await askPack(resources);
        const fromHarness = await askHarness(resources, config);
        expect({ scenario, configName, ...fromHarness }).toEqual({ scenario, configName, ...fromPack });
        compared += fromPack.verdicts.length;
      }
    }
    // Not a vacuous agreement: the scenarios produce verdicts of every kind.
    expect(compared).toBeGreaterThan(40);
  });
});
