/* eslint-disable @typescript-eslint/no-explicit-any -- reading nested API bodies the engine recorded */
import * as pulumi from "@pulumi/pulumi";
import { describe, expect, it } from "vitest";
import { BackupEstate, type BackupEstateArgs } from "../../index";
import { ProgramError, runProgram } from "../../infra/offline/engine/runProgram";
import type { RecordedResource } from "../../infra/offline/engine/recordedResource";
import { pendingVmFactIssues } from "../../infra/package/pendingVm";
import { planEstate } from "../../infra/package/planEstate";
import { ComputeVm } from "./computeVm";

const SUB = "11111111-1111-1111-1111-111111111111";
const vmId = (rg: string, name: string) => `/subscriptions/${SUB}/resourceGroups/${rg}/providers/Microsoft.Compute/virtualMachines/${name}`;
const run = (program: () => unknown) => runProgram({ config: { "azure-native:subscriptionId": SUB }, program });
const byType = (resources: readonly RecordedResource[], type: string) => resources.filter((r) => r.type === type);
const failure = (program: () => unknown) => run(program).then(() => undefined, (e: unknown) => e as ProgramError);

const daily = { schedule: { frequency: "Daily" as const, time: "22:00" }, retention: { daily: 30 } };
const args: BackupEstateArgs = {
  vaults: {
    we: { name: "rsv-we", resourceGroupName: "rg-backup-we", location: "westeurope", primary: true },
    ne: { name: "rsv-ne", resourceGroupName: "rg-backup-ne", location: "northeurope" },
  },
  policies: { daily },
  vms: [
    { id: vmId("rg-app", "app-we"), policy: "daily", os: "Linux", location: "westeurope" },
    { id: vmId("rg-app", "app-ne"), policy: "daily", os: "Linux", location: "northeurope" },
  ],
};

describe("BackupEstate with vaults", () => {
  it("declares each vault with its policies and routes each VM to the vault of its region, a same-program VM to the vault it names", async () => {
    const { resources } = await run(() => {
      const vm = new ComputeVm("app-new", { resourceGroupName: "rg-app", location: "northeurope" });
      new BackupEstate("backup", { ...args, vms: [...args.vms!, { id: vm.id, name: "app-new", policy: "daily", os: "Linux", vault: "ne", location: vm.location }] });
    });
    const estate = resources.find((r) => r.type === "azure-vm-backup:index:BackupEstate")!;
    const vaults = byType(resources, "azure-native:recoveryservices:Vault");
    expect(vaults.map((v) => [v.inputs.vaultName, v.inputs.location, v.inputs.resourceGroupName])).toEqual([
      ["rsv-ne", "northeurope", "rg-backup-ne"],
      ["rsv-we", "westeurope", "rg-backup-we"],
    ]);
    // The primary vault's policy keeps the one-vault name; the other vault's carries its vault's name.
    const policies = byType(resources, "azure-native:recoveryservices:ProtectionPolicy");
    expect(policies.map((p) => [p.name, p.inputs.vaultName, p.inputs.policyName]).sort()).toEqual([
      ["daily-policy", "rsv-we", "daily"],
      ["rsv-ne/daily-policy", "rsv-ne", "daily"],
    ]);
    const policyId = (vault: string) => policies.find((p) => p.inputs.vaultName === vault)!.id;
    const items = byType(resources, "azure-native:recoveryservices:ProtectedItem");
    const item = (suffix: string) => items.find((i) => i.name.endsWith(suffix))!;
    expect(item("app-we-item").inputs.vaultName).toBe("rsv-we");
    expect((item("app-we-item").inputs.properties as any).policyId).toBe(policyId("rsv-we"));
    expect(item("app-ne-item").inputs.vaultName).toBe("rsv-ne");
    expect((item("app-ne-item").inputs.properties as any).policyId).toBe(policyId("rsv-ne"));
    const added = item("app-new-item");
    expect(added.parent).toBe(estate.urn);
    expect(added.inputs).toMatchObject({ vaultName: "rsv-ne", resourceGroupName: "rg-backup-ne", containerName: "iaasvmcontainer;iaasvmcontainerv2;rg-app;app-new" });
    expect((added.inputs.properties as any).policyId).toBe(policyId("rsv-ne"));
    expect(estate.outputs).toMatchObject({
      vaultName: "rsv-we",
      resourceGroupName: "rg-backup-we",
      vaultIds: { we: vaults[1]!.id, ne: vaults[0]!.id },
      protectedVmCount: 3,
    });
  });

  it("refuses with the stack's messages before registering: vault with vaults, a VM no vault can take", async () => {
    const both = await failure(() => new BackupEstate("backup", { ...args, vault: { name: "rsv-one", resourceGroupName: "rg-one", location: "westeurope" } }));
    expect(both!.message).toContain("vaults: is given together with vault");
    expect(both!.resources.filter((r) => r.custom)).toEqual([]);

    const unplaced = await failure(() => new BackupEstate("backup", {
      ...args,
      vms: [
        { id: vmId("rg-app", "app-us"), policy: "daily", os: "Linux", location: "eastus" },
        { id: pulumi.output(vmId("rg-app", "app-new")), name: "app-new", policy: "daily", os: "Linux" },
      ],
    }));
    expect(unplaced!.message).toContain("vms[0].id: is VM app-us in region eastus, where this stack has no vault (vaults: ne (northeurope), we (westeurope))");
    expect(unplaced!.message).toContain("vms[1].id: could not be looked up and states no region, so no vault can be chosen for it: state location: <region> or vault: <key>");
    expect(unplaced!.resources.filter((r) => r.custom)).toEqual([]);

    const unknownKey = await failure(() => new BackupEstate("backup", { ...args, vms: [{ id: vmId("rg-app", "app-x"), policy: "daily", os: "Linux", vault: "nowhere" }] }));
    expect(unknownKey!.message).toContain('vms[0].vault: must be one of the vault keys: ne, we (got "nowhere")');
  });

  it("checks a same-program VM's region against the vault it was routed to, once known", () => {
    const plan = planEstate({ ...args, vms: [{ id: pulumi.output(vmId("rg-app", "app-new")), name: "app-new", policy: "daily", os: "Linux", vault: "ne" }] } as unknown as Record<string, unknown>);
    const pending = [...plan.pending.values()][0]!;
    expect(pending).toMatchObject({ vaultKey: "ne", vaultLocation: "northeurope" });
    expect(pendingVmFactIssues(pending, plan.config, vmId("rg-app", "app-new"), "westeurope", []).map((i) => `${i.path}: ${i.message}`)).toEqual([
      "vms[0].id: is in westeurope but the vault is in northeurope; a VM can only be backed up to a vault in its own region",
    ]);
    expect(pendingVmFactIssues(pending, plan.config, vmId("rg-app", "app-new"), "northeurope", [])).toEqual([]);
  });
});

describe("BackupEstate takes every configuration key", () => {
  it("vault identity, SKU and alerts, a policy's schedule date, and adopted vault, policy and item reach Azure as the stack sends them", async () => {
    const vaultId = `/subscriptions/${SUB}/resourceGroups/rg-lib/providers/Microsoft.RecoveryServices/vaults/rsv-lib`;
    const { resources } = await run(() => new BackupEstate("backup", {
      vault: {
        name: "rsv-lib", resourceGroupName: "rg-lib", location: "westeurope", sku: "Standard",
        identity: { systemAssigned: true }, alerts: { classic: { criticalOperations: false } }, importId: vaultId,
      },
      policies: { daily: { ...daily, scheduleDate: "2025-03-01", importId: `${vaultId}/backupPolicies/daily`, allowRetentionReduction: "CHG-1: shorter daily" } },
      vms: [{
        id: vmId("rg-app", "app-01"), policy: "daily", os: "Linux", location: "westeurope",
        importId: `${vaultId}/backupFabrics/Azure/protectionContainers/iaasvmcontainer;iaasvmcontainerv2;rg-app;app-01/protectedItems/vm;iaasvmcontainerv2;rg-app;app-01`,
      }],
    }));
    const vault = byType(resources, "azure-native:recoveryservices:Vault")[0]!;
    expect(vault.inputs.sku).toEqual({ name: "Standard" });
    expect(vault.inputs.identity).toEqual({ type: "SystemAssigned" });
    expect((vault.inputs.properties as any).monitoringSettings.classicAlertSettings.alertsForCriticalOperations).toBe("Disabled");
    expect(vault.importId).toBe(vaultId);
    const policy = byType(resources, "azure-native:recoveryservices:ProtectionPolicy")[0]!;
    expect((policy.inputs.properties as any).schedulePolicy.scheduleRunTimes).toEqual(["2025-03-01T22:00:00Z"]);
    expect(policy.importId).toBe(`${vaultId}/backupPolicies/daily`);
    expect(byType(resources, "azure-native:recoveryservices:ProtectedItem")[0]!.importId).toContain("/protectedItems/vm;iaasvmcontainerv2;rg-app;app-01");
  });
});
