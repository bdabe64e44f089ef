import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { vaultSchema, vmSchema, type PolicyConfig } from "../../infra/config/configSchema";
import type { PolicyModel, VaultModel } from "../../infra/model/backupModel";
import { effectiveInstantRestoreDays } from "../../infra/model/policyRules";
import { toProtectedVmModel, type ProtectedVmModel } from "../../infra/model/protectedVm";
import { identitySetting, identityType, vaultIdentity } from "../../infra/model/vaultIdentity";
import { classicPolicyInputs, classicProtectedVmInputs, classicReader, classicVaultInputs } from "../../infra/providers/classic";
import {
  nativePolicyInputs,
  nativeProtectedItemInputs,
  nativeReader,
  nativeResourceGuardProxyInputs,
  nativeVaultImportIds,
  nativeVaultInputs,
  readResourceGuardProxy,
} from "../../infra/providers/native";
import type { Obj, ProviderReader } from "../../infra/providers/readBack";
import { parsePolicyConfig } from "../../infra/validate/loadConfig";
import { stackConfigArb } from "../support/configArbitraries";

/**
 * config -> inputs -> config: what an adapter writes for a validated configuration, read back by the
 * same adapter and validated again, is that configuration (with the defaults Azure receives filled
 * in). Inputs travel as JSON, as the engine records them.
 */

const POLICY_ID = "/subscriptions/0/resourceGroups/rg/providers/Microsoft.RecoveryServices/vaults/v/backupPolicies/p";
const asRecorded = (inputs: unknown): Obj => JSON.parse(JSON.stringify(inputs)) as Obj;

interface Adapter {
  readonly reader: ProviderReader;
  readonly vault: (vault: VaultModel) => unknown;
  readonly policy: (policy: PolicyModel) => unknown;
  readonly item: (item: ProtectedVmModel) => unknown;
}

const ADAPTERS: Record<"native" | "classic", Adapter> = {
  native: {
    reader: nativeReader,
    vault: (v) => ({ ...nativeVaultInputs(v), resourceGroupName: v.resourceGroupName }),
    policy: (p) => ({ ...nativePolicyInputs(p), vaultName: "v", resourceGroupName: "rg" }),
    item: (i) => ({ ...nativeProtectedItemInputs(i, POLICY_ID), vaultName: "v", resourceGroupName: "rg" }),
  },
  classic: {
    reader: classicReader,
    vault: (v) => ({ ...classicVaultInputs(v), resourceGroupName: v.resourceGroupName }),
    policy: (p) => ({ ...classicPolicyInputs(p), recoveryVaultName: "v", resourceGroupName: "rg" }),
    item: (i) => ({ ...classicProtectedVmInputs(i, POLICY_ID), recoveryVaultName: "v", resourceGroupName: "rg" }),
  },
};

function withStatedIdentity(vault: VaultModel): VaultModel {
  const identity = identitySetting(vaultIdentity(vault));
  return identity ? { ...vault, identity } : vault;
}

/** Asserts the round trip of one generated stack configuration; throws on the first difference. */
function roundTrips(adapter: Adapter, config: Record<string, unknown>): void {
  const vault: VaultModel = { ...vaultSchema.parse(config.vault), location: "westeurope" };
  const vaultRead = adapter.reader.readVault(asRecorded(adapter.vault(vault)));
  // Azure always receives the vault's identities: those the key implies come back stated.
  expect({ ...vaultSchema.parse(vaultRead.config), location: vaultRead.config.location }).toEqual(withStatedIdentity(vault));
  expect({ sku: vaultRead.sku, criticalOperationAlerts: vaultRead.criticalOperationAlerts }).toEqual({ sku: "Standard", criticalOperationAlerts: false });
  const identity = vaultIdentity(vault);
  expect(vaultRead.identity?.type).toBe(identity && identityType(identity));

  for (const [name, raw] of Object.entries(config.policies as Record<string, unknown>)) {
    const { policy, issues } = parsePolicyConfig(raw, name);
    expect(issues).toEqual([]);
    const read = adapter.reader.readPolicy(asRecorded(adapter.policy({ name, config: policy! })));
    expect(read.name).toBe(name);
    expect(read.policy.issues).toEqual([]);
    const back = parsePolicyConfig(read.policy.raw, name);
    expect(back.issues).toEqual([]);
    // Azure always receives the instant-restore days: the default the configuration left out comes back stated.
    const expected: PolicyConfig = { ...policy!, instantRestoreDays: effectiveInstantRestoreDays(policy!) };
    expect(back.policy).toEqual(expected);
  }

  for (const raw of config.vms as unknown[]) {
    const vm = vmSchema.parse(raw);
    const item = toProtectedVmModel(vm);
    const read = adapter.reader.readItem(asRecorded(adapter.item(item)));
    expect(read.vmId).toBe(vm.id);
    expect({ containerName: read.containerName, protectedItemName: read.protectedItemName }).toEqual({ containerName: item.containerName, protectedItemName: item.protectedItemName });
    expect(read.policyId).toBe(vm.protection === "Stopped" ? undefined : POLICY_ID);
    const back = vmSchema.parse({ id: vm.id, policy: vm.policy, ...read.config });
    expect({ disks: back.disks, protection: back.protection ?? "Protected" }).toEqual({ disks: item.disks, protection: vm.protection ?? "Protected" });
  }
}

describe.each(["native", "classic"] as const)("the %s adapter", (provider) => {
  it("reads back every generated configuration it wrote: vault, policies and protected items", () => {
    fc.assert(
      fc.property(stackConfigArb, (config) => roundTrips(ADAPTERS[provider], config)),
      { numRuns: 100 },
    );
  });

  it("fails the round trip when one mapping is broken (the property can fail)", () => {
    const adapter = ADAPTERS[provider];
    // Weekly retention written with its days lost: a plausible slip in either direction.
    const broken: Adapter = {
      ...adapter,
      policy: (p) => {
        const inputs = adapter.policy(p) as Obj;
        const weekly = inputs.retentionWeekly ?? inputs.properties?.retentionPolicy?.weeklySchedule;
        if (weekly?.weekdays) weekly.weekdays = weekly.weekdays.slice(1);
        else if (weekly) weekly.daysOfTheWeek = weekly.daysOfTheWeek.slice(1);
        return inputs;
      },
    };
    const result = fc.check(fc.property(stackConfigArb, (config) => roundTrips(broken, config)), { numRuns: 100 });
    expect(result.failed).toBe(true);
  });
});

const USER_ID = (n: number) => `/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-id/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-${n}`;
const GUARD_ID = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-guard/providers/Microsoft.DataProtection/resourceGuards/guard";
const VAULT_ID = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-backup/providers/Microsoft.RecoveryServices/vaults/rsv-adopted";
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const state = fc.constantFrom("Enabled", "Disabled", "AlwaysOn");

/** The vault settings adoption added, as a configuration may state them (each optional). */
const vaultSettingsArb = fc.record(
  {
    sku: fc.constantFrom("RS0", "Standard"),
    enhancedSecurity: state,
    identity: fc.record({ systemAssigned: fc.boolean(), userAssigned: maybe(fc.uniqueArray(fc.nat(3), { minLength: 1, maxLength: 2 }).map((ns) => ns.map(USER_ID))) }),
    alerts: fc.record(
      {
        azureMonitor: fc.record({ replicationIssues: fc.boolean(), failoverIssues: fc.boolean() }, { requiredKeys: [] }),
        classic: fc.record({ criticalOperations: fc.boolean(), siteRecoveryEmails: fc.boolean() }, { requiredKeys: [] }),
      },
      { requiredKeys: [] },
    ),
    crossSubscriptionRestore: fc.constantFrom("Enabled", "Disabled", "PermanentlyDisabled"),
    sourceScan: fc.oneof(fc.record({ enabled: fc.boolean() }), fc.record({ enabled: fc.boolean(), identity: fc.constant("UserAssigned"), userAssignedIdentityId: fc.constant(USER_ID(0)) })),
    resourceGuardId: fc.constant(GUARD_ID),
    importId: fc.constant(VAULT_ID),
  },
  { requiredKeys: [] },
);

/** What reads back: settings Azure cannot tell from its defaults drop out (RS0, classic critical alerts off, empty groups). */
function asReadBack(vault: VaultModel): Record<string, unknown> {
  // The import ID and the Resource Guard are not vault inputs (an import option, a resource of their own).
  const rest: Record<string, unknown> = { ...withStatedIdentity(vault), importId: undefined, resourceGuardId: undefined };
  const alerts = vault.alerts && {
    ...(vault.alerts.azureMonitor && Object.keys(vault.alerts.azureMonitor).length > 0 && { azureMonitor: vault.alerts.azureMonitor }),
    ...(() => {
      const { criticalOperations, ...classic } = vault.alerts.classic ?? {};
      const stated = { ...classic, ...(criticalOperations && { criticalOperations }) };
      return Object.keys(stated).length > 0 ? { classic: stated } : {};
    })(),
  };
  const out: Record<string, unknown> = { ...rest, ...(alerts && Object.keys(alerts).length > 0 ? { alerts } : { alerts: undefined }) };
  if (vault.sku === "RS0") out.sku = undefined;
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined));
}

describe("the native adapter and the adoption settings", () => {
  it("reads back sku, enhanced security, identities, alerts, cross-subscription restore, source scan, the Resource Guard and the import IDs", () => {
    fc.assert(
      fc.property(vaultSettingsArb, (settings) => {
        const vault: VaultModel = { ...vaultSchema.parse({ name: "rsv-adopted", resourceGroupName: "rg-backup", ...settings }), location: "westeurope" };
        const read = nativeReader.readVault(asRecorded({ ...nativeVaultInputs(vault), resourceGroupName: vault.resourceGroupName }));
        const back = Object.fromEntries(Object.entries({ ...vaultSchema.parse(read.config), location: read.config.location }).filter(([, v]) => v !== undefined));
        expect(back).toEqual(asReadBack(vault));
        const proxy = nativeResourceGuardProxyInputs(vault);
        expect(proxy && readResourceGuardProxy(asRecorded({ ...proxy, vaultName: vault.name })).resourceGuardId).toBe(vault.resourceGuardId);
        expect(nativeVaultImportIds(vault)).toEqual(
          vault.importId && {
            resourceGroup: "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-backup",
            vault: VAULT_ID,
            ...(vault.resourceGuardId && { resourceGuardProxy: `${VAULT_ID}/backupResourceGuardProxies/VaultProxy` }),
          },
        );
      }),
      { numRuns: 200 },
    );
  });

  it("keeps an adopted policy's schedule date (every date-time of the policy is written on it)", () => {
    const dateArb = fc.date({ min: new Date("2016-01-01T00:00:00Z"), max: new Date("2030-12-31T00:00:00Z"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(stackConfigArb, dateArb, (config, scheduleDate) => {
        for (const [name, raw] of Object.entries(config.policies as Record<string, Record<string, unknown>>)) {
          const { policy } = parsePolicyConfig({ ...raw, scheduleDate }, name);
          const read = nativeReader.readPolicy(asRecorded(ADAPTERS.native.policy({ name, config: policy! })));
          expect(read.policy.issues).toEqual([]);
          const back = parsePolicyConfig(read.policy.raw, name).policy!;
          // The reference date is the default, so it reads back unstated.
          expect(back.scheduleDate).toBe(scheduleDate === "2024-01-01" ? undefined : scheduleDate);
          expect({ ...back, scheduleDate }).toEqual({ ...policy!, instantRestoreDays: effectiveInstantRestoreDays(policy!) });
        }
      }),
      { numRuns: 50 },
    );
  });
});
