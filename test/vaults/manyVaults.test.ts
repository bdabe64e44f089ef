import { describe, expect, it } from "vitest";
import { inventoryInvokeHandler, type Inventory } from "../../infra/offline/engine/inventory";
import { ProgramError, runProgram, type ProgramRun } from "../../infra/offline/engine/runProgram";
import { renderPlanSummary } from "../../infra/cli/render/planSummary";
import { renderReviewSummary } from "../../infra/cli/render/reviewSummary";
import { toEstateView } from "../../infra/offline/views/estateView";
import { renderMarkdownReport } from "../../infra/report/markdownReport";
import { devConfig, runConfig } from "../support/runConfig";
import { toRaw, vmId, type ConfigFixture } from "../fixtures/stackConfig";

const VAULT = "azure-native:recoveryservices:Vault";
const POLICY = "azure-native:recoveryservices:ProtectionPolicy";
const ITEM = "azure-native:recoveryservices:ProtectedItem";
const SUB0 = "00000000-0000-0000-0000-000000000000";

/** A VM as the look-up answers it: running Windows, in `location`. */
const inventoryVm = (id: string, location: string): Inventory["virtualMachines"][number] => ({
  id,
  location,
  os: "Windows",
  securityType: "Standard",
  powerState: "running",
  osDisk: { sku: "Premium_LRS" },
  dataDisks: [],
  tags: {},
});

const WEB = vmId("rg-app-weu", "vm-web-01");
const API = vmId("rg-app-weu", "vm-api-01");
const NEU = vmId("rg-app-neu", "vm-db-01");
const NEU2 = vmId("rg-app-neu", "vm-db-02");
const INVENTORY: Inventory = {
  virtualMachines: [inventoryVm(WEB, "westeurope"), inventoryVm(API, "West Europe"), inventoryVm(NEU, "northeurope"), inventoryVm(NEU2, "northeurope")],
};

function twoVaults(): ConfigFixture & { vaults: Record<string, Record<string, unknown>>; vms: Array<Record<string, unknown>> } {
  return {
    vaults: {
      weu: { name: "rsv-weu", resourceGroupName: "rg-backup-weu", primary: true },
      neu: { name: "rsv-neu", resourceGroupName: "rg-backup-neu", location: "northeurope" },
    },
    policies: {
      "daily-standard": { schedule: { frequency: "Daily", time: "22:00" }, retention: { daily: 30 } },
      "weekly-standard": { schedule: { frequency: "Weekly", time: "01:00", weekDays: ["Sunday"] }, retention: { weekly: { count: 12, days: ["Sunday"] } } },
    },
    vms: [
      { id: WEB, policy: "daily-standard" },
      { id: API, policy: "weekly-standard" },
      { id: NEU, policy: "daily-standard" },
    ],
  };
}

function run(fixture: ConfigFixture, inventory: Inventory = INVENTORY): Promise<ProgramRun> {
  return runProgram({ config: toRaw(fixture), invoke: inventoryInvokeHandler({ inventory }) });
}

async function failure(fixture: ConfigFixture, inventory: Inventory = INVENTORY): Promise<ProgramError> {
  const err = await run(fixture, inventory).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ProgramError);
  expect((err as ProgramError).resources.filter((r) => r.custom)).toEqual([]);
  return err as ProgramError;
}

const policyId = (rg: string, vault: string, policy: string) =>
  `/subscriptions/${SUB0}/resourceGroups/${rg}/providers/Microsoft.RecoveryServices/vaults/${vault}/backupPolicies/${policy}`;

describe("a stack with one vault under vaults", () => {
  it("plans exactly the URNs, types, parents and inputs of the same stack under vault", async () => {
    const base = devConfig();
    const { "azure-vm-backup:vault": vault, ...rest } = base;
    const asVaults = { ...rest, "azure-vm-backup:vaults": JSON.stringify({ dev: JSON.parse(vault!) }) };
    const [one, many] = await Promise.all([runConfig(base), runConfig(asVaults)]);
    const view = (r: ProgramRun) =>
      r.resources.map((x) => ({ urn: x.urn, type: x.type, parent: x.parent, inputs: x.inputs, protect: x.protect })).sort((a, b) => a.urn.localeCompare(b.urn));
    expect(view(many)).toEqual(view(one));
    expect(many.resources.length).toBeGreaterThan(20);
    expect(many.outputs).toEqual(one.outputs);
  });
});

describe("a stack with two vaults", () => {
  it("creates each policy in every vault with a VM on it, under the same Azure name and that vault's vaultName", async () => {
    const r = await run(twoVaults());
    expect(r.resources.filter((x) => x.type === VAULT).map((x) => [x.inputs.vaultName, x.inputs.location]).sort()).toEqual([
      ["rsv-neu", "northeurope"],
      ["rsv-weu", "westeurope"],
    ]);
    const policies = r.resources.filter((x) => x.type === POLICY).map((x) => [x.name, x.inputs.policyName, x.inputs.vaultName, x.inputs.resourceGroupName]).sort();
    // weu is primary: it holds every policy, under the names of a one-vault stack; neu holds only what its VMs use.
    expect(policies).toEqual([
      ["daily-standard-policy", "daily-standard", "rsv-weu", "rg-backup-weu"],
      ["rsv-neu/daily-standard-policy", "daily-standard", "rsv-neu", "rg-backup-neu"],
      ["weekly-standard-policy", "weekly-standard", "rsv-weu", "rg-backup-weu"],
    ]);
    const policyInputs = r.resources.filter((x) => x.type === POLICY && x.inputs.policyName === "daily-standard").map((x) => x.inputs.properties);
    expect(policyInputs[0]).toEqual(policyInputs[1]);
  });

  it("puts each VM's item in the vault of its region, bound to the policy of that same vault", async () => {
    const r = await run(twoVaults());
    const items = r.resources.filter((x) => x.type === ITEM);
    const byVm = Object.fromEntries(items.map((x) => [(x.inputs.properties as { sourceResourceId: string }).sourceResourceId, x]));
    expect(byVm[WEB]!.inputs.vaultName).toBe("rsv-weu");
    expect(byVm[API]!.inputs.vaultName).toBe("rsv-weu");
    expect(byVm[NEU]!.inputs.vaultName).toBe("rsv-neu");
    expect(byVm[NEU]!.inputs.resourceGroupName).toBe("rg-backup-neu");
    expect((byVm[WEB]!.inputs.properties as { policyId: string }).policyId).toBe(policyId("rg-backup-weu", "rsv-weu", "daily-standard"));
    expect((byVm[NEU]!.inputs.properties as { policyId: string }).policyId).toBe(policyId("rg-backup-neu", "rsv-neu", "daily-standard"));
    // Items keep their VM-keyed names, under each vault's own collection component.
    expect(byVm[NEU]!.urn).toBe("urn:pulumi:dev::azure-vm-backup::azure-vm-backup:protection:ProtectedVms$azure-native:recoveryservices:ProtectedItem::rg-app-neu/vm-db-01-item");
    expect(byVm[NEU]!.parent).toBe("urn:pulumi:dev::azure-vm-backup::azure-vm-backup:protection:ProtectedVms::rsv-neu");
    expect(byVm[WEB]!.parent).toBe("urn:pulumi:dev::azure-vm-backup::azure-vm-backup:protection:ProtectedVms::rsv-weu");
    const urns = r.resources.map((x) => x.urn);
    expect(new Set(urns).size).toBe(urns.length);
  });

  it("routes a VM to the vault it names, and outputs every vault's names and policy IDs", async () => {
    const f = twoVaults();
    f.vaults.neu2 = { name: "rsv-neu-2", resourceGroupName: "rg-backup-neu-2", location: "northeurope" };
    f.vms[2]!.vault = "neu";
    f.vms.push({ id: NEU2, policy: "weekly-standard", vault: "neu2" });
    const r = await run(f, INVENTORY);
    const item = (id: string) => r.resources.find((x) => x.type === ITEM && (x.inputs.properties as { sourceResourceId: string }).sourceResourceId === id)!;
    expect(item(NEU).inputs.vaultName).toBe("rsv-neu");
    expect(item(NEU2).inputs.vaultName).toBe("rsv-neu-2");
    expect((item(NEU2).inputs.properties as { policyId: string }).policyId).toBe(policyId("rg-backup-neu-2", "rsv-neu-2", "weekly-standard"));
    expect(Object.keys(r.outputs.vaults as object).sort()).toEqual(["neu", "neu2", "weu"]);
    expect(r.outputs.vaultName).toBe("rsv-weu");
    expect(r.outputs.protectedVmCount).toBe(4);
    expect((r.outputs.vaults as Record<string, { policyIds: Record<string, string> }>).neu2!.policyIds).toEqual({
      "weekly-standard": policyId("rg-backup-neu-2", "rsv-neu-2", "weekly-standard"),
    });
  });

  it("routes a VM that cannot be looked up by the region its entry states", async () => {
    const f = twoVaults();
    f.vms.push({ id: vmId("rg-app-neu", "vm-new"), policy: "daily-standard", os: "Linux", location: "northeurope" });
    const r = await run(f);
    const item = r.resources.find((x) => x.type === ITEM && x.name === "rg-app-neu/vm-new-item")!;
    expect(item.inputs.vaultName).toBe("rsv-neu");
  });

  it("keeps policy component names apart in every vault when none is primary, and warns", async () => {
    const f = twoVaults();
    delete f.vaults.weu!.primary;
    const r = await run(f);
    expect(r.resources.filter((x) => x.type === "azure-vm-backup:policy:VmBackupPolicy").map((x) => x.name).sort()).toEqual([
      "rsv-neu/daily-standard",
      "rsv-weu/daily-standard",
      "rsv-weu/weekly-standard",
    ]);
  });
});

describe("routing errors", () => {
  it("names the VM and its region when no vault is in that region", async () => {
    const f = twoVaults();
    const far = vmId("rg-app-sea", "vm-far-01");
    f.vms.push({ id: far, policy: "daily-standard" });
    const err = await failure(f, { virtualMachines: [...INVENTORY.virtualMachines, inventoryVm(far, "southeastasia")] });
    expect(err.message).toContain(
      "vms[3].id: is VM vm-far-01 in region southeastasia, where this stack has no vault (vaults: neu (northeurope), weu (westeurope)); add a vault in southeastasia under vaults, or remove the VM",
    );
  });

  it("names the VM, its region and the vaults there when two vaults share the region and the entry names none", async () => {
    const f = twoVaults();
    f.vaults.neu2 = { name: "rsv-neu-2", resourceGroupName: "rg-backup-neu-2", location: "North Europe" };
    const err = await failure(f);
    expect(err.message).toContain("vms[2].vault: is VM vm-db-01 in region northeurope, where this stack has 2 vaults (neu, neu2); choose one with vault: neu | neu2");
  });

  it("rejects a VM pinned to a vault of another region, and a VM of unknown region", async () => {
    const f = twoVaults();
    f.vms[0]!.vault = "neu";
    f.vms.push({ id: vmId("rg-x", "vm-unknown"), policy: "daily-standard", os: "Windows" });
    const err = await failure(f);
    expect(err.message).toContain("vms[0].id: is in westeurope but the vault is in northeurope; a VM can only be backed up to a vault in its own region");
    expect(err.message).toContain("vms[3].id: could not be looked up and states no region, so no vault can be chosen for it: state location: <region> or vault: <key>");
  });

  it("routes selector matches by region and reports a match in a region without a vault on the selector", async () => {
    const f = twoVaults();
    f.vms = [];
    f.selectors = [{ tags: { backup: "gold" }, policy: "daily-standard" }];
    const tagged = (vm: Inventory["virtualMachines"][number]) => ({ ...vm, tags: { backup: "gold" } });
    const far = vmId("rg-app-sea", "vm-far-01");
    const ok = await run(f, { virtualMachines: INVENTORY.virtualMachines.map(tagged) });
    expect(ok.resources.filter((x) => x.type === ITEM).map((x) => [x.name, x.inputs.vaultName]).sort()).toEqual([
      ["rg-app-neu/vm-db-01-item", "rsv-neu"],
      ["rg-app-neu/vm-db-02-item", "rsv-neu"],
      ["rg-app-weu/vm-api-01-item", "rsv-weu"],
      ["rg-app-weu/vm-web-01-item", "rsv-weu"],
    ]);
    const err = await failure(f, { virtualMachines: [...INVENTORY.virtualMachines, inventoryVm(far, "southeastasia")].map(tagged) });
    expect(err.message).toContain(`selectors[0]: matches VM ${far}, which is VM vm-far-01 in region southeastasia, where this stack has no vault`);
  });
});

describe("the estate shown vault by vault", () => {
  it("in the plan summary, the Markdown report and the review", async () => {
    const r = await run(twoVaults());
    const summary = renderPlanSummary("dev", r.resources, []);
    const neu = summary.indexOf("Vault rsv-neu in rg-backup-neu (northeurope)");
    const weu = summary.indexOf("Vault rsv-weu in rg-backup-weu (westeurope)");
    expect(neu).toBeGreaterThan(0);
    expect(weu).toBeGreaterThan(neu);
    // Each vault's section lists its own policies and VMs only.
    expect(summary.slice(neu, weu)).toContain("vm-db-01");
    expect(summary.slice(neu, weu)).not.toContain("vm-web-01");
    expect(summary.slice(neu, weu)).not.toContain("weekly-standard");
    expect(summary.slice(weu)).toContain("vm-web-01");

    const estate = toEstateView(r.resources);
    const md = renderMarkdownReport({ stack: "dev", source: "test", estate, referenceDate: new Date("2026-01-15T12:00:00Z") });
    expect(md).toContain("2 vaults, 3 policies, 3 protected VMs.");
    expect(md).toContain("| Vault | Policy | Tier |");
    expect(md).toContain("| rsv-neu | daily-standard | Standard |");
    expect(md).toContain("| rsv-neu | vm-db-01 | rg-app-neu | daily-standard |");
    expect(md).toContain("vault_rsv_neu --> policy_rsv_neu_daily_standard");
    expect(md).toContain("policy_rsv_neu_daily_standard --> vm_rg_app_neu_vm_db_01");

    const review = renderReviewSummary("test", { packName: "p", packVersion: "1", resources: r.resources.length, evaluations: [], violations: [] } as never, estate);
    expect(review).toContain("  vault rsv-neu (northeurope, rg-backup-neu): 1 policy, 1 protected VM\n  vault rsv-weu (westeurope, rg-backup-weu): 2 policies, 2 protected VMs");
  });
});

describe("two vaults on the classic provider", () => {
  it("route and bind alike: each item and policy in the vault of its VM's region", async () => {
    const f = twoVaults();
    f.provider = "classic";
    for (const v of Object.values(f.vaults)) v.softDelete = "Enabled";
    const r = await run(f);
    const items = r.resources.filter((x) => x.type === "azure:backup/protectedVM:ProtectedVM");
    const neu = items.find((x) => x.inputs.sourceVmId === NEU)!;
    expect(neu.inputs.recoveryVaultName).toBe("rsv-neu");
    expect(neu.inputs.backupPolicyId).toBe(policyId("rg-backup-neu", "rsv-neu", "daily-standard"));
    expect(items.find((x) => x.inputs.sourceVmId === WEB)!.inputs.recoveryVaultName).toBe("rsv-weu");
    expect(r.resources.filter((x) => x.type === "azure:backup/policyVM:PolicyVM").map((x) => x.name).sort()).toEqual([
      "daily-standard-policy",
      "rsv-neu/daily-standard-policy",
      "weekly-standard-policy",
    ]);
  });
});
