import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { ProgramError } from "../../infra/offline/engine/runProgram";
import { planStack } from "../../infra/offline/engine/planStack";
import { checkSelectorAnswers } from "../../infra/model/selectors";
import { ROOT } from "../support/runCommand";
import { devConfig, runConfig } from "../support/runConfig";
import { runProgram } from "../../infra/offline/engine/runProgram";

const ITEM = "azure-native:recoveryservices:ProtectedItem";
const gold = { tags: { backup: "gold" }, resourceGroups: ["rg-app-prod"], policy: "daily-standard" };

describe("selectors are resolved or the plan fails (issue 10, case 5)", () => {
  it("the dev stack read with --config-file and no inventory fails naming the selector, instead of planning 5 items of 7", async () => {
    const failure = await planStack({ configFile: path.join(ROOT, "Pulumi.dev.yaml") }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ProgramError);
    const message = (failure as ProgramError).message;
    expect(message).toContain("selectors[0]: the tag look-up (tags backup=gold in rg-app-prod) has no answer: no offline answer: the plan has no inventory");
    expect((failure as ProgramError).resources.filter((r) => r.custom)).toEqual([]);
  });

  it("with the inventory, the same stack protects all 7 VMs", async () => {
    const run = await runConfig(devConfig());
    expect(run.resources.filter((r) => r.type === ITEM)).toHaveLength(7);
  });

  it("a failed tag query at pulumi up is an error too: the run never plans without the selector's VMs", async () => {
    const failing = (token: string) => {
      if (token === "azure:core/getResources:getResources") throw new Error("AuthorizationFailed: the client has no read access\n(HTTP 403)");
      return {};
    };
    const failure = await runProgram({ config: devConfig(), invoke: failing }).catch((e: unknown) => e);
    expect((failure as Error).message).toContain("selectors[0]: the tag look-up (tags backup=gold in rg-app-prod) has no answer: AuthorizationFailed: the client has no read access;");
  });

  it("zero matches from an answered look-up is a warning naming the selector, not an error", () => {
    const result = checkSelectorAnswers([gold], [{ answered: true, vms: [] }]);
    expect(result.issues).toEqual([]);
    expect(result.warnings).toEqual([{ path: "selectors[0]", message: "matches no VM (tags backup=gold in rg-app-prod); policy daily-standard protects nothing through it" }]);
  });

  it("a VM the look-up returns outside the selector's resource groups does not count as a match", () => {
    const outside = { id: "/subscriptions/6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f/resourceGroups/rg-data-prod/providers/Microsoft.Compute/virtualMachines/vm-batch-01", tags: { backup: "gold" } };
    expect(checkSelectorAnswers([gold], [{ answered: true, vms: [outside] }]).warnings).toHaveLength(1);
  });
});
