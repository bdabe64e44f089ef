import type { ReviewResult, Violation } from "../../offline/review/policyHarness";
import { byVault, type EstateView } from "../../offline/views/estateView";

/** `azure-native:recoveryservices:Vault` from a URN (the last type of the qualified type chain). */
export function typeOfUrn(urn: string): string {
  const qualified = urn.split("::")[2] ?? "";
  return qualified.split("$").pop() ?? qualified;
}

/**
 * What `npm run review` prints: the policies evaluated with their enforcement levels, then every
 * violation grouped by resource with policy name, level, URN and message (docs/policy-reviews.md).
 */
export function renderReviewSummary(subject: string, result: ReviewResult, estate?: EstateView): string {
  const lines: string[] = [];
  lines.push(`Policy review of ${subject} with policy pack ${result.packName}@v${result.packVersion}: ${result.resources} resources`, "");
  // What was reviewed, vault by vault, so that a finding about one vault reads in its place.
  if (estate && estate.vaults.length > 0) {
    lines.push("Estate reviewed, vault by vault:");
    for (const { vault, policies, items } of byVault(estate)) {
      lines.push(`  vault ${vault.name} (${vault.location}, ${vault.resourceGroupName}): ${policies.length} polic${policies.length === 1 ? "y" : "ies"}, ${items.length} protected VM${items.length === 1 ? "" : "s"}`);
    }
    lines.push("");
  }
  const active = result.evaluations.filter((e) => e.enforcementLevel !== "disabled");
  lines.push(`Policies evaluated (${active.length} of ${result.evaluations.length}):`);
  const width = Math.max(...result.evaluations.map((e) => e.policyName.length));
  for (const e of result.evaluations) {
    const scope = e.kind === "stack" ? (e.checked > 0 ? "stack checked" : "not applicable") : `${e.checked} resource${e.checked === 1 ? "" : "s"} checked`;
    lines.push(`  ${e.enforcementLevel.padEnd(9)} ${e.policyName.padEnd(width)}  ${scope}, ${e.violations} violation${e.violations === 1 ? "" : "s"}`);
  }
  lines.push("");

  const mandatory = result.violations.filter((v) => v.enforcementLevel === "mandatory").length;
  if (result.violations.length === 0) {
    lines.push("No violations.");
  } else {
    lines.push(`Violations: ${mandatory} mandatory, ${result.violations.length - mandatory} advisory`, "");
    const groups = new Map<string, Violation[]>();
    for (const v of result.violations) groups.set(v.urn ?? "", [...(groups.get(v.urn ?? "") ?? []), v]);
    for (const [urn, vs] of groups) {
      lines.push(urn ? `${urn} (${typeOfUrn(urn)})` : "(stack)");
      for (const v of vs) lines.push(`  [${v.enforcementLevel}] ${v.policyName}: ${v.message}`);
      lines.push("");
    }
  }
  lines.push(mandatory > 0 ? `Result: ${mandatory} mandatory violation${mandatory === 1 ? "" : "s"} (exit 2).` : "Result: no mandatory violation.");
  return `${lines.join("\n")}\n`;
}
