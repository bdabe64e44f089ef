/* eslint-disable @typescript-eslint/no-explicit-any -- reading nested API bodies the engine recorded */
import * as pulumi from "@pulumi/pulumi";
import { ComputeVm } from "./computeVm";
import { describe, expect, it } from "vitest";
import { BackupEstate, type BackupEstateArgs } from "../../index";
import { runProgram, ProgramError } from "../../infra/offline/engine/runProgram";
import type { RecordedResource } from "../../infra/offline/engine/recordedResource";
import { pendingVmFactIssues } from "../../infra/package/pendingVm";
import { planEstate } from "../../infra/package/planEstate";

const SUB = "11111111-1111-1111-1111-111111111111";
const VM_ID = `/subscriptions/${SUB}/resourceGroups/rg-app/providers/Microsoft.Compute/virtualMachines/app-01`;

const args: BackupEstateArgs = {
  vault: { name: "rsv-lib", resourceGroupName: "rg-lib", location: "westeurope", storageRedundancy: "ZoneRedundant" },
  policies: {
    "daily-standard": {
      schedule: { frequency: "Daily", time: "22:00" },
      timeZone: "UTC",
      retention: { daily: 30, monthly: { count: 12, daysOfMonth: ["1", "Last"] } },
    },
  },
  vms: [{ id: VM_ID, policy: "daily-standard", os: "Linux", location: "westeurope", dataDiskLuns: [0, 1], disks: { exclude: [1] } }],
};

const run = (program: () => unknown) => runProgram({ config: { "azure-native:subscriptionId": SUB }, program });
const byType = (resources: readonly RecordedResource[], type: string) => resources.filter((r) => r.type === type);

describe("BackupEstate", () => {
  it("declares vault, policy and item under the component with the values Azure receives", async () => {
    const { resources } = await run(() => {
      new BackupEstate("backup", args);
    });
    const estate = resources.find((r) => r.type === "azure-vm-backup:index:BackupEstate")!;
    expect(estate.name).toBe("backup");
    const vault = byType(resources, "azure-native:recoveryservices:Vault")[0]!;
    expect(vault.inputs.vaultName).toBe("rsv-lib");
    expect((vault.inputs.properties as Record<string, any>).redundancySettings.standardTierStorageRedundancy).toBe("ZoneRedundant");
    const policy = byType(resources, "azure-native:recoveryservices:ProtectionPolicy")[0]!;
    expect(policy.inputs.policyName).toBe("daily-standard");
    const monthly = (policy.inputs.properties as Record<string, any>).retentionPolicy.monthlySchedule;
    expect(monthly.retentionScheduleFormatType).toBe("Daily");
    expect(monthly.retentionScheduleDaily.daysOfTheMonth).toEqual([{ date: 1, isLast: false }, { date: 0, isLast: true }]);
    const item = byType(resources, "azure-native:recoveryservices:ProtectedItem")[0]!;
    expect(item.name).toBe("rg-app/app-01-item");
    expect(item.inputs.containerName).toBe("iaasvmcontainer;iaasvmcontainerv2;rg-app;app-01");
    expect((item.inputs.properties as Record<string, any>).sourceResourceId).toBe(VM_ID);
    expect((item.inputs.properties as Record<string, any>).extendedProperties.diskExclusionProperties).toEqual({ diskLunList: [1], isInclusionList: false });
    // Everything hangs under the component: nothing at the stack's root but the component itself.
    const components = resources.filter((r) => r.type.startsWith("azure-vm-backup:") && r.type !== "azure-vm-backup:index:BackupEstate");
    for (const c of components) expect(c.parent).toBe(estate.urn);
  });

  it("throws the stack's key-path messages before registering anything", async () => {
    const bad = {
      ...args,
      vault: { ...args.vault!, softDeleteRetentionDays: 3 },
      policies: { "daily-standard": { ...args.policies["daily-standard"]!, retention: { daily: 2 } } },
      vms: [{ id: "not-an-id", policy: "weekly" }],
    } as BackupEstateArgs;
    const err = await run(() => {
      new BackupEstate("backup", bad);
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProgramError);
    const message = (err as ProgramError).message;
    expect(message).toContain("vault.softDeleteRetentionDays");
    expect(message).toContain("policies.daily-standard.retention.daily");
    expect(message).toContain("vms[0].id");
    expect(message).toContain("vms[0].policy");
    expect((err as ProgramError).resources.filter((r) => r.type.startsWith("azure"))).toEqual([]);
  });

  it("protects a VM declared in the same program, its ID and names from the VM's outputs", async () => {
    const { resources } = await run(() => {
      const vm = new ComputeVm("app-02", { resourceGroupName: "rg-app", location: "westeurope" });
      new BackupEstate("backup", { ...args, vms: [{ id: vm.id, name: "app-02", policy: "daily-standard", os: "Windows", location: vm.location }] });
    });
    const item = byType(resources, "azure-native:recoveryservices:ProtectedItem")[0]!;
    expect(item.name).toBe("app-02-item");
    expect(item.inputs.containerName).toBe("iaasvmcontainer;iaasvmcontainerv2;rg-app;app-02");
    expect((item.inputs.properties as Record<string, any>).sourceResourceId).toMatch(/\/resourceGroups\/rg-app\/providers\/Microsoft.Compute\/virtualMachines\/app-02$/);
    expect(item.dependencies.some((d) => d.includes("VirtualMachine::app-02"))).toBe(true);
  });

  it("checks a same-program VM's rules on its known values, with the stack's messages", () => {
    const plan = planEstate({ ...args, vms: [{ id: pulumi.output(VM_ID), name: "app-03", policy: "daily-standard", os: "Linux", disks: { include: [4] } }] });
    const { config } = plan;
    const pending = [...plan.pending.values()][0]!;
    expect(pending).toMatchObject({ index: 0, name: "app-03", vaultKey: "vault", vaultLocation: "westeurope", standIn: config.vms[0]!.id });
    expect(pendingVmFactIssues(pending, config, VM_ID, "northeurope", [0]).map((i) => `${i.path}: ${i.message}`)).toEqual([
      "vms[0].id: is in northeurope but the vault is in westeurope; a VM can only be backed up to a vault in its own region",
      "vms[0].disks.include: lists LUN 4 not attached to the VM (attached data-disk LUNs: 0)",
    ]);
    expect(pendingVmFactIssues(pending, config, "vm-1", "westeurope", [4]).map((i) => i.path)).toEqual(["vms[0].id"]);
    expect(pendingVmFactIssues(pending, config, VM_ID, "westeurope", [4])).toEqual([]);
  });

  it("requires a name for an output ID", async () => {
    const err = await run(() => {
      new BackupEstate("backup", { ...args, vms: [{ id: pulumi.output(VM_ID), policy: "daily-standard", os: "Linux" }] });
    }).catch((e: unknown) => e);
    expect((err as Error).message).toContain("vms[0].name: is required when id is an output");
  });
});
