import { describe, expect, it } from "vitest";
import { z } from "zod";
import { isUnder, parsePartially, withoutSetAside } from "../../infra/config/partialParse";

const schema = z.strictObject({
  name: z.string(),
  days: z.number().default(30),
  schedule: z.strictObject({ time: z.string(), weekDays: z.array(z.string()).optional() }).optional(),
  tags: z.array(z.string()).default([]),
});

describe("parsePartially", () => {
  it("returns a valid section whole, with nothing set aside", () => {
    expect(parsePartially(schema, { name: "a" }, "vault")).toEqual({ data: { name: "a", days: 30, tags: [] }, issues: [], setAside: [] });
  });

  it("sets a refused optional value aside so the rest is read, with the issues of the input as written", () => {
    const result = parsePartially(schema, { name: "a", days: "x", tags: ["ok", 5] }, "vaults.weu");
    expect(result.data).toEqual({ name: "a", days: 30, tags: [] });
    expect(result.issues.map((i) => i.path)).toEqual(["vaults.weu.days", "vaults.weu.tags[1]"]);
    expect(result.setAside).toEqual(["vaults.weu.days", "vaults.weu.tags"]);
  });

  it("sets an unknown key aside by its own path", () => {
    const result = parsePartially(schema, { name: "a", retension: 1, extra: 2 }, "vault");
    expect(result.data).toEqual({ name: "a", days: 30, tags: [] });
    expect(result.setAside).toEqual(["vault.retension", "vault.extra"]);
  });

  it("climbs to the parent of a missing required value, or uses a stand-in for it", () => {
    const raw = { name: "a", schedule: { weekDays: ["Monday"] } };
    const climbed = parsePartially(schema, raw, "policies.p");
    expect(climbed.data).toEqual({ name: "a", days: 30, tags: [] });
    expect(climbed.setAside).toEqual(["policies.p.schedule.time", "policies.p.schedule"]);
    const stood = parsePartially(schema, raw, "policies.p", { "schedule.time": "00:00" });
    expect(stood.data).toEqual({ name: "a", days: 30, tags: [], schedule: { time: "00:00", weekDays: ["Monday"] } });
    expect(stood.setAside).toEqual(["policies.p.schedule.time"]);
    expect(stood.issues.map((i) => i.path)).toEqual(["policies.p.schedule.time"]);
    // The caller's input is left as it was.
    expect(raw).toEqual({ name: "a", schedule: { weekDays: ["Monday"] } });
  });

  it("gives no data when a required top-level value is missing", () => {
    const result = parsePartially(schema, { days: 3 }, "vault");
    expect(result.data).toBeUndefined();
    expect(result.issues.map((i) => i.path)).toEqual(["vault.name"]);
    expect(result.setAside).toEqual(["vault.name"]);
  });

  it("gives no data for a value that is not a mapping", () => {
    expect(parsePartially(schema, "text", "vault")).toEqual({ issues: [expect.objectContaining({ path: "vault" })], setAside: [] });
  });
});

describe("isUnder and withoutSetAside", () => {
  it("matches a set-aside path, its keys and its list items, not its siblings", () => {
    expect(isUnder("vault.tags", ["vault.tags"])).toBe(true);
    expect(isUnder("vault.tags.owner", ["vault.tags"])).toBe(true);
    expect(isUnder("vault.tags[2]", ["vault.tags"])).toBe(true);
    expect(isUnder("vault.tagsExtra", ["vault.tags"])).toBe(false);
    expect(isUnder("vault.name", [])).toBe(false);
  });

  it("drops only the issues under set-aside paths", () => {
    const issues = [
      { path: "vault.tags.owner", message: "a" },
      { path: "vault.name", message: "b" },
    ];
    expect(withoutSetAside(issues, ["vault.tags"])).toEqual([{ path: "vault.name", message: "b" }]);
    const all = withoutSetAside(issues, []);
    expect(all).toEqual(issues);
    expect(all).not.toBe(issues);
  });
});
