import type { ResourceValidationArgs, ResourceValidationPolicy } from "@pulumi/policy";
import { formatIssue } from "../../infra/config/configError";
import { parsePolicyConfig } from "../../infra/validate/loadConfig";
import { DOCS } from "../shared/resourceTypes";
import { validateKind } from "../shared/validateKind";
import { readVmPolicy } from "../shared/vmPolicy";

function check(args: ResourceValidationArgs, family: "native" | "classic", report: (m: string) => void) {
  const { name, mapped } = readVmPolicy(args, family);
  // The very validator that rejects a bad azure-vm-backup configuration, run on the resource's inputs.
  const { issues } = parsePolicyConfig(mapped.raw, name);
  for (const issue of [...mapped.issues, ...issues]) report(formatIssue(issue));
}

/** VM backup policies obey Azure Backup's own rules (schedule, retention, instant restore, tiering, consistency). */
export const enforceServiceRules: ResourceValidationPolicy = {
  name: "recoveryservices-backuppolicy-enforce-service-rules",
  description: "VM backup policies obey Azure Backup's own rules (schedule, retention, instant restore, tiering, consistency).",
  enforcementLevel: "mandatory",
  severity: "high",
  remediationSteps: "Fix each listed setting; Azure would otherwise reject the policy with BMSUserErrorInvalidPolicyInput at deployment.",
  url: DOCS.policy,
  validateResource: [
    validateKind("policy", "native", (_p, { args }, report) => check(args, "native", report)),
    validateKind("policy", "classic", (_p, { args }, report) => check(args, "classic", report)),
  ],
};
