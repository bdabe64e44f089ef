import { describe, expect, it } from "vitest";
import { SECRET_CANNOT_SERVE, SECRET_VALUE_PLACEHOLDER } from "../../infra/config/secretValue";
import { validateProviderSettings } from "../../infra/model/providerRules";

const GUID = "6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f";

describe("validateProviderSettings", () => {
  it("accepts a subscription GUID and known regions", () => {
    expect(validateProviderSettings({ "azure-native:subscriptionId": GUID, "azure:subscriptionId": GUID, "azure-native:location": "westeurope", "azure:location": "northeurope" }, "westeurope")).toEqual({ issues: [], warnings: [] });
    expect(validateProviderSettings({})).toEqual({ issues: [], warnings: [] });
  });

  it("rejects a secret, a mapping, an empty value or a YAML null as the subscription, for both providers", () => {
    expect(validateProviderSettings({ "azure-native:subscriptionId": SECRET_VALUE_PLACEHOLDER }).issues).toEqual([{ path: "azure-native:subscriptionId", message: SECRET_CANNOT_SERVE }]);
    expect(validateProviderSettings({ "azure:subscriptionId": ' {"id": 1}' }).issues).toEqual([{ path: "azure:subscriptionId", message: "must be a subscription GUID, not a mapping or list" }]);
    expect(validateProviderSettings({ "azure:subscriptionId": "[1]" }).issues.map((i) => i.message)).toEqual(["must be a subscription GUID, not a mapping or list"]);
    const empty = "must be a subscription GUID when set (got an empty value); remove the key to use the logged-in subscription";
    expect(validateProviderSettings({ "azure-native:subscriptionId": "  " }).issues).toEqual([{ path: "azure-native:subscriptionId", message: empty }]);
    expect(validateProviderSettings({ "azure-native:subscriptionId": " null " }).issues).toEqual([{ path: "azure-native:subscriptionId", message: empty }]);
  });

  it("rejects a secret, a mapping or an empty region, except a secret vault.location (reported with the stack's own keys)", () => {
    expect(validateProviderSettings({ "azure-native:location": SECRET_VALUE_PLACEHOLDER }, SECRET_VALUE_PLACEHOLDER).issues).toEqual([{ path: "azure-native:location", message: SECRET_CANNOT_SERVE }]);
    expect(validateProviderSettings({ "azure:location": "\t[westeurope]" }).issues).toEqual([{ path: "azure:location", message: "must be an Azure region such as westeurope, not a mapping or list" }]);
    expect(validateProviderSettings({}, "{}").issues).toEqual([{ path: "vault.location", message: "must be an Azure region such as westeurope, not a mapping or list" }]);
    expect(validateProviderSettings({ "azure-native:location": " " }).issues).toEqual([{ path: "azure-native:location", message: "must be an Azure region such as westeurope (got an empty value)" }]);
    expect(validateProviderSettings({ "azure-native:location": "null" }).issues).toEqual([{ path: "azure-native:location", message: "must be an Azure region such as westeurope (got an empty value)" }]);
  });

  it("warns of an unknown region, naming the nearest known one", () => {
    expect(validateProviderSettings({ "azure-native:location": "westeurop" }, "northeuropa")).toEqual({
      issues: [],
      warnings: [
        { path: "vault.location", message: '"northeuropa" is not a known Azure region; the nearest known one is northeurope (Azure refuses unknown regions at deployment)' },
        { path: "azure-native:location", message: '"westeurop" is not a known Azure region; the nearest known one is westeurope (Azure refuses unknown regions at deployment)' },
      ],
    });
  });
});
