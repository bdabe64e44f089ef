import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parseDocument } from "yaml";
import { describe, expect, it } from "vitest";
import { readInventoryFile } from "../../infra/offline/engine/inventory";
import type { PlanDocument } from "../../infra/offline/views/planDocument";
import { ROOT, runCommand } from "../support/runCommand";
import { deployedState } from "../support/deployedState";
import { devConfig } from "../support/runConfig";

const DEPLOYED = path.join(__dirname, "..", "fixtures", "inventories", "dev-deployed.yaml");

/** Pulumi.dev.yaml with vm-web-01 moved to weekly-standard, the cut acknowledged. */
function movedWebConfig(): string {
  const doc = parseDocument(fs.readFileSync(path.join(ROOT, "Pulumi.dev.yaml"), "utf8"));
  doc.setIn(["config", "azure-vm-backup:vms", 0, "policy"], "weekly-standard");
  doc.setIn(["config", "azure-vm-backup:vms", 0, "allowRetentionReduction"], "CHG-1234: web tier needs no daily points");
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "data-")), "Pulumi.dev.yaml");
  fs.writeFileSync(file, doc.toString());
  return file;
}

describe("the plan's Data section (terminal, JSON, Markdown)", () => {
  it("the deployed-dev inventory fixture is what the dev stack deploys (backup sections) plus inventory/dev.yaml's VMs", async () => {
    const fixture = readInventoryFile(DEPLOYED).inventory;
    const state = deployedState(devConfig());
    expect(fixture.backupPolicies).toEqual(state.backupPolicies);
    expect(fixture.protectedItems).toEqual(state.protectedItems);
    expect(fixture.virtualMachines).toEqual(readInventoryFile(path.join(ROOT, "inventory", "dev.yaml")).inventory.virtualMachines);
  });

  it("lists the acknowledged move as retention reduced by choice, and the guards, in all three forms", async () => {
    const config = movedWebConfig();
    const md = path.join(path.dirname(config), "report.md");
    const json = await runCommand("plan", ["--config-file", config, "--inventory", DEPLOYED, "--json"]);
    expect(json.stderr).toBe("");
    const doc = JSON.parse(json.stdout) as PlanDocument;
    expect(doc.data!.backupState).toMatch(/^inventory .*dev-deployed\.yaml$/);
    expect(doc.data!.changes).toEqual([
      {
        kind: "policy-move",
        subject: "vm rg-app-prod/vm-web-01",
        path: "vms[0]",
        detail: "daily-standard -> weekly-standard",
        reductions: ["daily 30 days -> none", "yearly 5 years -> 3 years"],
        acknowledged: "CHG-1234: web tier needs no daily points",
      },
    ]);
    expect(doc.data!.guarded.find((g) => g.what === "backup policies")).toMatchObject({ count: 4, protect: true, retainOnDelete: true });

    const text = await runCommand("plan", ["--config-file", config, "--inventory", DEPLOYED, "--markdown", md]);
    expect(text.status).toBe(0);
    expect(text.stdout).toContain(
      "  - vm rg-app-prod/vm-web-01: daily-standard -> weekly-standard; retention cut: daily 30 days -> none, yearly 5 years -> 3 years (retention reduced by choice: CHG-1234: web tier needs no daily points) [vms[0]]",
    );
    expect(text.stdout).toContain("  - 4 backup policies: protect: deleting it fails; retainOnDelete: once unprotected, removing it only forgets it (Azure keeps it)");
    const report = fs.readFileSync(md, "utf8");
    expect(report).toContain("### Data");
    expect(report).toContain("| vm rg-app-prod/vm-web-01 | daily-standard -> weekly-standard | daily 30 days -> none, yearly 5 years -> 3 years | CHG-1234: web tier needs no daily points | vms[0] |");
  });

  it("without the acknowledgement the same plan exits 1 naming the cut", async () => {
    const doc = parseDocument(fs.readFileSync(movedWebConfig(), "utf8"));
    doc.deleteIn(["config", "azure-vm-backup:vms", 0, "allowRetentionReduction"]);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "data-")), "Pulumi.dev.yaml");
    fs.writeFileSync(file, doc.toString());
    const r = await runCommand("plan", ["--config-file", file, "--inventory", DEPLOYED]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("vms[0].policy: moving VM vm-web-01 from policy daily-standard to weekly-standard cuts the retention of its existing recovery points (daily 30 days -> none, yearly 5 years -> 3 years)");
  });
});
