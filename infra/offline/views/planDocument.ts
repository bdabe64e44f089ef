import type { RecordedResource } from "../engine/recordedResource";
import type { InGuestChanges } from "../../model/inGuestChanges";
import type { DataView } from "./dataView";
import { maskSecretSettings } from "../../config/secretValue";

/** A step of `pulumi preview --json` (the fields this project and its users read). */
export interface PlanStep {
  readonly op: string;
  readonly urn: string;
  readonly provider?: string;
  readonly newState: {
    readonly urn: string;
    readonly type: string;
    readonly custom: boolean;
    readonly id?: string;
    readonly parent?: string;
    readonly protect?: boolean;
    readonly retainOnDelete?: boolean;
    readonly provider?: string;
    readonly inputs: Record<string, unknown>;
    readonly dependencies?: readonly string[];
    readonly propertyDependencies?: Readonly<Record<string, readonly string[]>>;
  };
}

/** The document `plan --json` prints: shaped like `pulumi preview --json`. */
export interface PlanDocument {
  readonly config?: Record<string, string>;
  /** Not in `pulumi preview --json`: the plan's Data section (changes to existing backups, guards). */
  readonly data?: DataView;
  readonly steps: readonly PlanStep[];
  readonly changeSummary: Readonly<Record<string, number>>;
  /**
   * `plan --json` only (a Pulumi preview has no such field): what will change inside each protected
   * VM and when, keyed by the VM's resource ID. See docs/vm-side.md, "What changes inside the VM".
   */
  readonly inGuestChanges?: Readonly<Record<string, InGuestChanges>>;
}

export const SECRET_PLACEHOLDER = "[secret]";

function maskSecrets(inputs: Record<string, unknown>, secretPaths: readonly string[]): Record<string, unknown> {
  if (secretPaths.length === 0) return inputs;
  const copy = structuredClone(inputs);
  for (const path of secretPaths) {
    const parts = path.replace(/\[(\d+)\]/g, ".$1").split(".");
    let node: Record<string, unknown> = copy;
    for (const part of parts.slice(0, -1)) node = node[part] as Record<string, unknown>;
    node[parts.at(-1)!] = SECRET_PLACEHOLDER;
  }
  return copy;
}

/** Turns a recorded run into the preview document, in registration order, secrets masked. */
export function toPlanDocument(resources: readonly RecordedResource[], config?: Record<string, string>, secretKeys: readonly string[] = [], data?: DataView): PlanDocument {
  const steps: PlanStep[] = resources.map((r) => ({
    // `pulumi preview --json` shows an adopted resource as an import step carrying its Azure ID.
    op: r.importId ? "import" : "create",
    urn: r.urn,
    ...(r.provider && { provider: r.provider }),
    newState: {
      urn: r.urn,
      type: r.type,
      custom: r.custom,
      ...(r.importId && { id: r.importId }),
      ...(r.parent && { parent: r.parent }),
      ...(r.protect && { protect: true }),
      ...(r.retainOnDelete && { retainOnDelete: true }),
      inputs: maskSecrets(r.inputs, r.secretPaths),
      ...(r.dependencies.length > 0 && { dependencies: r.dependencies }),
      ...(Object.keys(r.propertyDependencies).length > 0 && { propertyDependencies: r.propertyDependencies }),
    },
  }));
  const maskedConfig = config
    ? Object.fromEntries(Object.entries(config).map(([k, v]) => [k, secretKeys.includes(k) ? SECRET_PLACEHOLDER : maskSecretSettings(v)]))
    : undefined;
  const changeSummary: Record<string, number> = { create: 0 };
  for (const step of steps) changeSummary[step.op] = (changeSummary[step.op] ?? 0) + 1;
  return { ...(maskedConfig && { config: maskedConfig }), ...(data && { data }), steps, changeSummary };
}

/** A URN's last segment: the resource's logical name. */
export const nameOfUrn = (urn: string): string => urn.split("::").pop() ?? urn;

/** Step operations after which the resource is gone (a replacement's old half included). */
export const DELETE_OPS: ReadonlySet<string> = new Set(["delete", "delete-replaced", "discard", "discard-replaced", "remove-pending-replace"]);

/** The state each resource ends in: the last non-delete step per URN (a replace has several steps). */
export function finalSteps(doc: PlanDocument): Array<PlanStep & { newState: PlanStep["newState"] }> {
  const byUrn = new Map<string, PlanStep & { newState: PlanStep["newState"] }>();
  for (const step of doc.steps) {
    if (!DELETE_OPS.has(step.op) && step.newState) byUrn.set(step.urn, step);
  }
  return [...byUrn.values()];
}

/**
 * The recorded resources a preview document describes, so the estate view and reports read a
 * saved `pulumi preview --json` like an offline run.
 */
export function recordedResourcesFromPlan(doc: PlanDocument): RecordedResource[] {
  return finalSteps(doc).map((step) => {
    const s = step.newState;
    return {
      urn: step.urn,
      type: s.type,
      name: nameOfUrn(step.urn),
      custom: s.custom ?? true,
      parent: s.parent,
      id: s.id,
      inputs: s.inputs ?? {},
      secretPaths: [],
      protect: s.protect === true,
      retainOnDelete: s.retainOnDelete === true,
      deleteBeforeReplace: false,
      ignoreChanges: [],
      replaceOnChanges: [],
      dependencies: s.dependencies ?? [],
      propertyDependencies: s.propertyDependencies ?? {},
      provider: s.provider,
      aliasCount: 0,
      ...(step.op === "import" && s.id && { importId: s.id }),
    };
  });
}
