import * as fs from "node:fs";
import * as path from "node:path";
import { Command } from "commander";
import { toDataView } from "../offline/views/dataView";
import { toEstateView } from "../offline/views/estateView";
import { inGuestChangesByVm } from "../offline/views/inGuestView";
import { toPlanDocument } from "../offline/views/planDocument";
import { vssStartupWarnings } from "../offline/views/vssStartupWarnings";
import { planStack } from "../offline/engine/planStack";
import { renderMarkdownReport } from "../report/markdownReport";
import { renderPlanSummary } from "./render/planSummary";
import { runCli } from "./runCli";
import { formatIssue } from "../config/configError";
import { assertAllChecked } from "../offline/views/uncheckedVms";

/** `npm run plan -- [--stack NAME | --config-file PATH] [--json] [--markdown FILE]` (README, "Main commands"). */
export function planCommand(): Command {
  return new Command("plan")
    .description("Plan a stack offline on Pulumi's mock engine: no CLI, no cloud, no credentials.")
    .option("--stack <name>", "read Pulumi.<name>.yaml from the project root (default dev; with --config-file, the stack name, else taken from the file name)")
    .option("--config-file <path>", "read the stack configuration from this file instead")
    .option("--json", "print only a JSON document shaped like `pulumi preview --json`")
    .option("--inventory <path>", "answer the VM and tag look-ups from this inventory file (default inventory/<stack>.yaml)")
    .option("--markdown <file>", "also write a Markdown report for pull requests to this file")
    .option("--strict", "fail (exit 1) when a VM could not be checked against Azure's facts (no inventory answer): for CI")
    .action(async (opts: { stack?: string; configFile?: string; json?: boolean; inventory?: string; markdown?: string; strict?: boolean }) => {
      const planned = await planStack({ stack: opts.stack, configFile: opts.configFile, inventory: opts.inventory });
      const estate = toEstateView(planned.resources);
      if (opts.strict) assertAllChecked(estate);
      const warnings = [...planned.warnings, ...vssStartupWarnings(estate, planned.inventory.inventory)];
      const data = toDataView(planned.resources, planned.dataSafety, planned.backupStateSource);
      if (opts.markdown) {
        const report = renderMarkdownReport({
          stack: planned.stack,
          source: `offline plan of \`${path.basename(planned.file)}\``,
          estate,
          warnings,
          data,
          referenceDate: new Date(),
        });
        fs.writeFileSync(opts.markdown, report);
      }
      if (opts.json) {
        const doc = { ...toPlanDocument(planned.resources, planned.stackConfig.config, planned.stackConfig.secretKeys, data), inGuestChanges: inGuestChangesByVm(estate) };
        process.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
        // stdout holds only the document: the warnings go beside it.
        for (const w of warnings) process.stderr.write(`warning: ${formatIssue(w)}\n`);
      } else {
        process.stdout.write(renderPlanSummary(planned.stack, planned.resources, warnings, data));
      }
    });
}

if (require.main === module) void runCli(planCommand());
