import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { providerNeutral, toCanonicalEstate } from "../../../infra/offline/views/canonical";
import { stackConfigArb, toRawConfig } from "../../support/configArbitraries";
import { inventoryInvokeHandler } from "../../../infra/offline/engine/inventory";
import { expressibleDevConfig, inventoryFor, runConfig } from "../../support/runConfig";

// Both renderers must ask Azure for the same thing: read back through the canonical form, a
// configuration rendered natively and classically is indistinguishable.

const classicDev = expressibleDevConfig("classic");
const nativeDev = expressibleDevConfig("native");

describe("canonical estate", () => {
  it("reads the dev stack from the native renderer with the values Azure receives", async () => {
    const estate = toCanonicalEstate((await runConfig(nativeDev)).resources);
    expect(estate.provider).toBe("native");
    expect(estate.resourceGroups).toEqual([{ name: "rg-backup-dev", location: "westeurope", tags: { environment: "dev", owner: "platform-team" }, protect: true }]);
    expect(estate.vaults).toEqual([
      {
        config: {
          name: "rsv-backup-dev",
          resourceGroupName: "rg-backup-dev",
          location: "westeurope",
          tags: { environment: "dev", owner: "platform-team" },
          storageRedundancy: "GeoRedundant",
          crossRegionRestore: true,
          softDelete: "Enabled",
          softDeleteRetentionDays: 14,
          immutability: "Unlocked",
          publicNetworkAccess: "Disabled",
          jobFailureAlerts: true,
        },
        sku: "Standard",
        criticalOperationAlerts: false,
        protect: true,
      },
    ]);
    expect(estate.policies.map((p) => p.name)).toEqual(["daily-enhanced-archive", "daily-standard", "hourly-enhanced", "weekly-standard"]);
    expect(estate.policies[0]!.id).toMatch(/\/backupPolicies\/daily-enhanced-archive$/i);
    expect({ ...estate.policies[0]!, id: undefined }).toEqual({
      id: undefined,
      name: "daily-enhanced-archive",
      vaultName: "rsv-backup-dev",
      resourceGroupName: "rg-backup-dev",
      config: {
        tier: "Enhanced",
        timeZone: "UTC",
        schedule: { frequency: "Daily", time: "23:30" },
        instantRestoreDays: 5,
        retention: { daily: 30, monthly: { count: 60, daysOfMonth: [1, "Last"] }, yearly: { count: 10, daysOfMonth: ["Last"], months: ["December"] } },
        tiering: { mode: "TierAfter", after: 3, unit: "Months" },
      },
    });
    expect(estate.policies[2]!.config).toMatchObject({
      schedule: { frequency: "Hourly", time: "06:00", intervalHours: 4, windowHours: 16 },
      instantRestoreResourceGroup: { prefix: "rg-backup-snapshots-", suffix: "-dev" },
    });
    const sql = estate.items.find((i) => i.vmName === "vm-sql-01")!;
    expect(sql).toMatchObject({
      vmResourceGroup: "rg-app-prod",
      vaultName: "rsv-backup-dev",
      containerName: "iaasvmcontainer;iaasvmcontainerv2;rg-app-prod;vm-sql-01",
      protectedItemName: "vm;iaasvmcontainerv2;rg-app-prod;vm-sql-01",
      policyName: "hourly-enhanced",
      config: { disks: { exclude: [2, 3] } },
      protect: true,
    });
    expect(estate.items.find((i) => i.vmName === "vm-pg-01")!.config.disks).toEqual({ include: [0, 1] });
  });

  it("gives the same provider-neutral estate for the dev stack on both renderers", async () => {
    const native = toCanonicalEstate((await runConfig(nativeDev)).resources);
    const classic = toCanonicalEstate((await runConfig(classicDev)).resources);
    expect(classic.provider).toBe("classic");
    expect(classic.items.length).toBeGreaterThanOrEqual(5);
    expect(classic.extensions).toHaveLength(2);
    expect(providerNeutral(classic)).toEqual(providerNeutral(native));
  });

  it("gives the same provider-neutral estate on both renderers for generated configurations", async () => {
    await fc.assert(
      fc.asyncProperty(stackConfigArb, async (config) => {
        const invoke = () => inventoryInvokeHandler({ inventory: inventoryFor(config) });
        const native = toCanonicalEstate((await runConfig(toRawConfig(config, "native"), undefined, invoke())).resources);
        const classic = toCanonicalEstate((await runConfig(toRawConfig(config, "classic"), undefined, invoke())).resources);
        expect(native.provider).toBe("native");
        expect(classic.provider).toBe("classic");
        expect(native.policies).toHaveLength(Object.keys(config.policies as object).length);
        expect(native.items).toHaveLength((config.vms as unknown[]).length);
        expect(providerNeutral(classic)).toEqual(providerNeutral(native));
      }),
      { numRuns: 40 },
    );
  });

  it("notices a setting one renderer would drop", async () => {
    const native = (await runConfig(nativeDev)).resources;
    const dropped = native.map((r) =>
      r.type === "azure-native:recoveryservices:ProtectionPolicy" && r.inputs.policyName === "daily-enhanced-archive"
        ? { ...r, inputs: { ...r.inputs, properties: { ...(r.inputs.properties as object), tieringPolicy: undefined } } }
        : r,
    );
    expect(providerNeutral(toCanonicalEstate(dropped))).not.toEqual(providerNeutral(toCanonicalEstate(native)));
  });
});
