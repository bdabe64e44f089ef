import { z } from "zod";
import { didYouMean } from "./didYouMean";
import { MAX_TAGS_PER_RESOURCE, MAX_TAG_NAME_LENGTH, MAX_TAG_VALUE_LENGTH, TAG_NAME_FORBIDDEN_CHARACTERS } from "../azure/azureLimits";
import { quote } from "./quote";

/**
 * Building blocks for the configuration schema. Each one carries the message users see, with the
 * allowed values, so no caller has to reword a zod default.
 */

/** A value as messages quote it: JSON, at most about 100 characters of it. */
const show = quote;

/** An object that rejects unknown keys, listing the allowed ones. */
export function strictObject<T extends z.ZodRawShape>(shape: T) {
  const allowed = Object.keys(shape).join(", ");
  return z.strictObject(shape, {
    error: (issue) => {
      if (issue.code === "unrecognized_keys") {
        const keys = issue.keys.map((k) => `${JSON.stringify(k)}${didYouMean(k, Object.keys(shape))}`).join(", ");
        return `unknown key${issue.keys.length > 1 ? "s" : ""} ${keys}; allowed keys: ${allowed}`;
      }
      if (issue.code === "invalid_type") {
        return issue.input === undefined ? "is required" : `must be a mapping with keys ${allowed} (got ${show(issue.input)})`;
      }
      return undefined;
    },
  });
}

/**
 * An enumeration matched case-insensitively and returned in the API's own spelling, as the
 * contract promises (`georedundant` -> `GeoRedundant`).
 */
export function caseInsensitiveEnum<const T extends readonly [string, ...string[]]>(values: T) {
  const byLower = new Map(values.map((v) => [v.toLowerCase(), v] as const));
  const message = (input: unknown) => `must be one of ${values.join(", ")} (got ${show(input)})`;
  return z
    .string({ error: (issue) => (issue.input === undefined ? "is required" : message(issue.input)) })
    .transform((input, ctx) => {
      const canonical = byLower.get(input.trim().toLowerCase());
      if (canonical === undefined) {
        ctx.addIssue({ code: "custom", message: message(input), input });
        return z.NEVER;
      }
      return canonical as T[number];
    });
}

/** A whole number in an inclusive range; the message always states both bounds. */
export function intInRange(range: { readonly min: number; readonly max: number }, unit = "") {
  const suffix = unit ? ` ${unit}` : "";
  const message = (input: unknown) => `must be a whole number from ${range.min} to ${range.max}${suffix} (got ${show(input)})`;
  return z
    .number({ error: (issue) => (issue.input === undefined ? "is required" : message(issue.input)) })
    .refine((n) => Number.isInteger(n) && n >= range.min && n <= range.max, { error: (issue) => message(issue.input) });
}

/** A boolean; YAML `true`/`false` arrive as booleans, but Pulumi config strings are accepted too. */
export function flag() {
  return z.preprocess(
    (v) => (v === "true" ? true : v === "false" ? false : v),
    z.boolean({ error: (issue) => (issue.input === undefined ? "is required" : `must be true or false (got ${show(issue.input)})`) }),
  );
}

/** A string matching a pattern, with a message saying what the pattern means. */
export function patternString(pattern: RegExp, description: string) {
  const message = (input: unknown) => `${description} (got ${show(input)})`;
  return z
    .string({ error: (issue) => (issue.input === undefined ? "is required" : message(issue.input)) })
    .refine((s) => pattern.test(s), { error: (issue) => message(issue.input) });
}

/** A list of enumeration values without repeats. */
export function uniqueList<T extends z.ZodTypeAny>(item: T, what: string) {
  return z
    .array(item, { error: (issue) => (issue.input === undefined ? "is required" : `must be a list of ${what} (got ${show(issue.input)})`) })
    .min(1, { error: `must list at least one of ${what}` })
    .superRefine((list, ctx) => {
      const seen = new Set<string>();
      for (const v of list) {
        const key = String(v).toLowerCase();
        if (seen.has(key)) ctx.addIssue({ code: "custom", message: `lists ${show(v)} more than once` });
        seen.add(key);
      }
    });
}

/** A number whose range depends on other fields (checked in model/*Rules.ts). */
export function numberField(what: string) {
  return z.number({ error: (issue) => (issue.input === undefined ? "is required" : `must be a number of ${what} (got ${show(issue.input)})`) });
}

/** A non-empty string, with the configuration's wording for a missing or wrong value. */
export function requiredText(what: string) {
  return z.string({ error: (issue) => (issue.input === undefined ? `is required: ${what}` : `must be ${what} (got ${show(issue.input)})`) }).min(1, { error: `must be ${what}, not empty` });
}

/** A mapping of tag name to value, with the configuration's wording. */

/**
 * Azure's tag limits on any resource: at most 50 tags, names up to 512 characters without
 * `<>%&\\?/`, values up to 256 characters.
 */
export function tagsSchema() {
  const forbidden = /[<>%&\\?/]/;
  return z
    .record(z.string(), z.string({ error: (issue) => `tag values must be strings (got ${show(issue.input)})` }), {
      error: (issue) => (issue.input === undefined ? "is required" : `must be a mapping of tag name to value (got ${show(issue.input)})`),
    })
    .superRefine((tags, ctx) => {
      const names = Object.keys(tags);
      if (names.length > MAX_TAGS_PER_RESOURCE) ctx.addIssue({ code: "custom", message: `has ${names.length} tags; Azure allows at most ${MAX_TAGS_PER_RESOURCE} per resource` });
      for (const name of names) {
        if (name.length === 0) ctx.addIssue({ code: "custom", path: [name], message: "tag names must not be empty" });
        if (name.length > MAX_TAG_NAME_LENGTH) ctx.addIssue({ code: "custom", path: [name], message: `tag names must be at most ${MAX_TAG_NAME_LENGTH} characters (got ${name.length})` });
        if (forbidden.test(name)) ctx.addIssue({ code: "custom", path: [name], message: `tag names must not contain any of ${TAG_NAME_FORBIDDEN_CHARACTERS} (got ${show(name)})` });
        const value = tags[name]!;
        if (value.length > MAX_TAG_VALUE_LENGTH) ctx.addIssue({ code: "custom", path: [name], message: `tag values must be at most ${MAX_TAG_VALUE_LENGTH} characters (got ${value.length})` });
      }
    });
}

/** Map keys that name one Azure resource each: two keys equal ignoring case would fight over one. */
export function caseInsensitivelyUnique(what: string, why: string) {
  return (map: Record<string, unknown>, ctx: z.RefinementCtx) => {
    const seen = new Map<string, string>();
    for (const key of Object.keys(map)) {
      const other = seen.get(key.toLowerCase());
      if (other !== undefined) ctx.addIssue({ code: "custom", path: [key], message: `${what} must differ in more than case: ${show(key)} and ${show(other)} (${why})` });
      else seen.set(key.toLowerCase(), key);
    }
  };
}
