import { describe, expect, it } from "vitest";
import { baseFixture, issueLines, type ConfigFixture } from "../fixtures/stackConfig";

const KEY = "https://kv-backup.vault.azure.net/keys/rsv-key";
const IDENTITY = "/subscriptions/6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f/resourceGroups/rg-id/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-backup";

const issuesOf = issueLines;

describe("a customer-managed key read by the vault's system-assigned identity", () => {
  it("is rejected on a vault whose identity is not declared yet, with the two-step path", () => {
    const f = baseFixture();
    f.vault.encryption = { keyUri: KEY };
    const [issue, ...rest] = issuesOf(f);
    expect(rest).toEqual([]);
    expect(issue).toMatch(/^vault\.encryption\.userAssignedIdentityId: is required unless the vault's system-assigned identity already exists/);
    expect(issue).toContain("1) set vault.identity.systemAssigned: true without encryption and run pulumi up; 2) grant the vault's identity (its principal ID) that role on the key; 3) add encryption and run pulumi up again");
  });

  it("names the vault by its key in a stack with several vaults", () => {
    const f: ConfigFixture = {
      ...baseFixture(),
      vault: undefined,
      vaults: { weu: { name: "rsv-weu", resourceGroupName: "rg-weu", encryption: { keyUri: KEY } } },
    };
    expect(issuesOf(f)[0]).toMatch(/^vaults\.weu\.encryption\.userAssignedIdentityId: is required/);
  });

  it("is accepted once the identity is declared (step 3), and a user-assigned identity needs no step", () => {
    const f = baseFixture();
    f.vault.identity = { systemAssigned: true };
    f.vault.encryption = { keyUri: KEY };
    expect(issuesOf(f)).toEqual([]);
    const g = baseFixture();
    g.vault.encryption = { keyUri: KEY, userAssignedIdentityId: IDENTITY };
    expect(issuesOf(g)).toEqual([]);
  });
});
