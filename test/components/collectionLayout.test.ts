import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import type { RecordedResource } from "../../infra/offline/engine/recordedResource";
import { devConfig, expressibleDevConfig, runConfig } from "../support/runConfig";

/**
 * Undoes the later, deliberate changes to the script plug-in run command (script parameters moved from
 * the script into protectedParameters; `stat -L` and a cleanup trap, see test/compat/devPlanStable.test.ts),
 * so the layout comparison covers every other input exactly.
 */
function withSettingsInScript(inputs: Record<string, unknown>): Record<string, unknown> {
  const { protectedParameters, ...rest } = inputs as { protectedParameters?: Array<{ value: string }>; source?: { script?: string } };
  if (typeof rest.source?.script !== "string" || !rest.source.script.includes("VMSnapshotScriptPluginConfig")) return inputs;
  const hardened = rest.source.script.replace(/stat -L -c/g, "stat -c").replace(/^trap 'rm -f "\$tmp"' EXIT\n/m, "");
  if (!protectedParameters) return { ...rest, source: { ...rest.source, script: hardened } };
  const script = hardened
    .replace(/^# azure-vm-backup: settings with script parameters redacted: .*\n/m, "")
    .replace(/printf '%s' "\$\{AZURE_VM_BACKUP_PLUGIN_CONFIG:\?[^}]*\}"/, `printf '%s' '${protectedParameters[0]!.value}'`);
  return { ...rest, source: { script } };
}

/** What reaches Azure and the engine per custom resource, URN and parent aside (the layout changes those). */
const registered = (rs: readonly RecordedResource[]) =>
  rs
    .filter((r) => r.custom)
    .map((r) => ({ type: r.type, name: r.name, inputs: withSettingsInScript(r.inputs), protect: r.protect, retainOnDelete: r.retainOnDelete, version: r.version, dependencies: r.dependencies }))
    .sort((a, b) => `${a.type} ${a.name}`.localeCompare(`${b.type} ${b.name}`));

type Registered = ReturnType<typeof registered>[number];

/**
 * The data-safety options added after the recording, on purpose: vault, resource group, policies, snapshot
 * extensions and run commands are `retainOnDelete`, and policies carry `protect` like the vault (the dev
 * stack protects). Everything else must stay as recorded.
 */
const RETAINED = /:(Vault|ResourceGroup|ProtectionPolicy|PolicyVM|VirtualMachineExtension|Extension|VirtualMachineRunCommandByVirtualMachine)$/;
const withDataSafetyOptions = (r: Registered): Registered => ({
  ...r,
  ...(RETAINED.test(r.type) && { retainOnDelete: true }),
  ...(/:(ProtectionPolicy|PolicyVM)$/.test(r.type) && { protect: true }),
});

/** Recorded from the dev stack with one ProtectedVm and one VmBackupExtension component per VM (before 0.1.0's collections). */
const perVmLayout = (provider: string) =>
  (JSON.parse(fs.readFileSync(path.join(__dirname, "../fixtures/registered", `dev.${provider}.json`), "utf8")) as Registered[]).map(withDataSafetyOptions);

describe("collection components (one ProtectedVms and one VmBackupExtensions per vault)", () => {
  it("register exactly the custom resources the per-VM components did: types, names, inputs, options, versions", async () => {
    expect(registered((await runConfig(devConfig())).resources)).toEqual(perVmLayout("native"));
    expect(registered((await runConfig(expressibleDevConfig("classic"))).resources)).toEqual(perVmLayout("classic"));
  });

  it("parent every item and VM-side resource to the vault's collection, and nothing per VM", async () => {
    for (const config of [devConfig(), expressibleDevConfig("classic")]) {
      const { resources } = await runConfig(config);
      const components = resources.filter((r) => !r.custom).map((r) => r.urn.split("::").slice(2).join("::"));
      expect(components.sort()).toEqual([
        "azure-vm-backup:policy:VmBackupPolicy::daily-enhanced-archive",
        "azure-vm-backup:policy:VmBackupPolicy::daily-standard",
        "azure-vm-backup:policy:VmBackupPolicy::hourly-enhanced",
        "azure-vm-backup:policy:VmBackupPolicy::weekly-standard",
        "azure-vm-backup:protection:ProtectedVms::rsv-backup-dev",
        "azure-vm-backup:vault:BackupVault::rsv-backup-dev",
        "azure-vm-backup:vm:VmBackupExtensions::rsv-backup-dev",
        "pulumi:pulumi:Stack::azure-vm-backup-dev",
      ]);
      const parentType = (r: RecordedResource) => resources.find((p) => p.urn === r.parent)!.type;
      for (const r of resources.filter((x) => /ProtectedItem|ProtectedVM$/.test(x.type))) expect(parentType(r)).toBe("azure-vm-backup:protection:ProtectedVms");
      for (const r of resources.filter((x) => /compute/.test(x.type))) expect(parentType(r)).toBe("azure-vm-backup:vm:VmBackupExtensions");
    }
  });
});
