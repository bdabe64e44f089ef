import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { reviewResourcesFromPlan } from "../../../infra/offline/review/policyHarness";
import { parsePreviewJson, PreviewJsonError } from "../../../infra/offline/review/previewJson";

const vault = "urn:pulumi:prod::p::azure-native:recoveryservices:Vault::v";
const gone = "urn:pulumi:prod::p::azure-native:recoveryservices:ProtectedItem::gone";

describe("parsePreviewJson", () => {
  it("reads a real-format preview (extra fields pass through) and keeps every step", () => {
    const text = fs.readFileSync(path.join(__dirname, "..", "..", "fixtures", "previews", "public-vault-short-retention.native.json"), "utf8");
    const doc = parsePreviewJson(text, "fixture");
    expect(doc.steps.map((s) => s.newState?.type)).toEqual([
      "pulumi:pulumi:Stack",
      "pulumi:providers:azure-native",
      "azure-native:resources:ResourceGroup",
      "azure-native:recoveryservices:Vault",
      "azure-native:recoveryservices:ProtectionPolicy",
    ]);
  });

  it.each([
    ["not JSON", "{", ": is not valid JSON"],
    ["an array", "[]", ": must be a JSON object with a steps list, as `pulumi preview --json` prints"],
    ["no steps", "{}", "steps: is required: the preview's list of steps (run `pulumi preview --json` or `npm run --silent plan -- --json`)"],
  ])("rejects %s with a located message", (_what, text, expected) => {
    expect(() => parsePreviewJson(text, "x.json")).toThrow(PreviewJsonError);
    try {
      parsePreviewJson(text, "x.json");
    } catch (err) {
      const issue = (err as PreviewJsonError).issues[0]!;
      expect(`${issue.path}: ${issue.message}`.startsWith(expected)).toBe(true);
      expect((err as Error).message.startsWith("Invalid preview JSON x.json (1 problem):")).toBe(true);
    }
  });
});

describe("reviewResourcesFromPlan", () => {
  it("keeps the final state per URN, drops deletes, unwraps secrets and prefers recorded outputs", () => {
    const secret = { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", value: "Disabled" };
    const doc = parsePreviewJson(
      JSON.stringify({
        steps: [
          { op: "create-replacement", urn: vault, newState: { type: "azure-native:recoveryservices:Vault", inputs: { properties: { publicNetworkAccess: "Enabled" } } } },
          { op: "replace", urn: vault, newState: { type: "azure-native:recoveryservices:Vault", protect: true, inputs: { properties: { publicNetworkAccess: secret } }, outputs: { name: "v", id: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.RecoveryServices/vaults/v" } } },
          { op: "delete-replaced", urn: vault, oldState: {} },
          { op: "delete", urn: gone, oldState: {} },
        ],
      }),
    );
    const [r, ...rest] = reviewResourcesFromPlan(doc);
    expect(rest).toEqual([]);
    expect(r).toMatchObject({ urn: vault, name: "v", props: { properties: { publicNetworkAccess: "Disabled" } }, outputs: { name: "v" }, opts: { protect: true } });
  });
});
