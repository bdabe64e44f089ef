import path from "node:path";
import { describe, expect, it } from "vitest";
import { planStack } from "../../infra/offline/engine/planStack";

const EXAMPLES = path.join(__dirname, "..", "..", "docs", "examples");

// docs/multi-region.md points at this example: it must plan, routed as its comments say.
describe("the multi-region example", () => {
  it("plans one vault per region, each VM and selector match in the vault of its region", async () => {
    const planned = await planStack({ configFile: path.join(EXAMPLES, "multi-region.yaml"), inventory: path.join(EXAMPLES, "multi-region.inventory.yaml") });
    const items = planned.resources.filter((r) => r.type === "azure-native:recoveryservices:ProtectedItem").map((r) => [r.name, r.inputs.vaultName]).sort();
    expect(items).toEqual([
      ["rg-batch-neu/vm-batch-02-item", "rsv-backup-prod-neu"],
      ["rg-batch-weu/vm-batch-01-item", "rsv-backup-prod-weu"],
      ["rg-shop-neu/vm-sql-01-item", "rsv-backup-prod-neu"],
      ["rg-shop-neu/vm-web-02-item", "rsv-backup-prod-neu"],
      ["rg-shop-weu/vm-web-01-item", "rsv-backup-prod-weu"],
    ]);
    const policies = planned.resources.filter((r) => r.type === "azure-native:recoveryservices:ProtectionPolicy").map((r) => [r.name, r.inputs.vaultName]).sort();
    expect(policies).toEqual([
      ["daily-standard-policy", "rsv-backup-prod-weu"],
      ["hourly-enhanced-policy", "rsv-backup-prod-weu"],
      ["rsv-backup-prod-neu/daily-standard-policy", "rsv-backup-prod-neu"],
      ["rsv-backup-prod-neu/hourly-enhanced-policy", "rsv-backup-prod-neu"],
    ]);
  });
});
