import { validateResourceOfType, type ResourceValidationPolicy } from "@pulumi/policy";
import { ClassicPolicyVm, DOCS, NativeProtectionPolicy } from "../shared/resourceTypes";

const message = (name: string) =>
  `Policy ${name} declares no time zone, so its schedule runs in UTC; set policies.${name}.timeZone (a Windows time zone ID such as W. Europe Standard Time) to make the backup window explicit.`;

/** VM backup policies declare their time zone explicitly (advisory). */
export const configureTimeZone: ResourceValidationPolicy = {
  name: "recoveryservices-backuppolicy-configure-time-zone",
  description: "VM backup policies declare their time zone explicitly (advisory).",
  enforcementLevel: "advisory",
  severity: "low",
  remediationSteps: "Set the policy's time zone to the zone the backup window was planned in.",
  url: DOCS.policy,
  validateResource: [
    validateResourceOfType(NativeProtectionPolicy, (policy, args, report) => {
      const props = policy.properties as { backupManagementType?: string; timeZone?: string } | undefined;
      if (props?.backupManagementType !== "AzureIaasVM") args.notApplicable("not an Azure VM (AzureIaasVM) backup policy");
      if (!props?.timeZone) report(message(policy.policyName ?? args.name));
    }),
    validateResourceOfType(ClassicPolicyVm, (policy, args, report) => {
      if (!policy.timezone) report(message(policy.name ?? args.name));
    }),
  ],
};
