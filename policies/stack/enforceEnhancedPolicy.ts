import type { StackValidationPolicy } from "@pulumi/policy";
import { DOCS } from "../shared/resourceTypes";
import { buildBackupGraph } from "./backupGraph";

/** VMs that need Enhanced backup (Trusted Launch, confidential, Ultra or Premium SSD v2 disks) are bound to V2 policies. */
export const enforceEnhancedPolicy: StackValidationPolicy = {
  name: "recoveryservices-protecteditem-enforce-enhanced-policy",
  description: "VMs that need Enhanced backup (Trusted Launch, confidential, Ultra or Premium SSD v2 disks) are bound to V2 policies.",
  enforcementLevel: "mandatory",
  severity: "high",
  remediationSteps: "Bind the VM to a policy with tier: Enhanced (policyType V2); a V2-protected VM cannot go back to V1.",
  url: DOCS.enhancedPolicy,
  validateStack: (args, report) => {
    const graph = buildBackupGraph(args.resources);
    const bound = graph.items.filter((i) => i.vm?.enhancedReason && i.policy);
    if (bound.length === 0) args.notApplicable("no protected VM in the stack needs an Enhanced policy");
    for (const item of bound) {
      if (item.policy!.policyType !== "V2") {
        report(
          `VM ${item.vm!.name} needs an Enhanced (V2) policy (${item.vm!.enhancedReason}) but is bound to Standard policy ${item.policy!.name}; bind it to a policy with tier: Enhanced.`,
          item.resource.urn,
        );
      }
    }
  },
};
