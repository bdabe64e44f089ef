import * as fs from "node:fs";
import { describe, expect, it } from "vitest";
import { PROTECTED_ITEM_API_VERSION } from "../../infra/azure/azureLimits";

describe("PROTECTED_ITEM_API_VERSION", () => {
  it("is the API version the installed azure-native ProtectedItem uses (the Trusted Launch rule depends on it)", () => {
    const source = fs.readFileSync(require.resolve("@pulumi/azure-native/recoveryservices/protectedItem.js"), "utf8");
    expect(/Uses Azure REST API version (\d{4}-\d{2}-\d{2})/.exec(source)?.[1]).toBe(PROTECTED_ITEM_API_VERSION);
  });
});
