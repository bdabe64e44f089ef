import * as fs from "node:fs";
import { describe, expect, expectTypeOf, it } from "vitest";
import type { z } from "zod";
import type { BackupEstateArgs, PolicySettings, SelectorSettings, VaultSettings, VaultsEntrySettings, VmSettings, VmDefaults } from "../../index";
import type { policySchema, selectorSchema, stackSchema, vaultSchema, vmDefaultsSchema, vmSchema } from "../../infra/config/configSchema";
import type { vaultsEntrySchema } from "../../infra/config/vaultsSchema";
import { exportedComponents, formatSchema, packageSchema, SCHEMA_FILE } from "../../infra/package/packageSchema";

/** A policy as the configuration reads it: `daysOfMonth` strings ("1", "Last") become numbers first. */
type WithoutDaysOfMonth<T> = Omit<T, "retention"> & { retention: Omit<PolicySettings["retention"], "monthly" | "yearly"> };

describe("component package schema", () => {
  it("the analyzer accepts every exported component, and schema.json is what it derives", async () => {
    const components = exportedComponents();
    expect(components.sort()).toEqual(["BackupEstate", "BackupVault", "ProtectedVms", "VmBackupExtensions", "VmBackupPolicy"]);
    const schema = await packageSchema();
    expect(Object.keys(schema.resources as object).sort()).toEqual(components.map((c) => `azure-vm-backup:index:${c}`));
    // Drift: regenerate with `npm run schema` after changing a public arg or output.
    expect(formatSchema(schema)).toBe(fs.readFileSync(SCHEMA_FILE, "utf8"));
  }, 300_000);

  it("schema.json states BackupEstate's args in the configuration's vocabulary, with an output ID for same-program VMs", () => {
    const schema = JSON.parse(fs.readFileSync(SCHEMA_FILE, "utf8"));
    const estate = schema.resources["azure-vm-backup:index:BackupEstate"];
    expect(Object.keys(estate.inputProperties).sort()).toEqual(["policies", "protect", "provider", "selectors", "vault", "vaults", "vmDefaults", "vms"]);
    const vm = schema.types["azure-vm-backup:index:VmSettings"].properties;
    expect(vm.id.plain).toBeUndefined();
    expect(vm.policy.plain).toBe(true);
    expect(schema.types["azure-vm-backup:index:Frequency"].enum.map((e: { value: string }) => e.value)).toEqual(["Daily", "Weekly", "Hourly"]);
  });

  it("the public args are accepted by the configuration schema (they cannot drift apart)", () => {
    expectTypeOf<VaultSettings>().toExtend<z.input<typeof vaultSchema>>();
    expectTypeOf<VaultsEntrySettings>().toExtend<z.input<typeof vaultsEntrySchema>>();
    expectTypeOf<WithoutDaysOfMonth<PolicySettings>>().toExtend<WithoutDaysOfMonth<z.input<typeof policySchema>>>();
    expectTypeOf<Omit<VmSettings, "id" | "name" | "location" | "dataDiskLuns">>().toExtend<Omit<z.input<typeof vmSchema>, "id">>();
    expectTypeOf<SelectorSettings>().toExtend<z.input<typeof selectorSchema>>();
    expectTypeOf<VmDefaults>().toExtend<z.input<typeof vmDefaultsSchema>>();
  });

  it("every configuration key has an arg: a key added to the schema fails this type-check until the args take it", () => {
    expectTypeOf<keyof z.input<typeof stackSchema>>().toExtend<keyof BackupEstateArgs>();
    expectTypeOf<keyof z.input<typeof vaultSchema>>().toEqualTypeOf<keyof VaultSettings>();
    expectTypeOf<keyof z.input<typeof vaultsEntrySchema>>().toEqualTypeOf<keyof VaultsEntrySettings>();
    expectTypeOf<keyof z.input<typeof policySchema>>().toEqualTypeOf<keyof PolicySettings>();
    expectTypeOf<keyof z.input<typeof vmSchema>>().toEqualTypeOf<Exclude<keyof VmSettings, "name" | "dataDiskLuns">>();
    expectTypeOf<keyof z.input<typeof selectorSchema>>().toEqualTypeOf<keyof SelectorSettings>();
    expectTypeOf<keyof z.input<typeof vmDefaultsSchema>>().toEqualTypeOf<keyof VmDefaults>();
  });
});
