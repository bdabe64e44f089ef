import { describe, expect, it } from "vitest";
import type { RecordedResource } from "../../infra/offline/engine/recordedResource";
import { devConfig, expressibleDevConfig, runConfig } from "../support/runConfig";

/** `protect` / `retainOnDelete` per custom resource type, as the engine receives them. */
function options(resources: readonly RecordedResource[]): Record<string, { protect: boolean; retainOnDelete: boolean }> {
  const out: Record<string, { protect: boolean; retainOnDelete: boolean }> = {};
  for (const r of resources.filter((x) => x.custom)) {
    const seen = out[r.type];
    const mine = { protect: r.protect, retainOnDelete: r.retainOnDelete };
    // Every resource of a type must carry the same options: one that differs is a finding of its own.
    if (seen) expect(mine, r.urn).toEqual(seen);
    out[r.type] = mine;
  }
  return out;
}

describe("nothing is deleted by forgetting (issue 10, cases 2-4)", () => {
  it("native: vault, resource group and policies are protected and retained; items protected and retained; VM-side resources retained", async () => {
    const { resources } = await runConfig(devConfig());
    expect(options(resources)).toEqual({
      "azure-native:resources:ResourceGroup": { protect: true, retainOnDelete: true },
      "azure-native:recoveryservices:Vault": { protect: true, retainOnDelete: true },
      "azure-native:recoveryservices:ProtectionPolicy": { protect: true, retainOnDelete: true },
      "azure-native:recoveryservices:ProtectedItem": { protect: true, retainOnDelete: true },
      "azure-native:compute:VirtualMachineExtension": { protect: false, retainOnDelete: true },
      "azure-native:compute:VirtualMachineRunCommandByVirtualMachine": { protect: false, retainOnDelete: true },
    });
  });

  it("native with protect: false still only forgets: every resource stays retainOnDelete", async () => {
    const { resources } = await runConfig(devConfig({ "azure-vm-backup:protect": "false" }));
    for (const r of resources.filter((x) => x.custom)) expect([r.urn, r.protect, r.retainOnDelete]).toEqual([r.urn, false, true]);
  });

  it("classic: the same options on the classic types", async () => {
    const { resources } = await runConfig(expressibleDevConfig("classic"));
    expect(options(resources)).toEqual({
      "azure:core/resourceGroup:ResourceGroup": { protect: true, retainOnDelete: true },
      "azure:recoveryservices/vault:Vault": { protect: true, retainOnDelete: true },
      "azure:backup/policyVM:PolicyVM": { protect: true, retainOnDelete: true },
      "azure:backup/protectedVM:ProtectedVM": { protect: true, retainOnDelete: true },
      "azure:compute/extension:Extension": { protect: false, retainOnDelete: true },
    });
  });
});
