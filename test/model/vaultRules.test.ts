import { describe, expect, it } from "vitest";
import { vaultSchema } from "../../infra/config/configSchema";
import { validateVault, validateVaultForNative, validateVaultIdentities, validateVaultImport } from "../../infra/model/vaultRules";

const SUB = "00000000-0000-0000-0000-000000000001";
const uai = (name: string) => `/subscriptions/${SUB}/resourceGroups/rg-id/providers/Microsoft.ManagedIdentity/userAssignedIdentities/${name}`;
const KEY = "https://kv-backup.vault.azure.net/keys/backup-key";
const vault = (over: Record<string, unknown> = {}) => vaultSchema.parse({ name: "rsv-test", resourceGroupName: "rg-backup", ...over });
const paths = (issues: ReadonlyArray<{ path: string }>) => issues.map((i) => i.path);

describe("validateVault", () => {
  it("accepts the defaults and cross-region restore on GeoRedundant storage", () => {
    expect(validateVault(vault())).toEqual([]);
    expect(validateVault(vault({ crossRegionRestore: true }))).toEqual([]);
  });

  it("rejects cross-region restore on other redundancies, under the vault's path", () => {
    expect(validateVault(vault({ crossRegionRestore: true, storageRedundancy: "ZoneRedundant" }), "vaults.weu")).toEqual([
      { path: "vaults.weu.crossRegionRestore", message: "needs storageRedundancy GeoRedundant (got ZoneRedundant); set crossRegionRestore: false or use GeoRedundant" },
    ]);
  });

  it("asks for a user-assigned identity for a customer-managed key unless the system identity is declared", () => {
    const issues = validateVault(vault({ encryption: { keyUri: KEY } }), "vaults.weu");
    expect(paths(issues)).toEqual(["vaults.weu.encryption.userAssignedIdentityId"]);
    expect(issues[0]!.message).toMatch(/^is required unless the vault's system-assigned identity already exists and can read the key/);
    expect(issues[0]!.message).toContain("1) set vaults.weu.identity.systemAssigned: true without encryption");
    expect(validateVault(vault({ encryption: { keyUri: KEY }, identity: { systemAssigned: true } }))).toEqual([]);
    expect(validateVault(vault({ encryption: { keyUri: KEY, userAssignedIdentityId: uai("cmk") }, identity: { userAssigned: [uai("cmk")] } }))).toEqual([]);
  });
});

describe("validateVaultIdentities", () => {
  it("needs an identity for source scan", () => {
    expect(validateVaultIdentities(vault({ sourceScan: { enabled: false } }), "vaults.weu")).toEqual([
      { path: "vaults.weu.identity", message: "is required with sourceScan: the scan runs as one of the vault's identities; set identity.systemAssigned: true or list identity.userAssigned" },
    ]);
    expect(validateVaultIdentities(vault())).toEqual([]);
  });

  it("rejects an identity block that gives no identity", () => {
    expect(validateVaultIdentities(vault({ identity: { systemAssigned: false, userAssigned: [] } }))).toEqual([
      { path: "vault.identity", message: "must give the vault an identity: systemAssigned: true and/or userAssigned: [<identity ID>]; remove identity for none" },
    ]);
    expect(validateVaultIdentities(vault({ identity: { systemAssigned: true } }))).toEqual([]);
    expect(validateVaultIdentities(vault({ identity: { userAssigned: [uai("a")] } }))).toEqual([]);
  });

  it("rejects a user-assigned identity listed twice, ignoring case", () => {
    expect(validateVaultIdentities(vault({ identity: { userAssigned: [uai("a"), uai("b"), uai("A")] } }))).toEqual([
      { path: "vault.identity.userAssigned[2]", message: `lists ${uai("A")} more than once` },
    ]);
  });

  it("needs the key's identity among the vault's, ignoring case", () => {
    expect(validateVaultIdentities(vault({ identity: { userAssigned: [uai("a")] }, encryption: { keyUri: KEY, userAssignedIdentityId: uai("other") } }))).toEqual([
      { path: "vault.encryption.userAssignedIdentityId", message: `must be one of identity.userAssigned (got ${uai("other")})` },
    ]);
    expect(validateVaultIdentities(vault({ identity: { userAssigned: [uai("a")] }, encryption: { keyUri: KEY, userAssignedIdentityId: uai("A") } }))).toEqual([]);
  });

  it("checks the scan's identity against the vault's", () => {
    expect(validateVaultIdentities(vault({ identity: { userAssigned: [uai("a")] }, sourceScan: { enabled: false, identity: "SystemAssigned" } }))).toEqual([
      { path: "vault.sourceScan.identity", message: "SystemAssigned needs identity.systemAssigned: true" },
    ]);
    expect(validateVaultIdentities(vault({ identity: { systemAssigned: true }, sourceScan: { enabled: false } }))).toEqual([]);
    expect(validateVaultIdentities(vault({ identity: { systemAssigned: true }, sourceScan: { enabled: false, identity: "UserAssigned" } }))).toEqual([
      { path: "vault.sourceScan.userAssignedIdentityId", message: "UserAssigned needs the identity's ID, one of identity.userAssigned (got none)" },
    ]);
    expect(validateVaultIdentities(vault({ identity: { userAssigned: [uai("a")] }, sourceScan: { enabled: false, identity: "UserAssigned", userAssignedIdentityId: uai("b") } }))).toEqual([
      { path: "vault.sourceScan.userAssignedIdentityId", message: `UserAssigned needs the identity's ID, one of identity.userAssigned (got ${uai("b")})` },
    ]);
    expect(validateVaultIdentities(vault({ identity: { userAssigned: [uai("a")] }, sourceScan: { enabled: false, identity: "UserAssigned", userAssignedIdentityId: uai("A") } }))).toEqual([]);
    expect(validateVaultIdentities(vault({ identity: { systemAssigned: true, userAssigned: [uai("a")] }, sourceScan: { enabled: false, identity: "SystemAssigned", userAssignedIdentityId: uai("a") } }))).toEqual([
      { path: "vault.sourceScan.userAssignedIdentityId", message: "is only for identity: UserAssigned; remove it or set identity: UserAssigned" },
    ]);
  });
});

describe("validateVaultImport", () => {
  const id = (rg: string, name: string) => `/subscriptions/${SUB}/resourceGroups/${rg}/providers/Microsoft.RecoveryServices/vaults/${name}`;

  it("accepts the configured vault's own ID in any case, and nothing without an import", () => {
    expect(validateVaultImport(vault())).toEqual([]);
    expect(validateVaultImport(vault({ importId: id("RG-Backup", "RSV-Test") }))).toEqual([]);
  });

  it("rejects the ID of another vault or resource group", () => {
    const message = (rg: string, name: string) => `must be the ID of vault rsv-test in resource group rg-backup (got resource group ${rg}, vault ${name})`;
    expect(validateVaultImport(vault({ importId: id("rg-backup", "rsv-other") }), "vaults.weu")).toEqual([{ path: "vaults.weu.importId", message: message("rg-backup", "rsv-other") }]);
    expect(validateVaultImport(vault({ importId: id("rg-other", "rsv-test") }))).toEqual([{ path: "vault.importId", message: message("rg-other", "rsv-test") }]);
  });
});

describe("validateVaultForNative", () => {
  it("refuses an enabled source scan, which the provider's API version would drop", () => {
    expect(validateVaultForNative(vault({ identity: { systemAssigned: true }, sourceScan: { enabled: true } }), "vaults.weu").map((i) => i.path)).toEqual(["vaults.weu.sourceScan.enabled"]);
    expect(validateVaultForNative(vault({ identity: { systemAssigned: true }, sourceScan: { enabled: true } }))[0]!.message).toMatch(/^true cannot be deployed with provider native/);
    expect(validateVaultForNative(vault({ identity: { systemAssigned: true }, sourceScan: { enabled: false } }))).toEqual([]);
    expect(validateVaultForNative(vault())).toEqual([]);
  });
});
