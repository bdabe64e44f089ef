import { describe, expect, it } from "vitest";
import * as pulumi from "@pulumi/pulumi";
import { ProgramError, runProgram } from "../../../infra/offline/engine/runProgram";
import { toPlanDocument } from "../../../infra/offline/views/planDocument";
import { baseFixture, toRaw } from "../../fixtures/stackConfig";
import { runFixture } from "../../support/runConfig";

class Thing extends pulumi.CustomResource {
  constructor(name: string, props: pulumi.Inputs) {
    super("test:index:Thing", name, props);
  }
}

describe("runProgram", () => {
  it("plans the same resources, names and inputs twice in a row", async () => {
    const first = await runFixture(baseFixture());
    const second = await runFixture(baseFixture());
    const shape = (r: typeof first) => r.resources.map((x) => ({ urn: x.urn, inputs: x.inputs, parent: x.parent, protect: x.protect })).sort((a, b) => a.urn.localeCompare(b.urn));
    expect(shape(second)).toEqual(shape(first));
  });

  it("turns invalid configuration into a ProgramError listing every key path, with nothing declared", async () => {
    const f = baseFixture();
    f.vault.storageRedundancy = "GRS";
    f.vms = [{ id: "bad", policy: "nope" }];
    const err = await runFixture(f).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ProgramError);
    expect((err as ProgramError).message).toContain("vault.storageRedundancy: must be one of");
    expect((err as ProgramError).message).toContain("vms[0].id: must be a VM resource ID");
    expect((err as ProgramError).resources.filter((r) => r.type !== "pulumi:pulumi:Stack")).toEqual([]);
  });

  it("fails a run whose program calls a function nobody answers offline", async () => {
    const program = async () => {
      await pulumi.runtime.invoke("azure-native:compute:getSshPublicKey", { sshPublicKeyName: "x" });
      return {};
    };
    await expect(runProgram({ config: toRaw(baseFixture()), program })).rejects.toThrow(
      "the program called functions that have no offline answer: azure-native:compute:getSshPublicKey",
    );
  });

  it("answers invokes through the invoke handler", async () => {
    let seen: Record<string, unknown> | undefined;
    const program = async () => ({ result: await pulumi.runtime.invoke("test:index:lookup", { key: "a" }) });
    const run = await runProgram({
      config: toRaw(baseFixture()),
      program,
      invoke: (token, inputs) => {
        seen = { token, ...inputs };
        return { value: 42 };
      },
    });
    expect(seen).toEqual({ token: "test:index:lookup", key: "a" });
    expect(run.outputs).toEqual({ result: { value: 42 } });
  });

  it("unwraps secrets for checks and masks them in the plan document", async () => {
    const program = () => {
      new Thing("thing", { password: pulumi.secret("hunter2"), plain: "x" });
      return {};
    };
    const run = await runProgram({ config: toRaw(baseFixture()), program });
    const thing = run.resources.find((r) => r.type === "test:index:Thing")!;
    expect(thing.inputs).toEqual({ password: "hunter2", plain: "x" });
    expect(thing.secretPaths).toEqual(["password"]);
    const doc = toPlanDocument(run.resources);
    expect(doc.steps.find((s) => s.newState.type === "test:index:Thing")!.newState.inputs).toEqual({ password: "[secret]", plain: "x" });
  });
});
