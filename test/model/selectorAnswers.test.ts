import { describe, expect, it } from "vitest";
import { selectorSchema } from "../../infra/config/configSchema";
import { checkSelectorAnswers } from "../../infra/model/selectors";
import { vmId } from "../fixtures/stackConfig";

const selector = (over: Record<string, unknown> = {}) => selectorSchema.parse({ tags: { backup: "daily", env: "prod" }, policy: "daily", ...over });
const ADVICE =
  "without it the VMs this selector protects are unknown and would drop out of the plan. Offline, give an inventory (--inventory PATH or inventory/<stack>.yaml); at pulumi up, check the azure provider's login and read access";

describe("checkSelectorAnswers", () => {
  it("is an error for a selector without an answer, with the reason when there is one", () => {
    expect(checkSelectorAnswers([selector(), selector({ resourceGroups: ["rg-a", "rg-b"] })], [{ answered: false, reason: "no inventory" }])).toEqual({
      issues: [
        { path: "selectors[0]", message: `the tag look-up (tags backup=daily, env=prod in the whole subscription) has no answer: no inventory; ${ADVICE}` },
        { path: "selectors[1]", message: `the tag look-up (tags backup=daily, env=prod in rg-a, rg-b) has no answer; ${ADVICE}` },
      ],
      warnings: [],
    });
  });

  it("warns of a selector that matches no VM, and says nothing of one that matches", () => {
    const tagged = { id: vmId("rg-a", "vm-1"), tags: { Backup: "daily", env: "prod" } };
    expect(
      checkSelectorAnswers(
        [selector(), selector({ resourceGroups: ["rg-b"] }), selector({ tags: { backup: "weekly" }, policy: "weekly" })],
        [
          { answered: true, vms: [tagged] },
          { answered: true, vms: [tagged] },
          { answered: true, vms: [tagged] },
        ],
      ),
    ).toEqual({
      issues: [],
      warnings: [
        { path: "selectors[1]", message: "matches no VM (tags backup=daily, env=prod in rg-b); policy daily protects nothing through it" },
        { path: "selectors[2]", message: "matches no VM (tags backup=weekly in the whole subscription); policy weekly protects nothing through it" },
      ],
    });
  });

  it("is silent with no selectors", () => {
    expect(checkSelectorAnswers([], [])).toEqual({ issues: [], warnings: [] });
  });
});
