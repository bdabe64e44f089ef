import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { applyAcknowledgements, readAcknowledgements } from "../../../infra/offline/review/acknowledgements";
import { findDestructiveChanges, normalizedType } from "../../../infra/offline/review/destructiveChanges";
import { parsePreviewJson } from "../../../infra/offline/review/previewJson";
import { itemReplacedPreview, noChangePreview, retentionScaledPreview, updatePreview, vaultAndItemsDeletedPreview, type Obj, type Step } from "../../fixtures/destructivePreviews";

const fixture = (...p: string[]) => path.join(__dirname, "..", "..", "fixtures", ...p);
/** Through the real parser, as `review --preview-json` reads it. */
const gate = (doc: unknown) => findDestructiveChanges(parsePreviewJson(JSON.stringify(doc)));
const rows = (doc: unknown) => gate(doc).map((c) => ({ op: c.op, logicalName: c.logicalName, azureName: c.azureName, changes: c.changes }));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "gate-"));

describe("destructive changes in a preview of the dev stack", () => {
  it("deleting the vault and all seven protected items: eight named rows", () => {
    const found = rows(vaultAndItemsDeletedPreview());
    expect(found).toHaveLength(8);
    expect(found[0]).toEqual({ op: "delete", logicalName: "rsv-backup-dev-vault", azureName: "rsv-backup-dev", changes: [] });
    expect(found.slice(1).map((r) => [r.op, r.logicalName, r.azureName])).toContainEqual(["delete", "rg-data-prod/vm-pg-01-item", "vm;iaasvmcontainerv2;rg-data-prod;vm-pg-01"]);
    expect(found.slice(1).every((r) => r.op === "delete" && r.logicalName.endsWith("-item"))).toBe(true);
  });

  it("replacing a protected item: one row, its three steps read as one replace, naming what forced it", () => {
    const found = gate(itemReplacedPreview());
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ op: "replace", logicalName: "rg-app-prod/vm-sql-01-item", azureName: "vm;iaasvmcontainerv2;rg-app-prod;vm-sql-01", kind: "protectedItem" });
    expect(found[0]!.reason).toBe("replaced: Azure deletes the protected item and creates a new one (changed: containerName)");
  });

  it("halving every policy's retention: one update row per policy with each tier's old and new value", () => {
    const found = rows(retentionScaledPreview(0.5));
    expect(found.map((r) => r.azureName).sort()).toEqual(["daily-enhanced-archive", "daily-standard", "hourly-enhanced", "weekly-standard"]);
    expect(found.find((r) => r.azureName === "daily-standard")).toEqual({
      op: "update",
      logicalName: "daily-standard-policy",
      azureName: "daily-standard",
      changes: [
        { field: "retention.daily", old: "30 days", new: "15 days" },
        { field: "retention.weekly", old: "12 weeks", new: "6 weeks" },
        { field: "retention.monthly", old: "12 months", new: "6 months" },
        { field: "retention.yearly", old: "5 years", new: "3 years" },
        { field: "retention.instantRestore", old: "2 days", new: "1 days" },
      ],
    });
  });

  it("passes a preview with no change and one whose retention gets longer", () => {
    expect(gate(noChangePreview())).toEqual([]);
    expect(gate(retentionScaledPreview(2))).toEqual([]);
  });

  it("dropping a retention tier is a cut; changing its unit is judged in days", () => {
    expect(rows(updatePreview("weekly-standard-policy", (i) => delete i.properties.retentionPolicy.yearlySchedule))[0]!.changes).toEqual([{ field: "retention.yearly", old: "3 years", new: "(removed)" }]);
    expect(gate(updatePreview("weekly-standard-policy", (i) => (i.properties.retentionPolicy.weeklySchedule.retentionDuration = { count: 200, durationType: "Days" })))).toEqual([]);
    expect(rows(updatePreview("weekly-standard-policy", (i) => (i.properties.retentionPolicy.weeklySchedule.retentionDuration = { count: 100, durationType: "Days" })))[0]!.changes).toEqual([{ field: "retention.weekly", old: "26 weeks", new: "100 days" }]);
  });

  it.each([
    ["soft delete off (enum compared case-insensitively)", (i: Obj) => (i.properties.securitySettings.softDeleteSettings.softDeleteState = "disabled"), { field: "properties.securitySettings.softDeleteSettings.softDeleteState", old: "AlwaysON", new: "disabled" }],
    ["soft-delete days cut", (i: Obj) => (i.properties.securitySettings.softDeleteSettings.softDeleteRetentionPeriodInDays = 7), { field: "properties.securitySettings.softDeleteSettings.softDeleteRetentionPeriodInDays", old: "14", new: "7" }],
    ["immutability disabled", (i: Obj) => (i.properties.securitySettings.immutabilitySettings.state = "Disabled"), { field: "properties.securitySettings.immutabilitySettings.state", old: "Unlocked", new: "Disabled" }],
    ["immutability settings removed (null reads as absent)", (i: Obj) => (i.properties.securitySettings.immutabilitySettings = null), { field: "properties.securitySettings.immutabilitySettings.state", old: "Unlocked", new: "(absent)" }],
    ["public network access opened", (i: Obj) => (i.properties.publicNetworkAccess = "Enabled"), { field: "properties.publicNetworkAccess", old: "Disabled", new: "Enabled" }],
    ["public network access dropped (Azure's default is Enabled)", (i: Obj) => (i.properties.publicNetworkAccess = null), { field: "properties.publicNetworkAccess", old: "Disabled", new: "(absent)" }],
  ])("a vault update with %s fails, naming old and new", (_name, change, expected) => {
    const found = rows(updatePreview("rsv-backup-dev-vault", change));
    expect(found).toEqual([{ op: "update", logicalName: "rsv-backup-dev-vault", azureName: "rsv-backup-dev", changes: [expected] }]);
  });

  it("a vault update that tightens (immutability locked, soft delete days up) passes", () => {
    expect(gate(updatePreview("rsv-backup-dev-vault", (i) => {
      i.properties.securitySettings.immutabilitySettings.state = "Locked";
      i.properties.securitySettings.softDeleteSettings.softDeleteRetentionPeriodInDays = 30;
    }))).toEqual([]);
  });

  it("a customer-managed key removed from the vault fails", () => {
    const withKey = updatePreview("rsv-backup-dev-vault", () => undefined) as { steps: Step[] };
    const step = withKey.steps.find((s) => s.urn.endsWith("::rsv-backup-dev-vault"))!;
    step.oldState!.inputs.properties.encryption = { keyVaultProperties: { keyUri: "https://kv.vault.azure.net/keys/backup/1" } };
    expect(rows(withKey)[0]!.changes).toEqual([{ field: "properties.encryption.keyVaultProperties.keyUri", old: "https://kv.vault.azure.net/keys/backup/1", new: "(absent)" }]);
  });

  it("an item moving to a policy that keeps less fails, judged from the policies in the same preview; a move to one keeping more passes", () => {
    const to = (policy: string) => (i: Obj) => (i.properties.policyId = String(i.properties.policyId).replace(/[^/]+$/, policy));
    // vm-sql-01: hourly-enhanced (14 days, 8 weeks) -> weekly-standard (no daily tier).
    expect(rows(updatePreview("rg-app-prod/vm-sql-01-item", to("weekly-standard")))[0]!.changes).toEqual([
      { field: "policyId", old: "hourly-enhanced", new: "weekly-standard" },
      { field: "policy retention.daily", old: "14 days", new: "(removed)" },
      { field: "policy retention.instantRestore", old: "7 days", new: "5 days" },
    ]);
    // hourly-enhanced -> DAILY-STANDARD (30 days, 12 weeks, ...): longer everywhere except instant restore (7 -> 2).
    expect(rows(updatePreview("rg-app-prod/vm-sql-01-item", to("DAILY-STANDARD")))[0]!.changes.map((c) => c.field)).toEqual(["policyId", "policy retention.instantRestore"]);
    expect(gate(updatePreview("rg-app-prod/vm-api-01-item", to("daily-enhanced-archive")))).toHaveLength(1); // loses the weekly tier
  });

  it("protection stopped on an item fails", () => {
    expect(rows(updatePreview("rg-app-prod/vm-web-01-item", (i) => (i.properties.protectionState = "ProtectionStopped")))[0]!.changes).toEqual([{ field: "protectionState", old: "(absent)", new: "ProtectionStopped" }]);
  });

  it("deleting the resource group holding the vault, a snapshot extension or a run command fails; another group does not", () => {
    const doc = vaultAndItemsDeletedPreview() as { steps: Step[] };
    for (const s of doc.steps) if (/ResourceGroup::|VirtualMachineExtension::|RunCommandByVirtualMachine::/.test(s.urn)) Object.assign(s, { op: "delete", newState: undefined });
    const other = { type: "azure-native:resources:ResourceGroup", custom: true, inputs: { resourceGroupName: "rg-unrelated", location: "westeurope" } };
    doc.steps.push({ op: "delete", urn: "urn:pulumi:dev::azure-vm-backup::azure-native:resources:ResourceGroup::unrelated", oldState: other });
    const found = rows(doc);
    expect(found.map((r) => r.azureName)).toEqual(expect.arrayContaining(["rg-backup-dev", "vm-sql-01/VMSnapshot", "vm-pg-01/VMSnapshotLinux", "vm-app-01/azure-vm-backup-snapshot-scripts", "vm-sql-01/azure-vm-backup-vss"]));
    expect(found.map((r) => r.azureName)).not.toContain("rg-unrelated");
  });
});

describe("previews of other programs and the classic provider", () => {
  const classic = JSON.parse(fs.readFileSync(fixture("previews", "public-vault-short-retention.classic.json"), "utf8")) as { steps: Step[] };
  const deployed = (doc: { steps: Step[] }) => doc.steps.map((s) => ({ ...s, op: "same", oldState: s.newState }));

  it("reads versioned azure-native type tokens in a program not built from this configuration", () => {
    const vault = { type: "azure-native:recoveryservices/v20240401:Vault", inputs: { vaultName: "rsv-other", resourceGroupName: "rg-other" } };
    const guard = { type: "azure-native:dataprotection/v20231101:ResourceGuard", inputs: { resourceGuardsName: "guard-1", resourceGroupName: "rg-other" } };
    const doc = {
      steps: [
        { op: "delete", urn: "urn:pulumi:prod::other::azure-native:recoveryservices/v20240401:Vault::main", oldState: vault },
        { op: "discard", urn: "urn:pulumi:prod::other::azure-native:dataprotection/v20231101:ResourceGuard::guard", oldState: guard },
      ],
    };
    expect(rows(doc).map((r) => [r.op, r.logicalName, r.azureName])).toEqual([["delete", "main", "rsv-other"], ["discard", "guard", "guard-1"]]);
    expect(normalizedType("azure:recoveryservices/vault:Vault")).toBe("azure:recoveryservices:vault");
  });

  it("classic: the vault deleted, soft delete off and a policy's daily retention cut all fail", () => {
    const doc = { steps: deployed(classic) };
    const vault = doc.steps.find((s) => s.urn.endsWith("::vault"))!;
    const deleted = { steps: doc.steps.map((s) => (s === vault ? { op: "delete", urn: s.urn, oldState: s.oldState } : s)) };
    expect(rows(deleted)).toEqual([{ op: "delete", logicalName: "vault", azureName: "rsv-legacy", changes: [] }]);

    const updated = structuredClone(doc);
    const v = updated.steps.find((s) => s.urn.endsWith("::vault"))!;
    v.op = "update";
    v.newState = structuredClone(v.oldState);
    v.newState!.inputs.softDeleteEnabled = false;
    v.newState!.inputs.encryption = null;
    const p = updated.steps.find((s) => s.urn.endsWith("::nightly"))!;
    p.op = "update";
    p.newState = structuredClone(p.oldState);
    p.newState!.inputs.retentionDaily.count = 1;
    const found = rows(updated);
    expect(found.find((r) => r.logicalName === "vault")!.changes).toEqual([
      { field: "softDeleteEnabled", old: "true", new: "false" },
      { field: "encryption.keyId", old: "https://kv-legacy.vault.azure.net/keys/backup/0123", new: "(absent)" },
    ]);
    expect(found.find((r) => r.logicalName === "nightly")!.changes).toEqual([{ field: "retention.daily", old: "3 days", new: "1 days" }]);
  });
});

describe("acknowledgements", () => {
  it("an acknowledged change (by URN or logical name) no longer fails and keeps its reason; an unmatched one is reported", () => {
    const changes = gate(vaultAndItemsDeletedPreview());
    const result = applyAcknowledgements(changes, [
      { resource: "rsv-backup-dev-vault", reason: "vault moves to the shared platform stack" },
      { resource: changes[1]!.urn, reason: "VM decommissioned, recovery points kept by retainOnDelete" },
      { resource: "no-such-resource", reason: "stale entry left from an old change" },
    ]);
    expect(result.blocking).toHaveLength(6);
    expect(result.acknowledged.map((c) => [c.logicalName, c.acknowledgement])).toEqual([
      ["rsv-backup-dev-vault", "vault moves to the shared platform stack"],
      [changes[1]!.logicalName, "VM decommissioned, recovery points kept by retainOnDelete"],
    ]);
    expect(result.unused).toEqual([{ resource: "no-such-resource", reason: "stale entry left from an old change" }]);
  });

  it("a bad acknowledgements file is one error naming each field by path", () => {
    const file = path.join(tmp, "bad.yaml");
    fs.writeFileSync(file, "acknowledgements:\n  - resource: rsv-backup-dev-vault\n  - reason: because I said so\n  - resource: x\n    reason: ok\n    extra: 1\n");
    expect(() => readAcknowledgements(file)).toThrowError(
      `Invalid acknowledgements file ${file} (4 problems):\n` +
        "  - acknowledgements[0].reason: is required: why this destructive change is deliberate\n" +
        "  - acknowledgements[1].resource: is required: the resource's URN or logical name\n" +
        "  - acknowledgements[2]: unknown key extra: allowed are resource and reason\n" +
        "  - acknowledgements[2].reason: must say why the change is deliberate (at least 10 characters)",
    );
    fs.writeFileSync(file, "acknowledgements: [\n");
    expect(() => readAcknowledgements(file)).toThrowError(/^Invalid acknowledgements file .* \(1 problem\):\n {2}- is not valid YAML: /);
  });

  it("the repository's acknowledgements file is valid", () => {
    const file = path.join(__dirname, "..", "..", "..", "review-acknowledgements.yaml");
    expect(readAcknowledgements(file)).toEqual([]);
  });
});

