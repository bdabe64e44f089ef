import { describe, expect, it } from "vitest";
import type { SelectorConfig, VmConfig } from "../../infra/config/configSchema";
import { resolveVmEntries, selectorMatches, validateSelectors } from "../../infra/model/selectors";
import { vmId } from "../fixtures/vmSide";

const gold: SelectorConfig = { tags: { backup: "gold" }, policy: "daily" };
const silver: SelectorConfig = { tags: { tier: "web" }, resourceGroups: ["rg-app"], policy: "weekly" };
const found = (rg: string, name: string, tags: Record<string, string>) => ({ id: vmId(rg, name), tags });

describe("resolveVmEntries", () => {
  it("adds selector matches after explicit entries, with the selector's policy and the estate defaults", () => {
    const vms: VmConfig[] = [{ id: vmId("rg-app", "vm-a"), policy: "hourly", protection: "Protected" }];
    const { entries, issues } = resolveVmEntries(vms, [gold], [[found("rg-app", "vm-b", { backup: "gold" })]], { extension: "declare" });
    expect(issues).toEqual([]);
    expect(entries).toEqual([
      { path: "vms[0]", source: "vms", vm: { ...vms[0], extension: "declare" } },
      { path: "selectors[0]", source: "selector", vm: { id: vmId("rg-app", "vm-b"), policy: "daily", protection: "Protected", extension: "declare" } },
    ]);
  });

  it("lets an explicit entry win over a selector, whatever the ID's casing", () => {
    const vms: VmConfig[] = [{ id: vmId("RG-APP", "VM-A"), policy: "hourly", protection: "Stopped", extension: "auto" }];
    const { entries } = resolveVmEntries(vms, [gold], [[found("rg-app", "vm-a", { backup: "gold" })]], { extension: "auto" });
    expect(entries.map((e) => [e.path, e.vm.policy])).toEqual([["vms[0]", "hourly"]]);
  });

  it("rejects a VM matched by two selectors with different policies, naming both", () => {
    const both = found("rg-app", "vm-c", { backup: "gold", tier: "web" });
    const { entries, issues } = resolveVmEntries([], [gold, silver], [[both], [both]], { extension: "auto" });
    expect(issues).toEqual([{
      path: "selectors[1]",
      message: `matches VM ${vmId("rg-app", "vm-c")}, which selectors[0] also matches, with policy weekly here and daily there; give the VM an entry under vms or make the selectors' tags exclusive`,
    }]);
    expect(entries).toHaveLength(1);
  });

  it("accepts a VM matched by two selectors with the same policy once", () => {
    const both = found("rg-app", "vm-c", { backup: "gold", tier: "web" });
    const { entries, issues } = resolveVmEntries([], [gold, { ...silver, policy: "daily" }], [[both], [both]], { extension: "auto" });
    expect(issues).toEqual([]);
    expect(entries.map((e) => e.path)).toEqual(["selectors[0]"]);
  });
});

describe("selectorMatches", () => {
  it.each([
    ["matching tags, any resource group", gold, found("rg-x", "vm", { backup: "gold" }), true],
    ["tag names case-insensitively", gold, found("rg-x", "vm", { Backup: "gold" }), true],
    ["tag values case-sensitively", gold, found("rg-x", "vm", { backup: "Gold" }), false],
    ["a missing tag", gold, found("rg-x", "vm", { other: "gold" }), false],
    ["a resource group outside the list", silver, found("rg-data", "vm", { tier: "web" }), false],
    ["a listed resource group in other casing", silver, found("RG-APP", "vm", { tier: "web" }), true],
  ] as const)("%s", (_name, selector, vm, expected) => {
    expect(selectorMatches(selector, vm)).toBe(expected);
  });

  it("ignores resources that are not VMs", () => {
    expect(selectorMatches(gold, { id: "/subscriptions/x/resourceGroups/rg/providers/Microsoft.Compute/disks/d", tags: { backup: "gold" } })).toBe(false);
  });
});

describe("validateSelectors", () => {
  it("rejects a selector whose policy is not configured", () => {
    expect(validateSelectors([{ index: 2, selector: gold }], ["weekly"])).toEqual([
      { path: "selectors[2].policy", message: 'must be one of the configured policies: weekly (got "daily")' },
    ]);
  });
});
