import { parse } from "yaml";
import { z } from "zod";
import { ConfigError } from "../../config/configError";
import { zodIssues } from "../../config/zodIssues";
import { FileInputError, readInputFile } from "../engine/fileInput";
import type { DestructiveChange } from "./destructiveChanges";

/**
 * Deliberate destructive changes, acknowledged in a file committed to the repository so that the
 * acknowledgement goes through the same pull request as the change it lets through.
 */
export const DEFAULT_ACKNOWLEDGEMENTS_FILE = "review-acknowledgements.yaml";

export interface Acknowledgement {
  /** The resource's URN, or its logical name (the URN's last part). */
  readonly resource: string;
  readonly reason: string;
}

const fileSchema = z.strictObject(
  {
    acknowledgements: z.array(
      z.strictObject(
        {
          resource: z.string({ error: (i) => (i.input === undefined ? "is required: the resource's URN or logical name" : "must be a string: the resource's URN or logical name") }).min(1, "must not be empty"),
          reason: z.string({ error: (i) => (i.input === undefined ? "is required: why this destructive change is deliberate" : "must be a string") }).trim().min(10, "must say why the change is deliberate (at least 10 characters)"),
        },
        { error: (i) => (i.code === "unrecognized_keys" ? `unknown key ${i.keys.join(", ")}: allowed are resource and reason` : "must be an object with resource and reason") },
      ),
      { error: (i) => (i.input === undefined ? "is required: a list of { resource, reason }" : "must be a list of { resource, reason }") },
    ),
  },
  { error: (i) => (i.code === "unrecognized_keys" ? `unknown key ${i.keys.join(", ")}: the file holds only an acknowledgements list` : "must be an object with an acknowledgements list") },
);

/**
 * Reads and validates an acknowledgements file.
 * @throws FileInputError when it cannot be read or is not YAML; ConfigError naming each bad field by path.
 */
export function readAcknowledgements(file: string): Acknowledgement[] {
  const heading = `Invalid acknowledgements file ${file}`;
  const text = readInputFile(file, "the acknowledgements file");
  let raw: unknown;
  try {
    raw = parse(text, { maxAliasCount: 100 });
  } catch (err) {
    throw new FileInputError([{ path: "", message: `is not valid YAML: ${(err as Error).message.split("\n")[0]?.slice(0, 200)}` }], heading);
  }
  const parsed = fileSchema.safeParse(raw ?? {});
  if (!parsed.success) throw new ConfigError(zodIssues(parsed.error, ""), heading);
  return parsed.data.acknowledgements;
}

const matches = (a: Acknowledgement, change: DestructiveChange) => a.resource === change.urn || a.resource === change.logicalName;

export interface GateResult {
  readonly blocking: readonly DestructiveChange[];
  readonly acknowledged: ReadonlyArray<DestructiveChange & { readonly acknowledgement: string }>;
  /** Acknowledgements that matched no destructive change in this preview (stale, or a typo). */
  readonly unused: readonly Acknowledgement[];
}

/** Splits the changes into those acknowledged (with the reason) and those that fail the review. */
export function applyAcknowledgements(changes: readonly DestructiveChange[], acks: readonly Acknowledgement[]): GateResult {
  const blocking: DestructiveChange[] = [];
  const acknowledged: Array<DestructiveChange & { acknowledgement: string }> = [];
  for (const c of changes) {
    const ack = acks.find((a) => matches(a, c));
    if (ack) acknowledged.push({ ...c, acknowledgement: ack.reason });
    else blocking.push(c);
  }
  return { blocking, acknowledged, unused: acks.filter((a) => !changes.some((c) => matches(a, c))) };
}
