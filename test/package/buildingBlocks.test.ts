/* eslint-disable @typescript-eslint/no-explicit-any -- reading nested API bodies the engine recorded */
import * as pulumi from "@pulumi/pulumi";
import { describe, expect, it } from "vitest";
import { BackupVault, ProtectedVms, VmBackupExtensions, VmBackupPolicy, type PolicySettings } from "../../index";
import { ProgramError, runProgram } from "../../infra/offline/engine/runProgram";
import type { RecordedResource } from "../../infra/offline/engine/recordedResource";

const SUB = "11111111-1111-1111-1111-111111111111";
const vmId = (rg: string, name: string) => `/subscriptions/${SUB}/resourceGroups/${rg}/providers/Microsoft.Compute/virtualMachines/${name}`;
const run = (program: () => unknown) => runProgram({ config: { "azure-native:subscriptionId": SUB, "azure-native:location": "westeurope" }, program });
const one = (resources: readonly RecordedResource[], type: string) => {
  const found = resources.filter((r) => r.type === type);
  expect(found).toHaveLength(1);
  return found[0]!;
};
const failure = (program: () => unknown) => run(program).then(() => undefined, (e: unknown) => e as ProgramError);

const weekly: PolicySettings = {
  schedule: { frequency: "Weekly", time: "01:30", weekDays: ["Saturday"] },
  timeZone: "Europe/Berlin",
  retention: { weekly: { count: 8, days: ["Saturday"] }, yearly: { count: 3, months: ["January"], weeks: ["First"], days: ["Saturday"] } },
};

describe("building blocks", () => {
  it("BackupVault: the vault with the project's secure defaults, in the configured region", async () => {
    const { resources } = await run(() => new BackupVault("vault", { vault: { name: "rsv-blocks", resourceGroupName: "rg-blocks" } }));
    const vault = one(resources, "azure-native:recoveryservices:Vault");
    expect(vault.inputs).toMatchObject({
      vaultName: "rsv-blocks",
      location: "westeurope",
      properties: { publicNetworkAccess: "Disabled", securitySettings: { softDeleteSettings: { softDeleteState: "AlwaysON" }, immutabilitySettings: { state: "Unlocked" } } },
    });
    expect(vault.protect).toBe(true);
    expect(one(resources, "azure-native:resources:ResourceGroup").inputs.resourceGroupName).toBe("rg-blocks");
  });

  it("BackupVault: refuses bad settings with the configuration's key paths, before registering", async () => {
    const err = await failure(() => new BackupVault("vault", { vault: { name: "rsv-blocks", resourceGroupName: "rg-blocks", storageRedundancy: "LocallyRedundant", crossRegionRestore: true } }));
    expect(err).toBeInstanceOf(ProgramError);
    expect(err!.message).toContain("vault.crossRegionRestore");
    expect(err!.resources.filter((r) => r.custom)).toEqual([]);
  });

  it("VmBackupPolicy: a Weekly Standard policy as Azure receives it, time zone converted", async () => {
    const { resources } = await run(() => new VmBackupPolicy("weekly-sat", { vaultName: "rsv-blocks", resourceGroupName: "rg-blocks", policy: weekly }));
    const policy = one(resources, "azure-native:recoveryservices:ProtectionPolicy");
    expect(policy.inputs.policyName).toBe("weekly-sat");
    expect(policy.inputs.properties).toMatchObject({
      backupManagementType: "AzureIaasVM",
      timeZone: "W. Europe Standard Time",
      schedulePolicy: { scheduleRunFrequency: "Weekly", scheduleRunDays: ["Saturday"] },
      retentionPolicy: { weeklySchedule: { retentionDuration: { count: 8, durationType: "Weeks" } }, yearlySchedule: { monthsOfYear: ["January"] } },
    });
  });

  it("VmBackupPolicy: names each offending key under policies.<name>", async () => {
    const err = await failure(() => new VmBackupPolicy("weekly-sat", { vaultName: "v", resourceGroupName: "rg", policy: { ...weekly, retention: { daily: 30 } } }));
    expect(err!.message).toContain("policies.weekly-sat.retention");
    expect(err!.resources.filter((r) => r.custom)).toEqual([]);
  });

  it("ProtectedVms: one item per VM bound to its policy's ID; an unknown policy is refused", async () => {
    const { resources } = await run(() => new ProtectedVms("items", {
      vaultName: "rsv-blocks",
      resourceGroupName: "rg-blocks",
      location: "westeurope",
      policyIds: { weekly: pulumi.output("/policies/weekly") },
      vms: [{ id: vmId("rg-app", "db-01"), policy: "weekly", os: "Linux", location: "westeurope", dataDiskLuns: [0, 1], disks: { include: [0] } }],
    }));
    const item = one(resources, "azure-native:recoveryservices:ProtectedItem");
    expect(item.inputs).toMatchObject({ vaultName: "rsv-blocks", protectedItemName: "vm;iaasvmcontainerv2;rg-app;db-01" });
    expect((item.inputs.properties as any).policyId).toBe("/policies/weekly");
    expect((item.inputs.properties as any).extendedProperties.diskExclusionProperties).toEqual({ diskLunList: [0], isInclusionList: true });

    const err = await failure(() => new ProtectedVms("items", {
      vaultName: "v", resourceGroupName: "rg", location: "westeurope", policyIds: { weekly: "/p" },
      vms: [{ id: vmId("rg-app", "db-01"), policy: "daily", os: "Linux", location: "northeurope" }],
    }));
    expect(err!.message).toContain('vms[0].policy: must be one of the configured policies: weekly (got "daily")');
    // As in the stack, the rules on a VM's facts run once the configuration itself is valid.
    const region = await failure(() => new ProtectedVms("items", {
      vaultName: "v", resourceGroupName: "rg", location: "westeurope", policyIds: { weekly: "/p" },
      vms: [{ id: vmId("rg-app", "db-01"), policy: "weekly", os: "Linux", location: "northeurope" }],
    }));
    expect(region!.message).toContain("vms[0].id: is in northeurope but the vault is in westeurope");
    expect(region!.resources.filter((r) => r.custom)).toEqual([]);
  });

  it("VmBackupExtensions: the VSS run command of a Windows VM; scripts on Windows are refused", async () => {
    const { resources } = await run(() => new VmBackupExtensions("vm-side", {
      location: "westeurope",
      vms: [{ id: vmId("rg-app", "sql-01"), policy: "daily", os: "Windows", location: "westeurope", vss: "Copy" }],
    }));
    const command = one(resources, "azure-native:compute:VirtualMachineRunCommandByVirtualMachine");
    expect(command.inputs).toMatchObject({ vmName: "sql-01", resourceGroupName: "rg-app", location: "westeurope" });
    expect(JSON.stringify(command.inputs.source)).toContain("USEVSSCOPYBACKUP");

    const err = await failure(() => new VmBackupExtensions("vm-side", {
      location: "westeurope",
      vms: [{ id: vmId("rg-app", "sql-01"), policy: "daily", os: "Windows", location: "westeurope", scripts: { preScript: "/opt/pre.sh", postScript: "/opt/post.sh" } }],
    }));
    expect(err!.message).toContain("vms[0].scripts: are Linux only");
  });
});
