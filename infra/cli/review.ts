import * as fs from "node:fs";
import * as path from "node:path";
import { Command } from "commander";
import { formatIssue, type ConfigIssue } from "../config/configError";
import { assertAllChecked } from "../offline/views/uncheckedVms";
import { toDataView, type DataView } from "../offline/views/dataView";
import { readInputFile } from "../offline/engine/fileInput";
import { toEstateView, type EstateView } from "../offline/views/estateView";
import { vssStartupWarnings } from "../offline/views/vssStartupWarnings";
import { recordedResourcesFromPlan } from "../offline/views/planDocument";
import { readPolicyConfigFile, reconcilePolicyConfig } from "../offline/review/policyConfig";
import { hasMandatoryViolation, reviewPlan, reviewResourcesFromPlan, reviewResourcesFromRun, type ReviewResource } from "../offline/review/policyHarness";
import { loadPolicyPack } from "../offline/review/policyPack";
import { parsePreviewJson } from "../offline/review/previewJson";
import type { RecordedResource } from "../offline/engine/recordedResource";
import { planStack } from "../offline/engine/planStack";
import { renderMarkdownReport } from "../report/markdownReport";
import { renderReviewSummary } from "./render/reviewSummary";
import { DESTRUCTIVE_CHANGE_EXIT_CODE, renderDestructiveSummary } from "./render/destructiveSummary";
import { applyAcknowledgements, DEFAULT_ACKNOWLEDGEMENTS_FILE, readAcknowledgements, type GateResult } from "../offline/review/acknowledgements";
import { findDestructiveChanges } from "../offline/review/destructiveChanges";
import { runCli } from "./runCli";

export const MANDATORY_VIOLATION_EXIT_CODE = 2;

interface ReviewOptions {
  stack?: string;
  configFile?: string;
  inventory?: string;
  previewJson?: string;
  policyConfig?: string;
  markdown?: string;
  strict?: boolean;
  acknowledgements?: string;
  json?: boolean;
}

/** The acknowledgements named by the flag, else the repository's default file when it exists. */
function acknowledgementsFor(option: string | undefined) {
  if (option) return readAcknowledgements(option);
  return fs.existsSync(DEFAULT_ACKNOWLEDGEMENTS_FILE) ? readAcknowledgements(DEFAULT_ACKNOWLEDGEMENTS_FILE) : [];
}

function readPreview(file: string) {
  return parsePreviewJson(readInputFile(file, "the preview JSON"), file);
}

/** `npm run review -- [--stack NAME | --config-file PATH [--inventory PATH] | --preview-json PATH [--acknowledgements FILE]] [--policy-config PATH] [--markdown FILE] [--json]` (docs/policy-reviews.md). */
export function reviewCommand(): Command {
  return new Command("review")
    .description("Evaluate the policy pack in policies/ offline, on a stack's plan or a saved `pulumi preview --json` document.")
    .option("--stack <name>", "review the plan of Pulumi.<name>.yaml (default dev; with --config-file, the stack name, else taken from the file name)")
    .option("--config-file <path>", "review the plan of this stack configuration file instead")
    .option("--inventory <path>", "answer the plan's VM and tag look-ups from this inventory file (as plan does)")
    .option("--preview-json <path>", "review a saved `pulumi preview --json` document instead of planning")
    .option("--policy-config <path>", "policy configuration in the `pulumi preview --policy-pack-config` JSON format")
    .option("--markdown <file>", "also write a Markdown report for pull requests to this file")
    .option("--strict", "fail (exit 1) when a planned VM could not be checked against Azure's facts (no inventory answer)")
    .option("--acknowledgements <file>", `deliberate destructive changes (resource and reason); default ${DEFAULT_ACKNOWLEDGEMENTS_FILE} when present`)
    .option("--json", "print the review as one JSON document instead of text")
    .action(async (opts: ReviewOptions) => {
      const pack = loadPolicyPack();
      // Configuration problems are reported before any plan is built.
      const config = opts.policyConfig ? readPolicyConfigFile(opts.policyConfig, pack.policies) : reconcilePolicyConfig(pack.policies);
      const acknowledgements = acknowledgementsFor(opts.acknowledgements);
      let destructive: GateResult | undefined;
      let subject: string;
      let stack: string;
      let source: string;
      let review: ReviewResource[];
      let recorded: RecordedResource[];
      let warnings: readonly ConfigIssue[] = [];
      let data: DataView;
      let estate: EstateView;
      if (opts.previewJson) {
        const doc = readPreview(opts.previewJson);
        review = reviewResourcesFromPlan(doc);
        recorded = recordedResourcesFromPlan(doc);
        destructive = applyAcknowledgements(findDestructiveChanges(doc), acknowledgements);
        stack = review[0]?.urn.split("::")[0]?.replace(/^urn:pulumi:/, "") ?? "?";
        subject = `preview ${opts.previewJson}`;
        source = `saved preview \`${path.basename(opts.previewJson)}\``;
        data = toDataView(recorded, undefined, "not looked up: a saved preview holds no backup state");
        estate = toEstateView(recorded);
      } else {
        const planned = await planStack({ stack: opts.stack, configFile: opts.configFile, inventory: opts.inventory });
        estate = toEstateView(planned.resources);
        if (opts.strict) assertAllChecked(estate);
        review = reviewResourcesFromRun(planned.resources);
        recorded = [...planned.resources];
        stack = planned.stack;
        warnings = [...planned.warnings, ...vssStartupWarnings(estate, planned.inventory.inventory)];
        subject = `stack "${planned.stack}" (offline plan of ${path.relative(process.cwd(), planned.file) || planned.file})`;
        source = `offline plan of \`${path.basename(planned.file)}\``;
        data = toDataView(recorded, planned.dataSafety, planned.backupStateSource);
      }
      const result = await reviewPlan(review, { packName: pack.name, packVersion: pack.version, policies: pack.policies, config });
      if (opts.markdown) {
        fs.writeFileSync(opts.markdown, renderMarkdownReport({ stack, source, estate, review: result, destructive, warnings, data, referenceDate: new Date() }));
      }
      // A destructive change outranks a policy violation: data would be lost, not merely set up badly.
      const exitCode = destructive && destructive.blocking.length > 0 ? DESTRUCTIVE_CHANGE_EXIT_CODE : hasMandatoryViolation(result) ? MANDATORY_VIOLATION_EXIT_CODE : 0;
      if (opts.json) {
        const { packName, packVersion, resources, evaluations, violations } = result;
        process.stdout.write(`${JSON.stringify({ subject, stack, exitCode, policyReview: { packName, packVersion, resources, evaluations, violations }, ...(destructive && { destructiveChanges: destructive }), warnings }, null, 2)}\n`);
      } else {
        process.stdout.write(renderReviewSummary(subject, result, estate));
        if (destructive) process.stdout.write(`\n${renderDestructiveSummary(destructive)}`);
        // The plan's warnings, once, beside the verdicts (the plan command lists them in its summary).
        for (const w of warnings) process.stderr.write(`warning: ${formatIssue(w)}\n`);
      }
      if (exitCode !== 0) process.exitCode = exitCode;
    });
}

if (require.main === module) void runCli(reviewCommand());
