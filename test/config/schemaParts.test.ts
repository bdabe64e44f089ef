import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  caseInsensitiveEnum,
  caseInsensitivelyUnique,
  flag,
  intInRange,
  numberField,
  patternString,
  requiredText,
  strictObject,
  tagsSchema,
  uniqueList,
} from "../../infra/config/schemaParts";

/** The messages a schema gives for an input, as `path: message`. */
function messages(schema: z.ZodType, input: unknown): string[] {
  const result = schema.safeParse(input, { reportInput: true });
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
}
const inObject = (schema: z.ZodType) => z.object({ v: schema });

describe("strictObject", () => {
  const schema = strictObject({ retention: z.number().optional(), schedule: z.number().optional() });

  it("names an unknown key with a near match, and several keys in the plural", () => {
    expect(messages(schema, { retension: 1 })).toEqual([': unknown key "retension" (did you mean "retention"?); allowed keys: retention, schedule']);
    expect(messages(schema, { a: 1, zzzzzz: 2 })).toEqual([': unknown keys "a", "zzzzzz"; allowed keys: retention, schedule']);
  });

  it("says a missing mapping is required and a wrong value is not a mapping", () => {
    expect(messages(inObject(schema), {})).toEqual(["v: is required"]);
    expect(messages(schema, [1])).toEqual([": must be a mapping with keys retention, schedule (got [1])"]);
    expect(schema.parse({ retention: 1 })).toEqual({ retention: 1 });
  });
});

describe("requiredText", () => {
  const schema = requiredText("a region");
  it("asks for the value, refuses other types and empty text", () => {
    expect(messages(inObject(schema), {})).toEqual(["v: is required: a region"]);
    expect(messages(schema, 5)).toEqual([": must be a region (got 5)"]);
    expect(messages(schema, "")).toEqual([": must be a region, not empty"]);
    expect(schema.parse("westeurope")).toBe("westeurope");
  });
});

describe("caseInsensitiveEnum", () => {
  const schema = caseInsensitiveEnum(["GeoRedundant", "ZoneRedundant"] as const);
  it("returns the API's spelling of any casing, ignoring surrounding spaces", () => {
    expect(schema.parse(" georedundant ")).toBe("GeoRedundant");
    expect(schema.parse("ZONEREDUNDANT")).toBe("ZoneRedundant");
  });
  it("lists the allowed values for a wrong or missing value", () => {
    expect(messages(schema, "Geo")).toEqual([': must be one of GeoRedundant, ZoneRedundant (got "Geo")']);
    expect(messages(schema, 3)).toEqual([": must be one of GeoRedundant, ZoneRedundant (got 3)"]);
    expect(messages(inObject(schema), {})).toEqual(["v: is required"]);
  });
});

describe("intInRange", () => {
  const days = intInRange({ min: 7, max: 9999 }, "days");
  it("accepts both bounds and rejects beyond them or fractions, stating both bounds and the unit", () => {
    expect(days.parse(7)).toBe(7);
    expect(days.parse(9999)).toBe(9999);
    expect(messages(days, 6)).toEqual([": must be a whole number from 7 to 9999 days (got 6)"]);
    expect(messages(days, 10000)).toEqual([": must be a whole number from 7 to 9999 days (got 10000)"]);
    expect(messages(days, 7.5)).toEqual([": must be a whole number from 7 to 9999 days (got 7.5)"]);
    expect(messages(days, "7")).toEqual([': must be a whole number from 7 to 9999 days (got "7")']);
    expect(messages(inObject(days), {})).toEqual(["v: is required"]);
  });
  it("has no unit unless given", () => {
    expect(messages(intInRange({ min: 0, max: 63 }), 64)).toEqual([": must be a whole number from 0 to 63 (got 64)"]);
  });
});

describe("flag", () => {
  it("reads booleans and Pulumi's config strings, and nothing else", () => {
    expect(flag().parse(true)).toBe(true);
    expect(flag().parse("true")).toBe(true);
    expect(flag().parse("false")).toBe(false);
    expect(messages(flag(), "yes")).toEqual([': must be true or false (got "yes")']);
    expect(messages(inObject(flag()), {})).toEqual(["v: is required"]);
  });
});

describe("patternString", () => {
  const schema = patternString(/^rsv-/, "must start with rsv-");
  it("says what the pattern means, quoting the value", () => {
    expect(schema.parse("rsv-a")).toBe("rsv-a");
    expect(messages(schema, "vault")).toEqual([': must start with rsv- (got "vault")']);
    expect(messages(schema, 1)).toEqual([": must start with rsv- (got 1)"]);
    expect(messages(inObject(schema), {})).toEqual(["v: is required"]);
  });
});

describe("uniqueList", () => {
  const schema = uniqueList(z.string(), "days of the week");
  it("refuses repeats ignoring case, an empty list and a non-list", () => {
    expect(schema.parse(["Monday", "Tuesday"])).toEqual(["Monday", "Tuesday"]);
    expect(messages(schema, ["Monday", "monday", "Sunday", "MONDAY"])).toEqual([': lists "monday" more than once', ': lists "MONDAY" more than once']);
    expect(messages(schema, [])).toEqual([": must list at least one of days of the week"]);
    expect(messages(schema, "Monday")).toEqual([': must be a list of days of the week (got "Monday")']);
    expect(messages(inObject(schema), {})).toEqual(["v: is required"]);
  });
});

describe("numberField", () => {
  it("names the unit of a wrong value", () => {
    expect(messages(numberField("hours"), "4")).toEqual([': must be a number of hours (got "4")']);
    expect(messages(inObject(numberField("hours")), {})).toEqual(["v: is required"]);
  });
});

describe("tagsSchema", () => {
  it("accepts up to 50 tags at Azure's length limits", () => {
    const tags = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`t${i}`, "v"]));
    expect(tagsSchema().parse(tags)).toEqual(tags);
    expect(messages(tagsSchema(), { ["n".repeat(512)]: "v".repeat(256) })).toEqual([]);
  });

  it("names each broken rule", () => {
    const tooMany = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`t${i}`, "v"]));
    expect(messages(tagsSchema(), tooMany)).toEqual([": has 51 tags; Azure allows at most 50 per resource"]);
    expect(messages(tagsSchema(), { "": "v" })).toEqual([": tag names must not be empty"]);
    expect(messages(tagsSchema(), { ["n".repeat(513)]: "v" })).toEqual([`${"n".repeat(513)}: tag names must be at most 512 characters (got 513)`]);
    expect(messages(tagsSchema(), { "a/b": "v" })).toEqual(['a/b: tag names must not contain any of <>%&\\?/ (got "a/b")']);
    expect(messages(tagsSchema(), { a: "v".repeat(257) })).toEqual(["a: tag values must be at most 256 characters (got 257)"]);
    expect(messages(tagsSchema(), { a: 1 })).toEqual(["a: tag values must be strings (got 1)"]);
    expect(messages(tagsSchema(), ["a"])).toEqual([': must be a mapping of tag name to value (got ["a"])']);
    expect(messages(inObject(tagsSchema()), {})).toEqual(["v: is required"]);
  });
});

describe("caseInsensitivelyUnique", () => {
  const schema = z.record(z.string(), z.unknown()).superRefine(caseInsensitivelyUnique("policy names", "one Azure policy"));
  it("names both keys that differ only in case", () => {
    expect(messages(schema, { Daily: 1, weekly: 2, daily: 3 })).toEqual(['daily: policy names must differ in more than case: "daily" and "Daily" (one Azure policy)']);
    expect(messages(schema, { daily: 1, weekly: 2 })).toEqual([]);
  });
});
