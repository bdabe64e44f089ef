import { describe, expect, it } from "vitest";
import { selectorSchema } from "../../infra/config/configSchema";
import { resolveVmEntries, selectorMatches } from "../../infra/model/selectors";

const SUB = "6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f";
const vm = (name: string, location: string) => ({ id: `/subscriptions/${SUB}/resourceGroups/rg-app/providers/Microsoft.Compute/virtualMachines/${name}`, tags: { backup: "gold" }, location });

describe("selectors can be limited to regions", () => {
  const selector = selectorSchema.parse({ tags: { backup: "gold" }, policy: "gold", locations: ["West Europe"] });

  it("keeps the VMs in the listed regions, whatever the spelling ARM uses", () => {
    expect(selectorMatches(selector, vm("vm-we", "westeurope"))).toBe(true);
    expect(selectorMatches(selector, vm("vm-ne", "northeurope"))).toBe(false);
  });

  it("in a multi-region subscription, only the vault's region is protected", () => {
    const { entries, issues } = resolveVmEntries([], [selector], [[vm("vm-we", "westeurope"), vm("vm-ne", "northeurope")]], { extension: "auto" });
    expect(issues).toEqual([]);
    expect(entries.map((e) => e.vm.id.split("/").pop())).toEqual(["vm-we"]);
  });

  it("without locations every region matches, as before", () => {
    const open = selectorSchema.parse({ tags: { backup: "gold" }, policy: "gold" });
    expect(selectorMatches(open, vm("vm-ne", "northeurope"))).toBe(true);
  });

  it("an empty list is refused with a path-bearing message", () => {
    const r = selectorSchema.safeParse({ tags: { backup: "gold" }, policy: "gold", locations: [] });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.path).toEqual(["locations"]);
  });
});
