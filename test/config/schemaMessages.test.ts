import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { policySchema, selectorSchema, stackSchema, vmSchema } from "../../infra/config/configSchema";
import { vaultsSchema } from "../../infra/config/vaultsSchema";
import { vmId } from "../fixtures/stackConfig";

function messages(schema: z.ZodType, input: unknown): string[] {
  const result = schema.safeParse(input, { reportInput: true });
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
}

describe("the schema's own messages", () => {
  const monthly = (daysOfMonth: unknown[]) => ({
    schedule: { frequency: "Daily", time: "22:00" },
    retention: { daily: 30, monthly: { count: 12, daysOfMonth } },
  });

  it("reads days of the month 1-28 and Last in any case, and names anything else", () => {
    expect(policySchema.parse(monthly([1, 28, " LAST "])).retention.monthly?.daysOfMonth).toEqual([1, 28, "Last"]);
    const bad = (v: unknown) => `retention.monthly.daysOfMonth.0: must be a day of the month from 1 to 28 or Last (got ${JSON.stringify(v)})`;
    expect(messages(policySchema, monthly([0]))).toEqual([bad(0)]);
    expect(messages(policySchema, monthly([29]))).toEqual([bad(29)]);
    expect(messages(policySchema, monthly([1.5]))).toEqual([bad(1.5)]);
    expect(messages(policySchema, monthly(["1"]))).toEqual([bad("1")]);
    expect(messages(policySchema, monthly(["First"]))).toEqual([bad("First")]);
  });

  it("says a VM's or a selector's policy is required, or quotes what is not a name", () => {
    expect(messages(vmSchema, { id: vmId("rg", "vm") })).toEqual(["policy: is required"]);
    expect(messages(vmSchema, { id: vmId("rg", "vm"), policy: 3 })).toEqual(["policy: must be a policy name (got 3)"]);
    expect(messages(selectorSchema, { tags: { a: "b" } })).toEqual(["policy: is required"]);
    expect(messages(selectorSchema, { tags: { a: "b" }, policy: ["x"] })).toEqual(['policy: must be a policy name (got ["x"])']);
  });

  it("says policies are required as a mapping, and vaults too", () => {
    expect(messages(stackSchema, {})).toEqual(["policies: is required: a mapping of policy name to policy"]);
    expect(messages(stackSchema, { policies: [] })).toEqual(["policies: must be a mapping of policy name to policy"]);
    expect(messages(vaultsSchema, undefined)).toEqual([": is required"]);
    expect(messages(vaultsSchema, "rsv")).toEqual([": must be a mapping of vault key to vault settings"]);
  });
});
