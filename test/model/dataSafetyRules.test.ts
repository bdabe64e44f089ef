import { describe, expect, it } from "vitest";
import type { BackupConfig } from "../../infra/config/backupConfig";
import type { BackupState, ExistingItem, ExistingPolicy } from "../../infra/model/backupState";
import { checkDataSafety } from "../../infra/model/dataSafetyRules";
import { resolveVmEntries, type VmEntry } from "../../infra/model/selectors";
import { loadConfig } from "../../infra/validate/loadConfig";
import { baseFixture, SUB, toRaw, vmId } from "../fixtures/stackConfig";

// checkDataSafety on its own, with the state written as the look-ups return it (the stack's own
// tests reach it through the mock engine). The base estate: policy daily-standard (daily 30 days,
// instant restore 2 days), VM rg-app/vm-web-01 in vault rsv-test of rg-backup.
const ITEM_KEY = "rg-app/vm-web-01";

function estate(edit: (f: ReturnType<typeof baseFixture>) => void = () => {}): { config: BackupConfig; entries: VmEntry[] } {
  const f = baseFixture();
  edit(f);
  const { config } = loadConfig(toRaw(f));
  return { config, entries: resolveVmEntries(config.vms, [], [], config.vmDefaults).entries };
}

const item = (over: Partial<ExistingItem> = {}): ExistingItem => ({
  id: `/subscriptions/${SUB}/resourceGroups/rg-backup/providers/Microsoft.RecoveryServices/vaults/rsv-test/backupFabrics/Azure/protectionContainers/iaasvmcontainerv2;rg-app;vm-web-01/protectedItems/vm;iaasvmcontainerv2;rg-app;vm-web-01`,
  vmId: vmId("rg-app", "vm-web-01"),
  vaultName: "rsv-test",
  vaultResourceGroup: "rg-backup",
  containerName: "iaasvmcontainerv2;rg-app;vm-web-01",
  itemName: "vm;iaasvmcontainerv2;rg-app;vm-web-01",
  policyName: "daily-standard",
  protectionState: "Protected",
  softDeleted: false,
  ...over,
});

const policy = (name: string, retention: ExistingPolicy["retention"], policyType: ExistingPolicy["policyType"] = "V1"): ExistingPolicy => ({
  id: `/subscriptions/${SUB}/resourceGroups/rg-backup/providers/Microsoft.RecoveryServices/vaults/rsv-test/backupPolicies/${name}`,
  name,
  vaultName: "rsv-test",
  policyType,
  retention,
});

const state = (items: ExistingItem[], policies: ExistingPolicy[]): BackupState => ({
  known: true,
  source: "look-up",
  items: new Map(items.map((i) => [ITEM_KEY, i])),
  policies: new Map(policies.map((p) => [p.name.toLowerCase(), p])),
  notes: [],
});

function check(s: BackupState, edit?: (f: ReturnType<typeof baseFixture>) => void) {
  const { config, entries } = estate(edit);
  return checkDataSafety(config, config.vaults[0]!, entries, s);
}

const SAME = { daily: 30, instantRestore: 2 };

describe("checkDataSafety: the state could not be read", () => {
  it("is one error on the vault, naming the reason and the read access it needs", () => {
    expect(check({ known: false, reason: "403 from the vault" })).toEqual({
      issues: [
        {
          path: "vault",
          message:
            "the current backup state of vault rsv-test could not be read (403 from the vault), so retention cuts and VMs protected elsewhere cannot be ruled out; grant the deployment read access to the vault (e.g. Backup Reader) and run again",
        },
      ],
      warnings: [],
      changes: [],
    });
  });
});

describe("checkDataSafety: policies", () => {
  it("reports nothing when Azure already holds what is declared, whatever the name's case", () => {
    expect(check(state([item()], [policy("Daily-Standard", SAME)]))).toEqual({ issues: [], warnings: [], changes: [] });
  });

  it("rejects an unacknowledged cut, tier by tier, and records the change", () => {
    const result = check(state([], [policy("daily-standard", { daily: 60, weekly: 12, instantRestore: 5 })]));
    expect(result.issues).toEqual([
      {
        path: "policies.daily-standard.retention",
        message:
          'would cut the retention of policy daily-standard (daily 60 days -> 30 days, weekly 12 weeks -> none, instant restore 5 days -> 2 days); Azure applies it to the recovery points already taken by every VM on the policy. Keep the retention, or acknowledge the cut with allowRetentionReduction: "<reason>" on the policy',
      },
    ]);
    expect(result.changes).toEqual([
      {
        kind: "retention",
        subject: "policy daily-standard",
        path: "policies.daily-standard",
        detail: "daily 60 days -> 30 days, weekly 12 weeks -> none, instant restore 5 days -> 2 days",
        reductions: ["daily 60 days -> 30 days", "weekly 12 weeks -> none", "instant restore 5 days -> 2 days"],
      },
    ]);
  });

  it("accepts an acknowledged cut and carries the reason into the change", () => {
    const result = check(state([], [policy("daily-standard", { daily: 60, instantRestore: 2 })]), (f) => {
      f.policies["daily-standard"]!.allowRetentionReduction = "CHG-1234: shorter daily";
    });
    expect(result.issues).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.changes).toEqual([
      { kind: "retention", subject: "policy daily-standard", path: "policies.daily-standard", detail: "daily 60 days -> 30 days", reductions: ["daily 60 days -> 30 days"], acknowledged: "CHG-1234: shorter daily" },
    ]);
  });

  it("records a longer retention as a change that cuts nothing, and warns of an acknowledgement with nothing to cut", () => {
    const result = check(state([], [policy("daily-standard", { daily: 7 })]), (f) => {
      f.policies["daily-standard"]!.allowRetentionReduction = "CHG-1234";
    });
    expect(result.issues).toEqual([]);
    expect(result.warnings).toEqual([
      { path: "policies.daily-standard.allowRetentionReduction", message: "is set but nothing is cut: remove it, so that a later cut is not acknowledged by accident" },
    ]);
    expect(result.changes).toEqual([
      { kind: "retention", subject: "policy daily-standard", path: "policies.daily-standard", detail: "daily 7 days -> 30 days, instant restore none -> 2 days", reductions: [] },
    ]);
  });

  it("rejects turning an Enhanced (V2) policy into a Standard one", () => {
    const result = check(state([], [policy("daily-standard", SAME, "V2")]));
    expect(result.issues).toEqual([
      { path: "policies.daily-standard.tier", message: "policy daily-standard is Enhanced (V2) in Azure and cannot become Standard; declare a Standard policy under another name" },
    ]);
  });

  it("lists a policy of the vault that is not declared as left alone", () => {
    expect(check(state([], [policy("daily-standard", SAME), policy("Legacy", { daily: 7 })])).changes).toEqual([
      { kind: "not-declared", subject: "policy Legacy", path: "", detail: "exists in the vault and is not declared: left as it is (not deleted)", reductions: [] },
    ]);
  });
});

describe("checkDataSafety: VMs", () => {
  it("rejects a soft-deleted item with the undelete command, with and without a purge date", () => {
    const hint =
      'undelete it first: az backup protection undelete --resource-group rg-backup --vault-name rsv-test --container-name "iaasvmcontainerv2;rg-app;vm-web-01" --item-name "vm;iaasvmcontainerv2;rg-app;vm-web-01" --backup-management-type AzureIaasVM --workload-type VM (or in the portal: vault rsv-test > Backup items > Azure Virtual Machine > the item > Undelete), then run again';
    expect(check(state([item({ softDeleted: true, deferredDeleteTime: "2026-12-20T00:00:00Z" })], [])).issues).toEqual([
      { path: "vms[0]", message: `VM vm-web-01 has a soft-deleted backup item in vault rsv-test (purged after 2026-12-20T00:00:00Z); Azure refuses to protect it again until it is undeleted: ${hint}` },
    ]);
    expect(check(state([item({ softDeleted: true })], [])).issues[0]!.message).toBe(
      `VM vm-web-01 has a soft-deleted backup item in vault rsv-test; Azure refuses to protect it again until it is undeleted: ${hint}`,
    );
  });

  it("rejects a VM protected by a vault of another resource group", () => {
    expect(check(state([item({ vaultName: "rsv-other", vaultResourceGroup: "rg-other" })], [])).issues).toEqual([
      {
        path: "vms[0]",
        message:
          "VM vm-web-01 is already protected by vault rsv-other (resource group rg-other); a VM can be in one vault only and Azure would refuse it mid-deployment. Stop its protection there (keeping or deleting the data) or leave it out of this stack",
      },
    ]);
  });

  it("takes another vault name in the same resource group for a rename, once, listing its VMs", () => {
    const result = check(state([item({ vaultName: "rsv-old", vaultResourceGroup: "RG-Backup" })], []));
    expect(result.issues).toEqual([
      {
        path: "vault.name",
        message:
          "is rsv-test, but vault rsv-old in resource group rg-backup already protects vm-web-01. A Recovery Services vault cannot be renamed: a new name creates a second, empty vault and Azure refuses the VMs in it. Keep vault.name: rsv-old",
      },
    ]);
    expect(result.changes).toEqual([]);
  });

  it("matches the vault by name and resource group ignoring case", () => {
    expect(check(state([item({ vaultName: "RSV-TEST", vaultResourceGroup: "RG-BACKUP" })], [policy("daily-standard", SAME)]))).toEqual({ issues: [], warnings: [], changes: [] });
  });

  it("records a change of protection state, and reads Azure's transient states as protected", () => {
    expect(check(state([item({ protectionState: "ProtectionStopped" })], [policy("daily-standard", SAME)])).changes).toEqual([
      { kind: "protection-state", subject: "vm rg-app/vm-web-01", path: "vms[0]", detail: "ProtectionStopped -> Protected", reductions: [] },
    ]);
    expect(check(state([item({ protectionState: "IRPending" })], [policy("daily-standard", SAME)])).changes).toEqual([]);
    expect(
      check(state([item({ protectionState: "ProtectionStopped", policyName: undefined })], [policy("daily-standard", SAME)]), (f) => {
        f.vms[0]!.protection = "Stopped";
      }).changes,
    ).toEqual([]);
  });

  it("does not judge a policy move for a VM whose protection is being stopped", () => {
    const result = check(state([item({ policyName: "long" })], [policy("daily-standard", SAME), policy("long", { daily: 365 })]), (f) => {
      f.vms[0]!.protection = "Stopped";
    });
    expect(result.issues).toEqual([]);
    expect(result.changes.map((c) => c.kind)).toEqual(["protection-state", "not-declared"]);
  });

  it("rejects an unacknowledged move to a policy that keeps less, and records the move", () => {
    const result = check(state([item({ policyName: "Long" })], [policy("daily-standard", SAME), policy("long", { daily: 365, instantRestore: 2 })]), (f) => {
      f.policies.long = { schedule: { frequency: "Daily", time: "22:00" }, retention: { daily: 365 } };
    });
    expect(result.issues).toEqual([
      {
        path: "vms[0].policy",
        message:
          'moving VM vm-web-01 from policy Long to daily-standard cuts the retention of its existing recovery points (daily 365 days -> 30 days); Azure applies the new policy\'s retention to points already taken. Keep the policy, or acknowledge the cut with allowRetentionReduction: "<reason>" on this entry',
      },
    ]);
    expect(result.changes).toEqual([{ kind: "policy-move", subject: "vm rg-app/vm-web-01", path: "vms[0]", detail: "Long -> daily-standard", reductions: ["daily 365 days -> 30 days"] }]);
  });

  it("accepts an acknowledged move and records the reason", () => {
    const result = check(state([item({ policyName: "long" })], [policy("daily-standard", SAME), policy("long", { daily: 365, instantRestore: 2 })]), (f) => {
      f.policies.long = { schedule: { frequency: "Daily", time: "22:00" }, retention: { daily: 365 } };
      f.vms[0]!.allowRetentionReduction = "CHG-9: archive elsewhere";
    });
    expect(result.issues).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.changes).toEqual([
      { kind: "policy-move", subject: "vm rg-app/vm-web-01", path: "vms[0]", detail: "long -> daily-standard", reductions: ["daily 365 days -> 30 days"], acknowledged: "CHG-9: archive elsewhere" },
    ]);
  });

  it("warns of a VM acknowledgement when the move cuts nothing or there is no move", () => {
    const warning = { path: "vms[0].allowRetentionReduction", message: "is set but moving this VM cuts nothing: remove it, so that a later cut is not acknowledged by accident" };
    const moveUp = check(state([item({ policyName: "short" })], [policy("daily-standard", SAME), policy("short", { daily: 7 })]), (f) => {
      f.vms[0]!.allowRetentionReduction = "CHG-9";
    });
    expect(moveUp.warnings).toEqual([warning]);
    expect(moveUp.changes).toEqual([
      { kind: "policy-move", subject: "vm rg-app/vm-web-01", path: "vms[0]", detail: "short -> daily-standard", reductions: [] },
      { kind: "not-declared", subject: "policy short", path: "", detail: "exists in the vault and is not declared: left as it is (not deleted)", reductions: [] },
    ]);
    const noMove = check(state([item()], [policy("daily-standard", SAME)]), (f) => {
      f.vms[0]!.allowRetentionReduction = "CHG-9";
    });
    expect(noMove.warnings).toEqual([warning]);
  });

  it("moves from a policy Azure did not return as of unknown retention", () => {
    expect(check(state([item({ policyName: "gone" })], [policy("daily-standard", SAME)])).changes).toEqual([
      { kind: "policy-move", subject: "vm rg-app/vm-web-01", path: "vms[0]", detail: "gone -> daily-standard (current retention unknown)", reductions: [] },
    ]);
  });

  it("rejects moving a VM from an Enhanced policy to a Standard one", () => {
    const result = check(state([item({ policyName: "enhanced" })], [policy("daily-standard", SAME), policy("enhanced", { daily: 30 }, "V2")]));
    expect(result.issues).toEqual([
      {
        path: "vms[0].policy",
        message: "VM vm-web-01 is protected by Enhanced policy enhanced; Azure does not move a protected VM from an Enhanced policy to a Standard one (daily-standard): choose an Enhanced policy",
      },
    ]);
    expect(result.changes.map((c) => c.kind)).toEqual(["not-declared"]);
  });

  it("points a selector's VM at the selector and asks for an entry under vms", () => {
    const { config } = estate((f) => {
      f.vms = [];
      f.policies.long = { schedule: { frequency: "Daily", time: "22:00" }, retention: { daily: 365 } };
      f.selectors = [{ tags: { backup: "daily" }, policy: "daily-standard" }];
    });
    const { entries } = resolveVmEntries(config.vms, config.selectors, [[{ id: vmId("rg-app", "vm-web-01"), tags: { backup: "daily" } }]], config.vmDefaults);
    const result = checkDataSafety(config, config.vaults[0]!, entries, state([item({ policyName: "long" })], [policy("daily-standard", SAME), policy("long", { daily: 365 })]));
    expect(result.issues.map((i) => i.path)).toEqual(["selectors[0]"]);
    expect(result.issues[0]!.message).toMatch(/on an entry for the VM under vms$/);
  });
});
