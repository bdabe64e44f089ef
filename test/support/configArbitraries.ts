import fc from "fast-check";
import { DAYS_OF_WEEK, MONTHS, WEEKS_OF_MONTH } from "../../infra/config/configSchema";
import type { RawStackConfig } from "../../infra/config/backupConfig";

/**
 * Generators of valid stack configurations that both providers can express (so: no AlwaysOn soft
 * delete, default soft-delete retention, no DoNotTier). Every setting of docs/configuration.md varies.
 */

export const SUBSCRIPTION = "6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f";

const subset = <T>(values: readonly T[]) => fc.subarray([...values], { minLength: 1 });
const time = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom("00", "30")).map(([h, m]) => `${String(h).padStart(2, "0")}:${m}`);

type Periodic = Record<string, unknown>;

function periodic(weekly: boolean, backupDays: readonly string[] | undefined, countMax: number): fc.Arbitrary<Periodic> {
  const byWeek = fc.record({
    count: fc.integer({ min: 1, max: countMax }),
    weeks: subset(WEEKS_OF_MONTH),
    days: subset(backupDays ?? DAYS_OF_WEEK),
  });
  if (weekly) return byWeek;
  const byDate = fc.record({
    count: fc.integer({ min: 1, max: countMax }),
    daysOfMonth: fc.subarray([1, 2, 7, 15, 28, "Last"] as Array<number | "Last">, { minLength: 1 }),
  });
  return fc.oneof(byWeek, byDate);
}

export const policyArb = (zoneRedundant: boolean): fc.Arbitrary<Record<string, unknown>> =>
  fc
    .record({
      tier: fc.constantFrom("Standard", "Enhanced"),
      frequency: fc.constantFrom("Daily", "Weekly", "Hourly"),
      time,
      weekDays: subset(DAYS_OF_WEEK),
      interval: fc.constantFrom(4, 6, 8, 12),
      windows: fc.integer({ min: 1, max: 6 }),
      timeZone: fc.constantFrom("UTC", "W. Europe Standard Time", "Pacific Standard Time"),
      daily: fc.integer({ min: 7, max: 400 }),
      instantRestore: fc.option(fc.integer({ min: 1, max: 7 }), { nil: undefined }),
      snapshotRg: fc.option(fc.record({ prefix: fc.constantFrom("rg-snap-", "snapshots"), suffix: fc.option(fc.constantFrom("-prod", "x"), { nil: undefined }) }), { nil: undefined }),
      crash: fc.boolean(),
      hasWeekly: fc.boolean(),
      weeklyCount: fc.integer({ min: 1, max: 200 }),
      hasMonthly: fc.boolean(),
      hasYearly: fc.boolean(),
      tiering: fc.constantFrom("none", "TierAfter", "TierRecommended"),
      tierAfter: fc.integer({ min: 3, max: 24 }),
      seed: fc.integer({ min: 0, max: 1 << 20 }),
    })
    .chain((c) => {
      const frequency = c.tier === "Standard" && c.frequency === "Hourly" ? "Daily" : c.frequency;
      const weekly = frequency === "Weekly";
      const backupDays = weekly ? c.weekDays : undefined;
      return fc.record({
        monthly: c.hasMonthly ? periodic(weekly, backupDays, 120).map((m) => m as Periodic | undefined) : fc.constant(undefined),
        yearly: c.hasYearly
          ? fc.tuple(periodic(weekly, backupDays, 20), subset(MONTHS)).map(([y, months]) => ({ ...y, months }) as Periodic | undefined)
          : fc.constant(undefined),
        weeklyDays: subset(backupDays ?? DAYS_OF_WEEK),
      }).map(({ monthly, yearly, weeklyDays }) => {
        const window = Math.min(24, Math.max(4, Math.ceil(4 / c.interval) * c.interval * c.windows));
        const windowHours = window - (window % c.interval);
        const schedule: Record<string, unknown> = { frequency, time: c.time };
        if (weekly) schedule.weekDays = c.weekDays;
        if (frequency === "Hourly") Object.assign(schedule, { intervalHours: c.interval, windowHours });
        const instantRestoreDays = c.tier === "Standard" ? (weekly ? 5 : c.instantRestore && Math.min(5, c.instantRestore)) : c.instantRestore;
        const retention: Record<string, unknown> = {};
        if (!weekly) retention.daily = c.daily;
        if (weekly || c.hasWeekly) retention.weekly = { count: c.weeklyCount, days: weeklyDays };
        if (monthly) retention.monthly = monthly;
        if (yearly) retention.yearly = yearly;
        // Azure tiers a point only when a monthly or yearly retention reaches tier-after + 6 months.
        const longestMonths = Math.max(Number(monthly?.count ?? 0), Number(yearly?.count ?? 0) * 12);
        const canTier = !zoneRedundant && (monthly || yearly);
        const tierAfter = Math.min(c.tierAfter, longestMonths - 6);
        return {
          tier: c.tier,
          schedule,
          timeZone: c.timeZone,
          ...(instantRestoreDays !== undefined && { instantRestoreDays }),
          ...(c.snapshotRg && { instantRestoreResourceGroup: c.snapshotRg.suffix ? c.snapshotRg : { prefix: c.snapshotRg.prefix } }),
          ...(c.tier === "Enhanced" && c.crash && { crashConsistentOnly: true }),
          retention,
          ...(canTier && c.tiering === "TierAfter" && tierAfter >= 3 && { tiering: { mode: "TierAfter", after: tierAfter, unit: "Months" } }),
          ...(canTier && c.tiering === "TierRecommended" && { tiering: { mode: "TierRecommended" } }),
        };
      });
    });

export const vaultArb = fc
  .record({
    storageRedundancy: fc.constantFrom("GeoRedundant", "ZoneRedundant", "LocallyRedundant"),
    crossRegionRestore: fc.boolean(),
    softDelete: fc.constantFrom("Enabled", "Disabled"),
    immutability: fc.constantFrom("Disabled", "Unlocked", "Locked"),
    publicNetworkAccess: fc.constantFrom("Disabled", "Enabled"),
    jobFailureAlerts: fc.boolean(),
    encryption: fc.option(
      fc.record({
        keyUri: fc.constantFrom("https://kv-backup.vault.azure.net/keys/rsv-key", "https://kv-backup.vault.azure.net/keys/rsv-key/0123abcd"),
        userAssignedIdentityId: fc.option(fc.constant(`/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-id/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-backup`), { nil: undefined }),
        infrastructureEncryption: fc.boolean(),
      }),
      { nil: undefined },
    ),
    tags: fc.option(fc.dictionary(fc.constantFrom("env", "owner", "cost-center"), fc.constantFrom("prod", "team-a", "42")), { nil: undefined }),
  })
  .map((v) => ({
    name: "rsv-generated",
    resourceGroupName: "rg-backup-generated",
    ...v,
    crossRegionRestore: v.storageRedundancy === "GeoRedundant" && v.crossRegionRestore,
    encryption: v.encryption && (v.encryption.userAssignedIdentityId ? v.encryption : { keyUri: v.encryption.keyUri, infrastructureEncryption: v.encryption.infrastructureEncryption }),
    // A key read by the vault's own identity needs that identity deployed (and granted) first.
    ...(v.encryption && !v.encryption.userAssignedIdentityId && { identity: { systemAssigned: true } }),
  }));

const vmArb = (policyNames: readonly string[]) =>
  fc.record({
    rg: fc.constantFrom("rg-app", "RG-Data", "rg.web(1)"),
    name: fc.stringMatching(/^vm-[a-z0-9]{1,8}$/),
    policy: fc.constantFrom(...policyNames),
    os: fc.option(fc.constantFrom("Windows", "Linux"), { nil: undefined }),
    extension: fc.option(fc.constantFrom("auto", "declare"), { nil: undefined }),
    protection: fc.constantFrom("Protected", "Stopped", "Suspended"),
    disks: fc.option(
      fc.oneof(
        fc.uniqueArray(fc.integer({ min: 0, max: 63 }), { minLength: 1, maxLength: 4 }).map((include) => ({ include })),
        fc.uniqueArray(fc.integer({ min: 0, max: 63 }), { minLength: 1, maxLength: 4 }).map((exclude) => ({ exclude })),
      ),
      { nil: undefined },
    ),
  });

/** A whole valid stack configuration, as the Pulumi CLI hands it to the program, minus the provider. */
export const stackConfigArb: fc.Arbitrary<Record<string, unknown>> = vaultArb.chain((vault) =>
  fc
    .dictionary(fc.stringMatching(/^pol-[a-z0-9]{1,6}$/), policyArb(vault.storageRedundancy === "ZoneRedundant"), { minKeys: 1, maxKeys: 3 })
    .chain((policies) =>
      fc
        .uniqueArray(vmArb(Object.keys(policies)), { maxLength: 6, selector: (vm) => `${vm.rg}/${vm.name}`.toLowerCase() })
        .map((vms) => ({
          vault,
          policies,
          vms: vms.map((vm) => ({
            id: `/subscriptions/${SUBSCRIPTION}/resourceGroups/${vm.rg}/providers/Microsoft.Compute/virtualMachines/${vm.name}`,
            policy: vm.policy,
            ...(vm.os && { os: vm.os }),
            ...(vm.extension && { extension: vm.extension }),
            // Suspended needs an immutable vault.
            ...(vm.protection !== "Protected" && (vm.protection === "Stopped" || vault.immutability !== "Disabled") && { protection: vm.protection }),
            ...(vm.disks && { disks: vm.disks }),
          })),
        })),
    ),
);

/** Encodes a configuration the way the Pulumi CLI passes it to a program. */
export function toRawConfig(config: Record<string, unknown>, provider: "native" | "classic"): RawStackConfig {
  return {
    "azure-native:location": "westeurope",
    "azure-native:subscriptionId": SUBSCRIPTION,
    "azure-vm-backup:provider": provider,
    ...Object.fromEntries(Object.entries(config).map(([k, v]) => [`azure-vm-backup:${k}`, JSON.stringify(v)])),
  };
}
