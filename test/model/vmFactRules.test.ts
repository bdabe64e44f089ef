import { describe, expect, it } from "vitest";
import type { VmConfig } from "../../infra/config/configSchema";
import { formatIssue } from "../../infra/config/configError";
import type { PolicyConfig } from "../../infra/config/configSchema";
import { vmLogicalName } from "../../infra/model/names";
import { parseVmId } from "../../infra/model/resourceId";
import type { VmEntry } from "../../infra/model/selectors";
import { backedUpLuns, validateVmFacts } from "../../infra/model/vmFactRules";
import type { DataDiskFacts, VmFacts, VmLookup } from "../../infra/model/vmFacts";
import { vmId } from "../fixtures/vmSide";

const ID = vmId("rg-app", "vm-01");
const policies = {
  std: { tier: "Standard", crashConsistentOnly: false } as PolicyConfig,
  enh: { tier: "Enhanced", crashConsistentOnly: false } as PolicyConfig,
};
const ctx = { vaultLocation: "westeurope", subscriptionId: "6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f", policies };

const disk = (lun: number, sku = "Premium_LRS", shared = false): DataDiskFacts => ({ lun, sku, shared });

function facts(overrides: Partial<VmFacts> = {}): VmFacts {
  return {
    id: ID, location: "westeurope", os: "Windows", securityType: "Standard", powerState: "running",
    osDisk: { sku: "Premium_LRS" }, dataDisks: [disk(0), disk(1)], tags: {}, ...overrides,
  };
}

function entry(vm: Partial<VmConfig> = {}, source: VmEntry["source"] = "vms", path = "vms[0]"): VmEntry {
  return { path, source, vm: { id: ID, policy: "std", protection: "Protected", extension: "auto", ...vm } as VmEntry["vm"] };
}

function check(e: VmEntry, lookup: VmLookup | undefined, extra: Partial<typeof ctx> & { protectedItemApiVersion?: string; defaultWindowsReadiness?: "check" | "prepare" } = {}) {
  const lookups = new Map<string, VmLookup>(lookup ? [[vmLogicalName(parseVmId(e.vm.id)!), lookup]] : []);
  const result = validateVmFacts([e], lookups, { ...ctx, ...extra });
  return { issues: result.issues.map(formatIssue), warnings: result.warnings.map(formatIssue) };
}
const found = (f: Partial<VmFacts> = {}): VmLookup => ({ found: true, facts: facts(f) });

describe("validateVmFacts", () => {
  it("accepts a running Windows VM in the vault's region with an existing LUN excluded", () => {
    expect(check(entry({ disks: { exclude: [1] } }), found())).toEqual({ issues: [], warnings: [] });
  });

  it.each<[string, Partial<VmConfig>, Partial<VmFacts>, string]>([
    ["a stated os that contradicts Azure", { os: "Linux" }, {}, "vms[0].os: says Linux but Azure reports Windows; remove os or correct it"],
    ["a VM outside the vault's region", {}, { location: "northeurope" }, "vms[0].id: is in northeurope but the vault is in westeurope; a VM can only be backed up to a vault in its own region"],
    ["an excluded LUN that is not attached", { disks: { exclude: [1, 5, 7] } }, {}, "vms[0].disks.exclude: lists LUNs 5, 7 not attached to the VM (attached data-disk LUNs: 0, 1)"],
    ["an included LUN on a VM without data disks", { disks: { include: [0] } }, { dataDisks: [] }, "vms[0].disks.include: lists LUN 0 not attached to the VM (attached data-disk LUNs: none)"],
    ["more than 32 disks backed up", {}, { dataDisks: Array.from({ length: 32 }, (_, i) => disk(i)) }, "vms[0].disks: backs up 33 disks (the OS disk and 32 data disks); Azure Backup backs up at most 32 disks per VM: exclude data disks with disks.exclude"],
    ["an Ultra disk with a Standard policy", {}, { dataDisks: [disk(0, "UltraSSD_LRS")] }, "vms[0].policy: has Ultra Disk / Premium SSD v2 disks: LUN 0 (UltraSSD_LRS), which needs an Enhanced policy; std is Standard (choose a policy with tier: Enhanced)"],
    ["a Premium SSD v2 OS disk with a Standard policy", {}, { osDisk: { sku: "PremiumV2_LRS" }, dataDisks: [] }, "vms[0].policy: has Ultra Disk / Premium SSD v2 disks: OS disk (PremiumV2_LRS), which needs an Enhanced policy; std is Standard (choose a policy with tier: Enhanced)"],
    ["a confidential VM with a Standard policy", {}, { securityType: "ConfidentialVM" }, "vms[0].policy: is a confidential VM, which needs an Enhanced policy; std is Standard (choose a policy with tier: Enhanced)"],
    ["a Trusted Launch VM with a Standard policy on API 2024-10-01", {}, { securityType: "TrustedLaunch" }, "vms[0].policy: is a Trusted Launch VM; a Standard policy protects Trusted Launch VMs only from Recovery Services API 2025-01-01 on and this stack writes protected items with 2024-10-01, so it needs an Enhanced policy; std is Standard (choose a policy with tier: Enhanced)"],
    ["vss on a Linux VM", { vss: "Copy" }, { os: "Linux" }, "vms[0].vss: is Windows only (VSS) and the VM runs Linux; remove vss, and use scripts for app-consistent Linux backups"],
    ["scripts on a Windows VM", { scripts: { preScript: "/a", postScript: "/b" } as VmConfig["scripts"] }, {}, "vms[0].scripts: are Linux only and the VM runs Windows, where VSS makes backups app-consistent; remove scripts (vss: Copy sets copy-only VSS backups)"],
  ])("rejects %s", (_name, vm, f, message) => {
    expect(check(entry(vm), found(f)).issues).toEqual([message]);
  });

  it("requires shared disks to be excluded and an Enhanced policy", () => {
    const shared = { dataDisks: [disk(0), disk(1, "Premium_LRS", true)] };
    expect(check(entry(), found(shared)).issues).toEqual([
      "vms[0].disks: backs up shared disk at LUN 1; Azure Backup cannot back up shared disks: exclude them (disks: { exclude: [1] })",
      "vms[0].policy: has shared disks (LUN 1); excluding shared disks needs an Enhanced policy; std is Standard (choose a policy with tier: Enhanced)",
    ]);
    expect(check(entry({ policy: "enh", disks: { exclude: [1] } }), found(shared)).issues).toEqual([]);
  });

  it("accepts Ultra, confidential and Trusted Launch VMs with an Enhanced policy", () => {
    expect(check(entry({ policy: "enh" }), found({ securityType: "ConfidentialVM", dataDisks: [disk(0, "UltraSSD_LRS")] })).issues).toEqual([]);
    expect(check(entry({ policy: "enh" }), found({ securityType: "TrustedLaunch" })).issues).toEqual([]);
  });

  it("accepts Trusted Launch with a Standard policy once the API version is 2025-01-01 or later", () => {
    expect(check(entry(), found({ securityType: "TrustedLaunch" }), { protectedItemApiVersion: "2025-01-01" }).issues).toEqual([]);
  });

  it("warns that a deallocated VM gets the extension at its first backup after starting, crash-consistent", () => {
    expect(check(entry(), found({ powerState: "deallocated" }))).toEqual({
      issues: [],
      warnings: ["vms[0].id: is deallocated: Azure Backup installs the snapshot extension at the first backup after the VM starts, and its first recovery points are crash-consistent"],
    });
  });

  it("rejects declared extensions and run commands on a deallocated VM (the VM agent is not running)", () => {
    expect(check(entry({ extension: "declare", vss: "Copy" }), found({ powerState: "deallocated" })).issues).toEqual([
      "vms[0].id: is deallocated, but extension: declare, vss: Copy need the VM agent of a running VM; start the VM before deploying, or leave these to a later deployment",
    ]);
  });

  it("rejects windowsReadiness on a deallocated Windows VM, set on the entry or by vmDefaults, like the other run commands", () => {
    const deallocated = found({ powerState: "deallocated" });
    expect(check(entry({ windowsReadiness: "check" }), deallocated).issues).toEqual([
      "vms[0].id: is deallocated, but windowsReadiness: check needs the VM agent of a running VM; start the VM before deploying, or leave these to a later deployment",
    ]);
    expect(check(entry({ vss: "Copy" }), deallocated, { defaultWindowsReadiness: "prepare" }).issues).toEqual([
      "vms[0].id: is deallocated, but vss: Copy, windowsReadiness: prepare (vmDefaults) need the VM agent of a running VM; start the VM before deploying, or leave these to a later deployment",
    ]);
    expect(check(entry({ windowsReadiness: "prepare" }), found()).issues).toEqual([]);
  });

  it("rejects windowsReadiness on a Linux VM, naming the key; vmDefaults.windowsReadiness leaves Linux VMs alone", () => {
    expect(check(entry({ windowsReadiness: "prepare" }), found({ os: "Linux" })).issues).toEqual([
      "vms[0].windowsReadiness: is Windows only (it checks the VSS service and the Windows VM agent) and the VM runs Linux; remove windowsReadiness (got prepare)",
    ]);
    expect(check(entry({ windowsReadiness: "check" }, "selector", "selectors[1]"), found({ os: "Linux" })).issues).toEqual([
      `selectors[1]: matches VM ${ID}, which is Windows only (it checks the VSS service and the Windows VM agent) and the VM runs Linux; remove windowsReadiness (got check)`,
    ]);
    expect(check(entry(), found({ os: "Linux", powerState: "deallocated" }), { defaultWindowsReadiness: "check" }).issues).toEqual([]);
  });

  it("rejects a VM that cannot be looked up and states no os, with the look-up's reason", () => {
    expect(check(entry(), { found: false, reason: "not found: the offline inventory has no VM with this ID" }).issues).toEqual([
      "vms[0].id: could not be looked up (not found: the offline inventory has no VM with this ID); state os: Windows | Linux in the entry to plan it without Azure's facts",
    ]);
  });

  it("plans a VM that cannot be looked up but states os, with a warning, and still checks os-only rules", () => {
    expect(check(entry({ os: "Linux", vss: "Full" }), { found: false, reason: "ResourceNotFound" })).toEqual({
      issues: ["vms[0].vss: is Windows only (VSS) and the VM runs Linux; remove vss, and use scripts for app-consistent Linux backups"],
      warnings: ["vms[0].id: could not be looked up (ResourceNotFound); planned with the stated os Linux, without the region, disk and security checks"],
    });
  });

  it("reports a selector's VM on the selector and names the VM", () => {
    expect(check(entry({}, "selector", "selectors[1]"), found({ location: "eastus" })).issues).toEqual([
      `selectors[1]: matches VM ${ID}, which is in eastus but the vault is in westeurope; a VM can only be backed up to a vault in its own region`,
    ]);
  });

  it("rejects a selector's VM from another subscription", () => {
    const other = vmId("rg-app", "vm-01", "11111111-2222-3333-4444-555555555555");
    const e: VmEntry = { ...entry({}, "selector", "selectors[0]"), vm: { ...entry().vm, id: other } };
    expect(check(e, found({ id: other })).issues).toEqual([
      `selectors[0]: matches VM ${other}, which is in subscription 11111111-2222-3333-4444-555555555555 but the vault is in 6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f; a VM must be in the vault's subscription`,
    ]);
  });
});

describe("backedUpLuns", () => {
  it.each<[VmConfig["disks"], number[]]>([
    [undefined, [0, 1, 2]],
    [{ include: [2, 0] }, [0, 2]],
    [{ exclude: [1] }, [0, 2]],
  ])("with %j backs up %j", (disks, expected) => {
    expect(backedUpLuns(entry({ disks }), [0, 1, 2])).toEqual(expected);
  });
});
