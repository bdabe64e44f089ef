import { z } from "zod";
import type { ConfigIssue } from "../../config/configError";
import { zodIssues } from "../../config/zodIssues";
import { FileInputError } from "../engine/fileInput";
import { DELETE_OPS, type PlanDocument } from "../views/planDocument";

/** A saved preview that cannot be reviewed: every problem by its JSON path (`steps[3].newState.type`). */
export class PreviewJsonError extends FileInputError {
  constructor(issues: readonly ConfigIssue[], source: string) {
    super(issues, `Invalid preview JSON ${source}`);
    this.name = "PreviewJsonError";
  }
}

const urns = z.array(z.string({ error: "must be a URN string" }), { error: "must be a list of URNs" });

// Only the fields the review reads are checked; `pulumi preview --json` carries many more, which pass through.
const stateSchema = z.looseObject({
  urn: z.string({ error: "must be the resource URN" }).optional(),
  type: z.string({ error: (i) => (i.input === undefined ? "is required: the resource type token" : "must be a resource type token string") }),
  custom: z.boolean({ error: "must be true or false" }).optional(),
  id: z.string({ error: "must be a string" }).optional(),
  parent: z.string({ error: "must be the parent's URN" }).optional(),
  protect: z.boolean({ error: "must be true or false" }).optional(),
  inputs: z.record(z.string(), z.unknown(), { error: "must be an object of input properties" }).optional(),
  outputs: z.record(z.string(), z.unknown(), { error: "must be an object of output properties" }).optional(),
  dependencies: urns.optional(),
  propertyDependencies: z.record(z.string(), urns, { error: "must map property names to lists of URNs" }).optional(),
});

const stepSchema = z
  .looseObject({
    op: z.string({ error: (i) => (i.input === undefined ? "is required: the step operation (create, update, same, ...)" : "must be a string") }),
    urn: z.string({ error: (i) => (i.input === undefined ? "is required: the resource URN" : "must be a string") }),
    newState: stateSchema.optional(),
    oldState: z.looseObject({}).optional(),
  })
  .superRefine((step, ctx) => {
    if (!DELETE_OPS.has(step.op) && !step.newState) ctx.addIssue({ code: "custom", path: ["newState"], message: `is required for a ${step.op} step: the resource's planned state` });
  });

const documentSchema = z.looseObject({
  steps: z.array(stepSchema, { error: (i) => (i.input === undefined ? 'is required: the preview\'s list of steps (run `pulumi preview --json` or `npm run --silent plan -- --json`)' : "must be a list of steps") }),
  changeSummary: z.record(z.string(), z.number()).optional(),
});

/**
 * Parses a saved `pulumi preview --json` document (from the real CLI or `plan --json`).
 * @throws PreviewJsonError listing every problem by JSON path.
 */
export function parsePreviewJson(text: string, source = "document"): PlanDocument {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new PreviewJsonError([{ path: "", message: `is not valid JSON: ${(err as Error).message}` }], source);
  }
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    throw new PreviewJsonError([{ path: "", message: "must be a JSON object with a steps list, as `pulumi preview --json` prints" }], source);
  }
  const parsed = documentSchema.safeParse(raw, { reportInput: true });
  if (!parsed.success) throw new PreviewJsonError(zodIssues(parsed.error, ""), source);
  return parsed.data as unknown as PlanDocument;
}
