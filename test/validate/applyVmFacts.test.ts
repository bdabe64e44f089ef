import { describe, expect, it } from "vitest";
import { formatIssue } from "../../infra/config/configError";
import { loadConfig } from "../../infra/validate/loadConfig";
import type { VmEntry } from "../../infra/model/selectors";
import { applyVmFacts } from "../../infra/validate/applyVmFacts";
import { toRaw, vmId, vmSideKeys } from "../fixtures/vmSide";

const { config } = loadConfig(toRaw(vmSideKeys()));
const selected = (n: number, policy = "daily-standard"): VmEntry[] =>
  Array.from({ length: n }, (_, i) => ({ path: "selectors[0]", source: "selector", vm: { id: vmId("rg-sel", `vm-${i}`), policy, protection: "Protected", extension: "auto", os: "Linux" } }));
const explicit: VmEntry[] = config.vms.map((vm, i) => ({ path: `vms[${i}]`, source: "vms", vm: { ...vm, os: "Windows", extension: "auto" } }));

describe("applyVmFacts", () => {
  it("adds the selectors' matches to the configuration and keeps where each VM came from", () => {
    const resolved = applyVmFacts(config, [...explicit, ...selected(1)], new Map());
    expect(resolved.config.vms.map((v) => v.id)).toEqual([...config.vms.map((v) => v.id), vmId("rg-sel", "vm-0")]);
    expect(resolved.vmSide.sources?.get("rg-sel/vm-0")).toBe("selectors[0]");
    expect(resolved.issues).toEqual([]);
  });

  it("warns when selector matches push a policy past the portal's 100 VMs", () => {
    const resolved = applyVmFacts(config, [...explicit, ...selected(100)], new Map());
    expect(resolved.warnings.filter((w) => w.path.startsWith("policies")).map(formatIssue)).toEqual([
      "policies.daily-standard: protects 102 VMs with the selectors' matches; the portal and PowerShell manage at most 100 per policy (the API and CLI accept more): consider splitting it",
    ]);
  });

  it("rejects selector matches that push the vault past 1000 VMs", () => {
    const resolved = applyVmFacts(config, [...explicit, ...selected(999)], new Map());
    expect(resolved.issues.filter((i) => i.path === "selectors").map(formatIssue)).toEqual([
      "selectors: match 999 VMs, which with the 2 listed under vms exceeds the 1000 Azure VMs a vault protects; narrow the selectors (tags, resourceGroups) or split the estate",
    ]);
  });
});
