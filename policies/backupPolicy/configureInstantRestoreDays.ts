import type { ResourceValidationArgs, ResourceValidationPolicy } from "@pulumi/policy";
import { ENHANCED_INSTANT_RESTORE_DAYS } from "../../infra/azure/azureLimits";
import { effectiveInstantRestoreDays } from "../../infra/model/policyRules";
import { parsePolicyConfig } from "../../infra/validate/loadConfig";
import { configSchemaWithDefaults, readConfig } from "../shared/policyConfig";
import { DOCS } from "../shared/resourceTypes";
import { isOurs, validateKind } from "../shared/validateKind";
import { readVmPolicy } from "../shared/vmPolicy";

/** 0: no minimum (the rule is off until an organisation sets one). */
const defaults = { minimumDays: 0 };

function check(args: ResourceValidationArgs, family: "native" | "classic", report: (m: string) => void) {
  const { minimumDays } = readConfig(args, defaults);
  if (minimumDays <= 0) args.notApplicable("no minimum instant-restore days configured");
  const { name, mapped } = readVmPolicy(args, family);
  const { policy } = parsePolicyConfig(mapped.raw, name);
  // An invalid policy is the service-rules policy's finding; its snapshot days cannot be read reliably.
  if (!policy) args.notApplicable("the policy does not parse (see recoveryservices-backuppolicy-enforce-service-rules)");
  const days = effectiveInstantRestoreDays(policy!);
  if (days < minimumDays) {
    const field = family === "native" ? "properties.instantRpRetentionRangeInDays" : "instantRestoreRetentionDays";
    report(`Policy ${name} keeps instant-restore snapshots ${days} days; set ${field}${isOurs(args.urn) ? ` (config policies.${name}.instantRestoreDays)` : ""} to at least ${minimumDays}.`);
  }
}

/** VM backup policies keep instant-restore snapshots at least the configured days (advisory, off by default). */
export const configureInstantRestoreDays: ResourceValidationPolicy = {
  name: "recoveryservices-backuppolicy-configure-instant-restore-days",
  description: "VM backup policies keep instant-restore snapshots at least the configured days (advisory, off by default).",
  enforcementLevel: "advisory",
  severity: "low",
  remediationSteps: "Raise the policy's instant-restore retention (Standard policies keep 1-5 days, Enhanced 1-30).",
  url: DOCS.instantRestore,
  configSchema: configSchemaWithDefaults(defaults, {
    minimumDays: { type: "integer", minimum: 0, maximum: ENHANCED_INSTANT_RESTORE_DAYS.max, description: "Fewest days instant-restore snapshots are kept; 0: no minimum." },
  }),
  validateResource: [
    validateKind("policy", "native", (_p, { args }, report) => check(args, "native", report)),
    validateKind("policy", "classic", (_p, { args }, report) => check(args, "classic", report)),
  ],
};
