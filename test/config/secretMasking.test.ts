import { describe, expect, it } from "vitest";
import { maskSecretSettings } from "../../infra/config/secretValue";

describe("maskSecretSettings", () => {
  it("masks every parameter of every list, wherever it sits, and leaves other values as they were", () => {
    const raw = JSON.stringify([{ scripts: { preScriptParams: ["a", "b"], postScriptParams: [], other: [1, null, "x"] } }, "text", null, 3]);
    expect(JSON.parse(maskSecretSettings(raw))).toEqual([{ scripts: { preScriptParams: ["[secret]", "[secret]"], postScriptParams: [], other: [1, null, "x"] } }, "text", null, 3]);
  });

  it("masks a list when only one of its items holds parameters", () => {
    const raw = JSON.stringify([{ scripts: { postScriptParams: ["p"] } }, { scripts: {} }]);
    expect(maskSecretSettings(raw)).toBe(JSON.stringify([{ scripts: { postScriptParams: ["[secret]"] } }, { scripts: {} }]));
  });

  it("keeps the text byte for byte when there is nothing to mask or it is not JSON", () => {
    const empty = '{ "scripts": { "preScriptParams": [ ], "postScriptParams": [] } }';
    expect(maskSecretSettings(empty)).toBe(empty);
    const notAList = '{"preScriptParams": "one"}';
    expect(maskSecretSettings(notAList)).toBe(notAList);
    const broken = '{"preScriptParams": [';
    expect(maskSecretSettings(broken)).toBe(broken);
  });
});
