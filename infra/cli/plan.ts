import * as fs from "node:fs";
import * as path from "node:path";
import { Command } from "commander";
import { toDataView } from "../offline/views/dataView";
import { toEstateView } from "../offline/views/estateView";
import { toPlanDocument } from "../offline/views/planDocument";
import { planStack } from "../offline/engine/planStack";
import { renderMarkdownReport } from "../report/markdownReport";
import { renderPlanSummary } from "./render/planSummary";
import { runCli } from "./runCli";

/** `npm run plan -- [--stack NAME | --config-file PATH] [--json] [--markdown FILE]` (CONTRACT section 3). */
export function planCommand(): Command {
  return new Command("plan")
    .description("Plan a stack offline on Pulumi's mock engine: no CLI, no cloud, no credentials.")
    .option("--stack <name>", "read Pulumi.<name>.yaml from the project root", "dev")
    .option("--config-file <path>", "read the stack configuration from this file instead")
    .option("--json", "print only a JSON document shaped like `pulumi preview --json`")
    .option("--inventory <path>", "answer the VM and tag look-ups from this inventory file (default inventory/<stack>.yaml)")
    .option("--markdown <file>", "also write a Markdown report for pull requests to this file")
    .action(async (opts: { stack: string; configFile?: string; json?: boolean; inventory?: string; markdown?: string }) => {
      const planned = await planStack({ stack: opts.stack, configFile: opts.configFile, inventory: opts.inventory });
      const data = toDataView(planned.resources, planned.dataSafety, planned.backupStateSource);
      if (opts.markdown) {
        const report = renderMarkdownReport({
          stack: planned.stack,
          source: `offline plan of \`${path.basename(planned.file)}\``,
          estate: toEstateView(planned.resources),
          warnings: planned.warnings,
          data,
          referenceDate: new Date(),
        });
        fs.writeFileSync(opts.markdown, report);
      }
      if (opts.json) {
        const doc = toPlanDocument(planned.resources, planned.stackConfig.config, planned.stackConfig.secretKeys, data);
        process.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
      } else {
        process.stdout.write(renderPlanSummary(planned.stack, planned.resources, planned.warnings, data));
      }
    });
}

if (require.main === module) void runCli(planCommand());
