import { describe, expect, it } from "vitest";
import { SECRET_CANNOT_SERVE, SECRET_VALUE_PLACEHOLDER as S } from "../../infra/config/secretValue";
import { validateSecretPlacement } from "../../infra/model/secretRules";

const SCRIPT_WARNING =
  "is a secret: offline it is an opaque placeholder, so its content was not checked; the plan shows [secret] and Azure receives it in the run command's protected parameters";

describe("validateSecretPlacement", () => {
  it("accepts secrets in Linux script parameters, with a warning for each", () => {
    expect(validateSecretPlacement({ vms: [{ id: "x" }, { scripts: { preScriptParams: ["--plain", S], postScriptParams: [S] } }] })).toEqual({
      issues: [],
      warnings: [
        { path: "vms[1].scripts.preScriptParams[1]", message: SCRIPT_WARNING },
        { path: "vms[1].scripts.postScriptParams[0]", message: SCRIPT_WARNING },
      ],
    });
  });

  it("refuses a secret anywhere else, by path, at any depth", () => {
    expect(validateSecretPlacement({ vault: { name: S, tags: { owner: S } }, vms: [{ id: S, scripts: { preScript: S } }], protect: S })).toEqual({
      issues: [
        { path: "vault.name", message: SECRET_CANNOT_SERVE },
        { path: "vault.tags.owner", message: SECRET_CANNOT_SERVE },
        { path: "vms[0].id", message: SECRET_CANNOT_SERVE },
        { path: "vms[0].scripts.preScript", message: SECRET_CANNOT_SERVE },
        { path: "protect", message: SECRET_CANNOT_SERVE },
      ],
      warnings: [],
    });
  });

  it("finds nothing in plain values, nulls and the placeholder's look-alikes", () => {
    expect(validateSecretPlacement({ vault: { name: "rsv", location: null }, vms: [], note: "[secret] ", n: 1 })).toEqual({ issues: [], warnings: [] });
  });
});
