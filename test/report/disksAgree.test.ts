import { describe, expect, it } from "vitest";
import { renderPlanSummary } from "../../infra/cli/render/planSummary";
import { planStack } from "../../infra/offline/engine/planStack";
import { toEstateView } from "../../infra/offline/views/estateView";
import { renderMarkdownReport } from "../../infra/report/markdownReport";

describe("the terminal and the Markdown report", () => {
  it("agree on which disks each VM's backups hold, in the same words", async () => {
    const planned = await planStack({ stack: "dev" });
    const terminal = renderPlanSummary("dev", planned.resources, planned.warnings);
    const markdown = renderMarkdownReport({ stack: "dev", source: "test", estate: toEstateView(planned.resources), referenceDate: new Date("2026-01-15T12:00:00Z") });
    const terminalDisks = new Map(
      terminal.split("\n").filter((l) => l.startsWith("│ vm-")).map((l) => {
        const cells = l.split("│").map((c) => c.trim());
        return [cells[1]!.split(" ")[0]!, cells[8]!];
      }),
    );
    const markdownDisks = new Map(
      markdown
        .split("\n")
        .filter((l) => /^\| vm-/.test(l))
        .map((l) => l.split("|").map((c) => c.trim()))
        // The VMs table: VM | resource group | policy | disks | protection | ...
        .filter((cells) => /^(Protected|ProtectionStopped|BackupsSuspended)$/.test(cells[5] ?? ""))
        .map((cells) => [cells[1]!, cells[4]!]),
    );
    expect(terminalDisks.size).toBe(7);
    expect(markdownDisks).toEqual(terminalDisks);
    // The dev stack excludes LUN 1 of vm-web-01 (two data disks): one disk is left, in the singular.
    expect(terminalDisks.get("vm-web-01")).toBe("OS + LUN 0");
  });
});
