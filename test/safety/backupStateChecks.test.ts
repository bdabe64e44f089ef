import { describe, expect, it } from "vitest";
import type { RawStackConfig } from "../../infra/config/backupConfig";
import { ProgramError, runProgram } from "../../infra/offline/engine/runProgram";
import { deployedState, devInventoryWith, itemBody } from "../support/deployedState";
import { devConfig, devConfigWithVault, devInventory } from "../support/runConfig";

const WEB = "/subscriptions/6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f/resourceGroups/rg-app-prod/providers/Microsoft.Compute/virtualMachines/vm-web-01";
const PG = "/subscriptions/6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f/resourceGroups/rg-data-prod/providers/Microsoft.Compute/virtualMachines/vm-pg-01";
const DEV_VAULT = { rg: "rg-backup-dev", name: "rsv-backup-dev" };

const failure = (config: RawStackConfig, invoke = devInventoryWith(deployedState(devConfig()))) =>
  runProgram({ config, invoke }).then(
    () => "planned",
    (e: unknown) => (e instanceof ProgramError ? e.message : String(e)),
  );

describe("the backup state before pulumi up (issue 11, part 2)", () => {
  it("a VM already protected by another vault is an error naming that vault", async () => {
    const state = deployedState(devConfig());
    state.protectedItems = state.protectedItems!.map((i) => (i.properties.sourceResourceId === WEB ? itemBody(WEB, { rg: "rg-legacy-backup", name: "rsv-legacy" }, "DefaultPolicy") : i));
    const message = await failure(devConfig(), devInventoryWith(state));
    expect(message).toContain("vms[0]: VM vm-web-01 is already protected by vault rsv-legacy (resource group rg-legacy-backup); a VM can be in one vault only");
  });

  it("a renamed vault is an error explaining that a vault cannot be renamed (its VMs are in the old vault)", async () => {
    const message = await failure(devConfigWithVault({ name: "rsv-backup-dev2" }));
    expect(message).toContain(
      "vault.name: is rsv-backup-dev2, but vault rsv-backup-dev in resource group rg-backup-dev already protects vm-web-01, vm-sql-01, vm-app-01, vm-pg-01, vm-files-01. A Recovery Services vault cannot be renamed",
    );
    expect(message).toContain("Keep vault.name: rsv-backup-dev");
  });

  it("moving a protected VM from an Enhanced policy to a Standard one is an error (Azure refuses it)", async () => {
    const base = devConfig();
    const vms = JSON.parse(base["azure-vm-backup:vms"]!) as Array<{ id: string; policy: string }>;
    vms.find((v) => v.id === PG)!.policy = "daily-standard";
    const message = await failure({ ...base, "azure-vm-backup:vms": JSON.stringify(vms) });
    expect(message).toContain("vms[3].policy: VM vm-pg-01 is protected by Enhanced policy daily-enhanced-archive; Azure does not move a protected VM from an Enhanced policy to a Standard one (daily-standard): choose an Enhanced policy");
  });

  it("an Enhanced policy cannot be turned into a Standard one in place", async () => {
    const base = devConfig();
    const policies = JSON.parse(base["azure-vm-backup:policies"]!) as Record<string, Record<string, unknown>>;
    policies["daily-enhanced-archive"]!.tier = "Standard";
    const message = await failure({ ...base, "azure-vm-backup:policies": JSON.stringify(policies) });
    expect(message).toContain("policies.daily-enhanced-archive.tier: policy daily-enhanced-archive is Enhanced (V2) in Azure and cannot become Standard");
  });

  it("an item in soft delete gets an error saying how to undelete it", async () => {
    const state = deployedState(devConfig());
    state.protectedItems = state.protectedItems!.map((i) =>
      i.properties.sourceResourceId === WEB
        ? itemBody(WEB, DEV_VAULT, "daily-standard", { protectionState: "ProtectionStopped", isScheduledForDeferredDelete: true, deferredDeleteTimeInUTC: "2026-12-20T10:00:00Z" })
        : i,
    );
    const message = await failure(devConfig(), devInventoryWith(state));
    expect(message).toContain("vms[0]: VM vm-web-01 has a soft-deleted backup item in vault rsv-backup-dev (purged after 2026-12-20T10:00:00Z); Azure refuses to protect it again until it is undeleted");
    expect(message).toContain(
      'az backup protection undelete --resource-group rg-backup-dev --vault-name rsv-backup-dev --container-name "IaasVMContainer;iaasvmcontainerv2;rg-app-prod;vm-web-01" --item-name "VM;iaasvmcontainerv2;rg-app-prod;vm-web-01" --backup-management-type AzureIaasVM --workload-type VM',
    );
  });

  it("a backup state that cannot be read at pulumi up is an error, not a guess", async () => {
    const inventory = devInventory();
    const forbidden = (token: string, inputs: Record<string, unknown>) => {
      if (token === "azure-native:recoveryservices:getProtectedItem") throw new Error("AuthorizationFailed: no read access to the vault (403)");
      return inventory(token, inputs);
    };
    const message = await failure(devConfig(), forbidden);
    expect(message).toContain("vault: the current backup state of vault rsv-backup-dev could not be read (protected item of VM");
    expect(message).toContain("AuthorizationFailed: no read access to the vault (403)), so retention cuts and VMs protected elsewhere cannot be ruled out");
  });

  it("protection state changes of existing items are listed", async () => {
    const base = devConfig();
    const vms = JSON.parse(base["azure-vm-backup:vms"]!) as Array<Record<string, unknown>>;
    vms[0]!.protection = "Stopped";
    const run = await runProgram({ config: { ...base, "azure-vm-backup:vms": JSON.stringify(vms) }, invoke: devInventoryWith(deployedState(devConfig())) });
    expect((run.outputs.dataSafety as { changes: unknown[] }).changes).toEqual([
      { kind: "protection-state", subject: "vm rg-app-prod/vm-web-01", path: "vms[0]", detail: "Protected -> ProtectionStopped", reductions: [] },
    ]);
  });

  it("protection: Stopped on a VM the vault never protected is a warning: there is nothing to stop", async () => {
    const base = devConfig();
    const vms = JSON.parse(base["azure-vm-backup:vms"]!) as Array<Record<string, unknown>>;
    vms[0]!.protection = "Stopped";
    const state = deployedState(devConfig());
    state.protectedItems = state.protectedItems!.filter((i) => i.properties.sourceResourceId !== WEB);
    const run = await runProgram({ config: { ...base, "azure-vm-backup:vms": JSON.stringify(vms) }, invoke: devInventoryWith(state) });
    const warnings = (run.outputs.dataSafety as { warnings: Array<{ path: string; message: string }> }).warnings;
    expect(warnings).toContainEqual(expect.objectContaining({ path: "vms[0].protection", message: expect.stringMatching(/^is Stopped, but vault rsv-backup-dev holds no backup item for VM vm-web-01/) }));
  });
});
