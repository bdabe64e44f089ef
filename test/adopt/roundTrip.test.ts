import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { adoptEstate } from "../../infra/adopt/adoptEstate";
import { renderStackYaml } from "../../infra/adopt/stackYaml";
import { renderPlanSummary } from "../../infra/cli/render/planSummary";
import { planStack } from "../../infra/offline/engine/planStack";
import { toPlanDocument, type PlanStep } from "../../infra/offline/views/planDocument";

const ESTATE = path.join(__dirname, "..", "fixtures", "azure", "estate");
type Json = Record<string, unknown>;

function sources(dir: string): Array<{ name: string; text: string }> {
  return fs.readdirSync(dir).sort().map((n) => ({ name: n, text: fs.readFileSync(path.join(dir, n), "utf8") }));
}
const read = (name: string) => JSON.parse(fs.readFileSync(path.join(ESTATE, name), "utf8")) as Json;

/** A body without what the service computes, so that only what a PUT writes is compared. */
function without(value: unknown, readOnly: readonly string[], at = ""): unknown {
  if (Array.isArray(value)) return value.map((v) => without(v, readOnly, at));
  if (value === null || typeof value !== "object") return value;
  const out: Json = {};
  for (const [k, v] of Object.entries(value as Json)) {
    const p = at ? `${at}.${k}` : k;
    if (readOnly.includes(p) || v === null) continue;
    out[k] = without(v, readOnly, p);
  }
  return out;
}

/** ARM IDs are case-insensitive (`/Subscriptions/` in Azure's own policy IDs). */
const sameIdCase = (v: unknown): unknown =>
  typeof v === "string" && v.startsWith("/") ? v.toLowerCase() : Array.isArray(v) ? v.map(sameIdCase) : v && typeof v === "object" ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, sameIdCase(x)])) : v;

describe("adopt -> plan round trip on Azure's REST example bodies", async () => {
  const adopted = adoptEstate(sources(ESTATE));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "avb-adopt-"));
  const configFile = path.join(dir, "Pulumi.adopted.yaml");
  fs.writeFileSync(configFile, renderStackYaml(adopted.config, ["test"], adopted.notes));
  const inventory = path.join(dir, "inventory.yaml");
  fs.writeFileSync(inventory, [
    "virtualMachines:",
    "  - id: /subscriptions/77777777-b0c6-47a2-b37c-d8e65a629c18/resourceGroups/iaasvm-rg/providers/Microsoft.Compute/virtualMachines/iaasvm-1",
    "    location: westus",
    "    os: Windows",
  ].join("\n"));
  const planned = await planStack({ stack: "adopted", configFile, inventory });
  const doc = toPlanDocument(planned.resources);
  const step = (type: string, name?: string): PlanStep => {
    const found = doc.steps.filter((s) => s.newState.type === type && (!name || String(s.newState.inputs.policyName ?? s.newState.inputs.vaultName) === name));
    expect(found, type).toHaveLength(1);
    return found[0]!;
  };

  it("imports the vault, its resource group, both policies and the protected item by their Azure IDs", () => {
    const vault = read("vault.json");
    const [defaultPolicy, weeklyPolicy] = (read("policies.json").value as Json[]);
    const item = read("protected-item.json");
    const imports = doc.steps.filter((s) => s.op === "import").map((s) => [s.newState.type, s.newState.id]);
    expect(imports).toEqual([
      ["azure-native:resources:ResourceGroup", String(vault.id).split("/providers/")[0]],
      ["azure-native:recoveryservices:Vault", vault.id],
      ["azure-native:recoveryservices:ProtectionPolicy", defaultPolicy!.id],
      ["azure-native:recoveryservices:ProtectionPolicy", weeklyPolicy!.id],
      ["azure-native:recoveryservices:ProtectedItem", item.id],
    ]);
    // Nothing Azure holds is created anew; the VM-side resources (none here: auto extension) would be.
    expect(doc.steps.filter((s) => s.op === "create" && s.newState.custom)).toEqual([]);
    expect(doc.changeSummary.import).toBe(5);
  });

  it("sends the vault exactly what Azure returned", () => {
    const vault = read("vault.json");
    const inputs = step("azure-native:recoveryservices:Vault").newState.inputs;
    const readOnly = [
      "provisioningState", "privateEndpointConnections", "privateEndpointStateForBackup", "privateEndpointStateForSiteRecovery",
      "secureScore", "bcdrSecurityLevel", "securitySettings.multiUserAuthorization",
    ];
    expect(inputs.properties).toEqual(without(vault.properties, readOnly));
    expect(inputs.sku).toEqual(vault.sku);
    expect(inputs.location).toBe(vault.location);
    expect(inputs.tags).toEqual(vault.tags);
    expect(inputs.identity).toEqual({ type: (vault.identity as Json).type });
    expect(inputs.vaultName).toBe(vault.name);
  });

  it("sends each policy what Azure returned, plus only the defaults adopt reported as missing", () => {
    const policies = read("policies.json").value as Json[];
    const noted = adopted.notes.map((n) => n.path);
    policies.forEach((policy, i) => {
      const inputs = step("azure-native:recoveryservices:ProtectionPolicy", String(policy.name)).newState.inputs;
      expect(sameIdCase(inputs.properties)).toMatchObject(sameIdCase(without(policy.properties, ["protectedItemsCount", "schedulePolicy.scheduleWeeklyFrequency"])) as Json);
      const sent = Object.keys(inputs.properties as Json);
      const inBody = Object.keys(policy.properties as Json);
      const extra = sent.filter((k) => !inBody.includes(k));
      // Every key the plan adds was named by adopt as absent from Azure's (abbreviated) example body.
      for (const key of extra) expect(noted).toContain(`policies.json value[${i}].properties.${key}`);
      expect(noted).toContain(`policies.json value[${i}].properties.schedulePolicy.scheduleWeeklyFrequency`);
    });
    const weekly = step("azure-native:recoveryservices:ProtectionPolicy", "testPolicy1").newState.inputs.properties as Json;
    expect(weekly.instantRpRetentionRangeInDays).toBe(5);
  });

  it("binds the protected item to its VM and policy exactly as Azure reports them", () => {
    const item = read("protected-item.json");
    const p = item.properties as Json;
    const inputs = step("azure-native:recoveryservices:ProtectedItem").newState.inputs;
    expect(sameIdCase(inputs.properties)).toEqual(sameIdCase({ protectedItemType: p.protectedItemType, sourceResourceId: p.sourceResourceId, policyId: p.policyId }));
    expect(String(inputs.protectedItemName).toLowerCase()).toBe(String(item.name).toLowerCase());
    expect(adopted.notes.map((n) => n.path)).toContain("protected-item.json properties.protectionState");
  });
});

describe("plan summary of an adopted stack", () => {
  it("counts imports apart from creations", async () => {
    const adopted = adoptEstate(sources(ESTATE));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "avb-adopt-sum-"));
    const configFile = path.join(dir, "Pulumi.adopted.yaml");
    fs.writeFileSync(configFile, renderStackYaml(adopted.config, ["test"]));
    const inventory = path.join(dir, "inventory.yaml");
    fs.writeFileSync(inventory, "virtualMachines:\n  - id: /subscriptions/77777777-b0c6-47a2-b37c-d8e65a629c18/resourceGroups/iaasvm-rg/providers/Microsoft.Compute/virtualMachines/iaasvm-1\n    location: westus\n    os: Windows\n");
    const planned = await planStack({ stack: "adopted", configFile, inventory });
    expect(renderPlanSummary(planned.stack, planned.resources, planned.warnings).split("\n")[0]).toBe(
      'Plan for stack "adopted" (offline): 6 resources to create and 5 to import (adopted), 5 of them in Azure',
    );
  });
});
