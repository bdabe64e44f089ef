import { describe, expect, it } from "vitest";
import { maskSecretSettings } from "../../infra/config/secretValue";
import { toPlanDocument } from "../../infra/offline/views/planDocument";

describe("script parameters in the configuration a plan echoes", () => {
  it("are [secret] at any depth, in plain text too; other values stay byte for byte", () => {
    const vms = JSON.stringify([{ id: "/x", scripts: { preScript: "/a", preScriptParams: ["db-password-1"], postScriptParams: [] } }]);
    expect(maskSecretSettings(vms)).toBe(JSON.stringify([{ id: "/x", scripts: { preScript: "/a", preScriptParams: ["[secret]"], postScriptParams: [] } }]));
    const other = '{"name": "rsv-a",  "tags": {"preScriptParams": "not a list"}}';
    expect(maskSecretSettings(other)).toBe(other);
    expect(toPlanDocument([], { "azure-vm-backup:vms": vms, "azure-native:location": "westeurope" }).config).toEqual({
      "azure-vm-backup:vms": maskSecretSettings(vms),
      "azure-native:location": "westeurope",
    });
  });
});
