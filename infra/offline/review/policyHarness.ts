import type {
  EnforcementLevel,
  Policies,
  Policy,
  PolicyResource,
  PolicyResourceOptions,
  ReportViolation,
  ResourceValidationArgs,
  ResourceValidationPolicy,
  Severity,
  StackValidationPolicy,
} from "@pulumi/policy";
import type { PolicyConfigMap } from "./policyConfig";
import { finalSteps, nameOfUrn, type PlanDocument } from "../views/planDocument";
import { unwrapSecrets, type RecordedResource } from "../engine/recordedResource";

// Runtime exports of @pulumi/policy that its typings mark @internal: the engine-side helpers the
// real analyzer server uses, so the harness checks unknowns and resource types exactly as it does.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const runtime = require("@pulumi/policy") as {
  unknownCheckingProxy<T extends object>(value: T): T;
  UnknownValueError: new (...args: never[]) => Error;
  isResourcePolicy(p: Policy): p is ResourceValidationPolicy;
  isStackPolicy(p: Policy): p is StackValidationPolicy;
  getPulumiType(obj: unknown): string | undefined;
};

/**
 * One resource as the Pulumi engine hands it to a policy pack: `props` are the inputs (what
 * `Analyze` gets), `outputs` what `AnalyzeStack` gets. Built from a recorded offline run or from a
 * `pulumi preview --json` document, secrets unwrapped.
 */
export interface ReviewResource {
  readonly urn: string;
  readonly type: string;
  readonly name: string;
  readonly props: Record<string, unknown>;
  readonly outputs: Record<string, unknown>;
  readonly opts: PolicyResourceOptions;
  readonly parent?: string;
  readonly dependencies: readonly string[];
  readonly propertyDependencies: Readonly<Record<string, readonly string[]>>;
}

export interface Violation {
  readonly policyName: string;
  readonly enforcementLevel: "advisory" | "mandatory";
  readonly severity?: Severity;
  /** The resource the violation is about; absent for a stack-wide finding. */
  readonly urn?: string;
  readonly description: string;
  /** What the policy reported (the engine prints `description` then this line). */
  readonly message: string;
}

export interface NotApplicable {
  readonly policyName: string;
  readonly urn?: string;
  readonly reason?: string;
}

/** How one policy fared over the whole plan. */
export interface PolicyEvaluation {
  readonly policyName: string;
  readonly kind: "resource" | "stack";
  readonly enforcementLevel: EnforcementLevel;
  /** Resources (or 1 for the stack) the policy ran on without declaring itself not applicable. */
  readonly checked: number;
  readonly violations: number;
}

export interface ReviewResult {
  readonly packName: string;
  readonly packVersion: string;
  readonly resources: number;
  readonly evaluations: readonly PolicyEvaluation[];
  readonly violations: readonly Violation[];
  readonly notApplicable: readonly NotApplicable[];
}

export interface ReviewOptions {
  readonly packName: string;
  readonly packVersion: string;
  readonly policies: Policies;
  /** Reconciled configuration (see policyConfig.reconcilePolicyConfig); none means code defaults. */
  readonly config?: PolicyConfigMap;
  readonly stackTags?: ReadonlyMap<string, string>;
}

/** Thrown by `args.notApplicable()`: counted, never reported (the engine's NotApplicableError). */
class NotApplicableError extends Error {
  constructor(readonly reason?: string) {
    super(reason ?? "Policy does not apply");
  }
}

function throwNotApplicable(reason?: string): never {
  throw new NotApplicableError(reason);
}

/** Errors from the policy code itself: the engine fails the preview with the same wording. */
export class PolicyRunError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PolicyRunError";
  }
}

const PROVIDER_TYPE = /^pulumi:providers:/;

function isTypeOf(type: string, resourceClass: unknown): boolean {
  const pulumiType = runtime.getPulumiType(resourceClass);
  if (pulumiType) return type === pulumiType;
  const isInstance = (resourceClass as { isInstance?: (o: unknown) => boolean }).isInstance;
  return typeof isInstance === "function" && isInstance({ __pulumiType: type }) === true;
}

function optionsOf(r: RecordedResource): PolicyResourceOptions {
  return {
    protect: r.protect,
    ignoreChanges: [...r.ignoreChanges],
    aliases: [],
    customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 },
    additionalSecretOutputs: [],
    ...(r.deleteBeforeReplace && { deleteBeforeReplace: true }),
    ...(r.parent && { parent: r.parent }),
  };
}

/** The review input of a recorded offline run. Outputs are what the mock engine answered: inputs plus the ARM ID. */
export function reviewResourcesFromRun(resources: readonly RecordedResource[]): ReviewResource[] {
  return resources.map((r) => ({
    urn: r.urn,
    type: r.type,
    name: r.name,
    props: r.inputs,
    outputs: { ...r.inputs, ...(r.id && { id: r.id }) },
    opts: optionsOf(r),
    parent: r.parent,
    dependencies: r.dependencies,
    propertyDependencies: r.propertyDependencies,
  }));
}

/**
 * The review input of a `pulumi preview --json` document: the final state of every resource the
 * preview keeps (the last non-delete step per URN). Outputs are used when the document has them.
 */
export function reviewResourcesFromPlan(doc: PlanDocument): ReviewResource[] {
  return finalSteps(doc).map((step) => {
    const s = step.newState as PlanDocumentState;
    const inputs = unwrapSecrets(s.inputs ?? {}) as Record<string, unknown>;
    const outputs = s.outputs && Object.keys(s.outputs).length > 0 ? (unwrapSecrets(s.outputs) as Record<string, unknown>) : { ...inputs, ...(s.id && { id: s.id }) };
    return {
      urn: step.urn,
      type: s.type,
      name: nameOfUrn(step.urn),
      props: inputs,
      outputs,
      opts: {
        protect: s.protect === true,
        ignoreChanges: [...(s.ignoreChanges ?? [])],
        aliases: [],
        customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 },
        additionalSecretOutputs: [...(s.additionalSecretOutputs ?? [])],
        ...(s.deleteBeforeReplace !== undefined && { deleteBeforeReplace: s.deleteBeforeReplace }),
        ...(s.parent && { parent: s.parent }),
      },
      parent: s.parent,
      dependencies: s.dependencies ?? [],
      propertyDependencies: s.propertyDependencies ?? {},
    };
  });
}

interface PlanDocumentState {
  readonly type: string;
  readonly id?: string;
  readonly inputs?: Record<string, unknown>;
  readonly outputs?: Record<string, unknown>;
  readonly parent?: string;
  readonly protect?: boolean;
  readonly ignoreChanges?: readonly string[];
  readonly additionalSecretOutputs?: readonly string[];
  readonly deleteBeforeReplace?: boolean;
  readonly dependencies?: readonly string[];
  readonly propertyDependencies?: Readonly<Record<string, readonly string[]>>;
}

/** Deep copy so a policy that mutates its props cannot leak into the next one (the engine deserializes per call). */
const fresh = <T>(value: T): T => structuredClone(value);

/**
 * Evaluates the pack's policies on a plan exactly as the Pulumi engine and @pulumi/policy's analyzer
 * server would (server.js `analyze` and `analyzeStack`): the same enforcement-level resolution,
 * type fast path, unknown-value proxy, `notApplicable` sentinel and violation wording. Resource
 * policies see every non-provider resource's inputs; stack policies see all resources' outputs,
 * with parent and dependencies resolved to resource objects.
 * @throws PolicyRunError when a policy itself throws (the engine fails the preview).
 */
export async function reviewPlan(resources: readonly ReviewResource[], options: ReviewOptions): Promise<ReviewResult> {
  const { packName, packVersion, policies } = options;
  const stackTags = options.stackTags ?? new Map<string, string>();
  const violations: Violation[] = [];
  const notApplicable: NotApplicable[] = [];
  const checked = new Map<string, number>();
  const levelOf = (p: Policy): EnforcementLevel => options.config?.[p.name]?.enforcementLevel ?? p.enforcementLevel ?? "advisory";
  const getConfigFor = (p: Policy) => <T extends object>() => ({ ...(options.config?.[p.name]?.properties ?? {}) }) as T;
  const from = (p: Policy) => `policy '${p.name}' from policy pack '${packName}@v${packVersion}'`;
  const reporter = (p: Policy, level: "advisory" | "mandatory", defaultUrn?: string): ReportViolation => (message, urn) => {
    if (typeof message === "object") throw new PolicyRunError(`${from(p)} reported a structured violation, which this pack does not use`);
    violations.push({ policyName: p.name, enforcementLevel: level, severity: p.severity, urn: defaultUrn ?? urn, description: p.description, message: message ?? "" });
  };

  for (const r of resources) {
    if (PROVIDER_TYPE.test(r.type)) continue;
    for (const p of policies) {
      let level = levelOf(p);
      if (level === "disabled" || !runtime.isResourcePolicy(p)) continue;
      if (!p.validateResource) {
        notApplicable.push({ policyName: p.name, urn: r.urn, reason: "Policy does not implement validateResource" });
        continue;
      }
      if (level === "remediate") level = "mandatory";
      const validations = Array.isArray(p.validateResource) ? p.validateResource : [p.validateResource];
      if (!Array.isArray(p.validateResource)) {
        const pulumiType = runtime.getPulumiType(p.validateResource);
        if (pulumiType && pulumiType !== r.type) {
          notApplicable.push({ policyName: p.name, urn: r.urn, reason: `Policy only applies to resources of type '${pulumiType}'` });
          continue;
        }
      }
      let ran = false;
      for (const validation of validations) {
        const props = runtime.unknownCheckingProxy(fresh(r.props));
        const args: ResourceValidationArgs = {
          type: r.type,
          props,
          urn: r.urn,
          name: r.name,
          opts: r.opts,
          stackTags,
          isType: (cls) => isTypeOf(r.type, cls),
          asType: ((cls: unknown) => (isTypeOf(r.type, cls) ? props : undefined)) as ResourceValidationArgs["asType"],
          getConfig: getConfigFor(p),
          notApplicable: throwNotApplicable,
        };
        try {
          await validation(args, reporter(p, level, r.urn));
          ran = true;
        } catch (e) {
          if (e instanceof runtime.UnknownValueError) {
            violations.push({ policyName: p.name, enforcementLevel: "advisory", severity: p.severity, urn: r.urn, description: p.description, message: `can't run ${from(p)} during preview: ${e.message}` });
            ran = true;
          } else if (e instanceof NotApplicableError) {
            notApplicable.push({ policyName: p.name, urn: r.urn, reason: e.reason });
          } else {
            throw new PolicyRunError(`Error validating resource ${r.urn} with ${from(p)}: ${e instanceof Error ? e.message : String(e)}`);
          }
        }
      }
      if (ran) checked.set(p.name, (checked.get(p.name) ?? 0) + 1);
    }
  }

  for (const p of policies) {
    let level = levelOf(p);
    if (level === "disabled" || !runtime.isStackPolicy(p)) continue;
    if (level === "remediate") level = "mandatory";
    const pulumiType = runtime.getPulumiType(p.validateStack);
    if (pulumiType && !resources.some((r) => r.type === pulumiType)) {
      notApplicable.push({ policyName: p.name, reason: `Policy only applies to resources of type '${pulumiType}'` });
      continue;
    }
    const stackResources = toPolicyResources(resources);
    try {
      await p.validateStack({ resources: stackResources, getConfig: getConfigFor(p), stackTags, notApplicable: throwNotApplicable }, reporter(p, level));
      checked.set(p.name, 1);
    } catch (e) {
      if (e instanceof runtime.UnknownValueError) {
        violations.push({ policyName: p.name, enforcementLevel: "advisory", severity: p.severity, description: p.description, message: `can't run ${from(p)} during preview: ${e.message}` });
        checked.set(p.name, 1);
      } else if (e instanceof NotApplicableError) {
        notApplicable.push({ policyName: p.name, reason: e.reason });
      } else {
        throw new PolicyRunError(`Error validating stack with ${from(p)}: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
  }

  const evaluations: PolicyEvaluation[] = policies.map((p) => ({
    policyName: p.name,
    kind: runtime.isStackPolicy(p) ? "stack" : "resource",
    enforcementLevel: levelOf(p),
    checked: checked.get(p.name) ?? 0,
    violations: violations.filter((v) => v.policyName === p.name).length,
  }));
  return { packName, packVersion, resources: resources.length, evaluations, violations: sortViolations(violations), notApplicable };
}

/** Stack policy resources: outputs behind the unknown-value proxy, references resolved to objects. */
function toPolicyResources(resources: readonly ReviewResource[]): PolicyResource[] {
  const byUrn = new Map<string, PolicyResource>();
  const out = resources.map((r) => {
    const props = runtime.unknownCheckingProxy(fresh(r.outputs));
    const resource: PolicyResource = {
      type: r.type,
      props,
      urn: r.urn,
      name: r.name,
      opts: r.opts,
      dependencies: [],
      propertyDependencies: {},
      isType: (cls) => isTypeOf(r.type, cls),
      asType: ((cls: unknown) => (isTypeOf(r.type, cls) ? props : undefined)) as PolicyResource["asType"],
    };
    byUrn.set(r.urn, resource);
    return resource;
  });
  resources.forEach((r, i) => {
    const resource = out[i]!;
    if (r.parent && byUrn.has(r.parent)) resource.parent = byUrn.get(r.parent);
    resource.dependencies = r.dependencies.map((d) => byUrn.get(d)).filter((d): d is PolicyResource => d !== undefined);
    for (const [key, urns] of Object.entries(r.propertyDependencies)) {
      resource.propertyDependencies[key] = urns.map((d) => byUrn.get(d)).filter((d): d is PolicyResource => d !== undefined);
    }
  });
  return out;
}

/** Deterministic order: mandatory first, then by resource and policy. */
function sortViolations(violations: readonly Violation[]): Violation[] {
  const rank = (v: Violation) => (v.enforcementLevel === "mandatory" ? 0 : 1);
  return [...violations].sort(
    (a, b) => rank(a) - rank(b) || (a.urn ?? "").localeCompare(b.urn ?? "") || a.policyName.localeCompare(b.policyName) || a.message.localeCompare(b.message),
  );
}

/** True when the review must fail the change (docs/policy-reviews.md: exit 2). */
export function hasMandatoryViolation(result: Pick<ReviewResult, "violations">): boolean {
  return result.violations.some((v) => v.enforcementLevel === "mandatory");
}
