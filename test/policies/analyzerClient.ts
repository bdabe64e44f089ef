import { spawn, type ChildProcess } from "node:child_process";
import * as grpc from "@grpc/grpc-js";
import type { PolicyConfigMap } from "../../infra/offline/review/policyConfig";
import { reviewPlan, type ReviewResource } from "../../infra/offline/review/policyHarness";
import { loadPolicyPack } from "../../infra/offline/review/policyPack";

/*
 * The engine's side of the analyzer protocol, over loopback, with the protocol shipped in
 * @pulumi/pulumi/proto: GetAnalyzerInfo, Configure (the reconciled --policy-pack-config), Analyze per
 * resource (inputs, secrets as Pulumi secret envelopes) and AnalyzeStack (outputs, parent,
 * dependencies). Used to prove the offline harness and a real PolicyPack process agree.
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

export interface Verdict {
  policyName: string;
  level: string;
  urn: string;
  message: string;
}

const call = <T,>(client: any, method: string, request: unknown) =>
  new Promise<T>((resolve, reject) => client[method](request, (err: Error | null, resp: T) => (err ? reject(err) : resolve(resp))));

// Only a backstop for a pack that hangs without exiting: compiling the pack with type checks takes seconds on
// a quiet machine and much longer on a loaded one, and a slow machine is not a failure.
export const PACK_START_TIMEOUT_MS = 600_000;

/** A running policy pack and a gRPC client playing the engine against it. */
export interface ServedPack {
  readonly client: any;
  readonly process: ChildProcess;
  close(): void;
}

/**
 * Starts a pack exactly as the CLI's pulumi-analyzer-policy plugin does: `run-policy-pack` (from the given
 * @pulumi/pulumi) in the pack directory, with the engine address and the pack path; TypeScript packs are
 * compiled with ts-node (type-checked). Resolves once the pack prints its port.
 */
export async function servePack(packDir: string, runPolicyPack = require.resolve("@pulumi/pulumi/cmd/run-policy-pack")): Promise<ServedPack> {
  const child = spawn(process.execPath, [runPolicyPack, "127.0.0.1:0", packDir], { cwd: packDir, stdio: ["ignore", "pipe", "pipe"] });
  const port = await new Promise<number>((resolve, reject) => {
    let out = "";
    let err = "";
    const timer = setTimeout(() => reject(new Error(`policy pack did not print its port: ${err}`)), PACK_START_TIMEOUT_MS);
    child.stdout!.on("data", (d: Buffer) => {
      out += d.toString();
      const m = /^(\d+)\s*$/m.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    child.stderr!.on("data", (d: Buffer) => (err += d.toString()));
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`policy pack exited with ${code}: ${err}`));
    });
  });
  const client = new analyzerRpc.AnalyzerClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
  return {
    client,
    process: child,
    close() {
      client.close();
      if (child.exitCode === null) child.kill();
    },
  };
}

/** The analyzer's name, version and policies with their levels. */
export async function analyzerInfo(client: any): Promise<{ name: string; version: string; policies: Array<[string, string]> }> {
  const info = await call<any>(client, "getAnalyzerInfo", new Empty());
  return { name: info.getName(), version: info.getVersion(), policies: info.getPoliciesList().map((p: any) => [p.getName(), LEVELS[p.getEnforcementlevel()]]) };
}

export async function configure(client: any, config: PolicyConfigMap) {
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
export async function askPack(client: any, resources: readonly ReviewResource[]): Promise<{ verdicts: Verdict[]; notApplicable: string[] }> {
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
export async function askHarness(resources: readonly ReviewResource[], config: PolicyConfigMap) {
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

