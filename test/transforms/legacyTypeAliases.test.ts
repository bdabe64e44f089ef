import { VirtualMachineExtension } from "@pulumi/azure-native/compute";
import { describe, expect, it } from "vitest";
import { isLegacyTypeAlias } from "../../infra/transforms/legacyTypeAliases";
import type { RecordedResource } from "../../infra/offline/engine/recordedResource";
import { declareNative, defineStack, readBackupModel } from "../../infra/stack";
import { devConfig, runConfig } from "../support/runConfig";

/** Everything that reaches Azure or the engine's provider selection, per resource. */
const whatAzureReceives = (rs: readonly RecordedResource[]) =>
  [...rs].sort((a, b) => a.urn.localeCompare(b.urn)).map((r) => ({ urn: r.urn, type: r.type, name: r.name, custom: r.custom, parent: r.parent, inputs: r.inputs, provider: r.provider, version: r.version, protect: r.protect, id: r.id, dependencies: r.dependencies }));

describe("light registration of azure-native resources", () => {
  it("registers the same types, names, inputs, parents and provider versions as the SDK's default registration", async () => {
    // Without the mechanism: the renderer alone, every SDK type alias kept.
    const plain = await runConfig(devConfig(), async () => declareNative(await readBackupModel()));
    const light = await runConfig(devConfig());
    expect(whatAzureReceives(light.resources)).toEqual(whatAzureReceives(plain.resources));
    expect(light.outputs).toEqual(plain.outputs);
    const nativePlain = plain.resources.filter((r) => r.type.startsWith("azure-native:"));
    expect(nativePlain.length).toBeGreaterThanOrEqual(11);
    expect(nativePlain.every((r) => r.aliasCount > 0)).toBe(true);
    expect(nativePlain.reduce((n, r) => n + r.aliasCount, 0)).toBeGreaterThan(20 * nativePlain.length);
    expect(nativePlain.every((r) => r.version === "3.28.0")).toBe(true);
    expect(light.resources.filter((r) => r.type.startsWith("azure-native:")).map((r) => r.aliasCount)).toEqual(nativePlain.map(() => 0));
    // The dev stack's VM side (declared extension, VSS and script run commands) is covered too.
    expect(new Set(nativePlain.map((r) => r.type))).toEqual(
      new Set([
        "azure-native:resources:ResourceGroup",
        "azure-native:recoveryservices:Vault",
        "azure-native:recoveryservices:ProtectionPolicy",
        "azure-native:recoveryservices:ProtectedItem",
        "azure-native:compute:VirtualMachineExtension",
        "azure-native:compute:VirtualMachineRunCommandByVirtualMachine",
      ]),
    );
  });

  it("applies to resources declared after the renderers without any change to them", async () => {
    const vmId = "/subscriptions/6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f/resourceGroups/rg-app-prod/providers/Microsoft.Compute/virtualMachines/vm-web-01";
    const { resources } = await runConfig(devConfig(), async () => {
      const outputs = await defineStack();
      new VirtualMachineExtension("vm-web-01-snapshot", {
        resourceGroupName: "rg-app-prod",
        vmName: "vm-web-01",
        vmExtensionName: "VMSnapshot",
        publisher: "Microsoft.Azure.RecoveryServices",
        type: "VMSnapshot",
        typeHandlerVersion: "1.0",
        autoUpgradeMinorVersion: true,
      });
      return outputs;
    });
    const ext = resources.find((r) => r.type === "azure-native:compute:VirtualMachineExtension")!;
    expect(ext.aliasCount).toBe(0);
    expect(ext.id).toBe(`${vmId}/extensions/VMSnapshot`);
  });

  it("never parents an azure-native resource under another aliased resource", async () => {
    const { resources } = await runConfig(devConfig());
    const byUrn = new Map(resources.map((r) => [r.urn, r]));
    for (const r of resources.filter((x) => x.type.startsWith("azure-native:"))) {
      const parent = byUrn.get(r.parent!)!;
      expect(parent.custom, `${r.urn} is parented to ${parent.urn}`).toBe(false);
      expect(parent.type.startsWith("azure-vm-backup:")).toBe(true);
    }
  });

  it("drops only aliases that name nothing but an old API-version type token", () => {
    expect(isLegacyTypeAlias({ type: "azure-native:recoveryservices/v20230401:ProtectedItem" })).toBe(true);
    expect(isLegacyTypeAlias({ type: "azure-native:compute/v20240301preview:VirtualMachineExtension" })).toBe(true);
    expect(isLegacyTypeAlias({ type: "azure-native:recoveryservices:ProtectedItem" })).toBe(false);
    expect(isLegacyTypeAlias({ type: "azure-native:recoveryservices/v20230401:ProtectedItem", name: "old-name" })).toBe(false);
    expect(isLegacyTypeAlias({ name: "old-name" })).toBe(false);
    expect(isLegacyTypeAlias("urn:pulumi:dev::azure-vm-backup::azure-native:recoveryservices/v20230401:ProtectedItem::x")).toBe(false);
    expect(isLegacyTypeAlias({ type: "azure:backup/protectedVM:ProtectedVM" })).toBe(false);
  });
});
