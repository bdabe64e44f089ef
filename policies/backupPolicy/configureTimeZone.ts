import type { ResourceValidationPolicy } from "@pulumi/policy";
import { whenKnown } from "../shared/known";
import { DOCS } from "../shared/resourceTypes";
import { validateKind } from "../shared/validateKind";
import { sameText, str } from "../shared/values";

const message = (name: string, field: string, ours: boolean) =>
  `Policy ${name} declares no time zone, so its schedule runs in UTC; set ${field}${ours ? ` (config policies.${name}.timeZone)` : ""} (a Windows time zone ID such as W. Europe Standard Time) to make the backup window explicit.`;

/** VM backup policies declare their time zone explicitly (advisory). */
export const configureTimeZone: ResourceValidationPolicy = {
  name: "recoveryservices-backuppolicy-configure-time-zone",
  description: "VM backup policies declare their time zone explicitly (advisory).",
  enforcementLevel: "advisory",
  severity: "low",
  remediationSteps: "Set the policy's time zone to the zone the backup window was planned in.",
  url: DOCS.policy,
  validateResource: [
    validateKind("policy", "native", (policy, { args, ours }, report) => {
      if (!sameText(policy.properties?.backupManagementType, "AzureIaasVM")) args.notApplicable("not an Azure VM (AzureIaasVM) backup policy");
      const name = str(whenKnown(() => policy.policyName)) ?? args.name;
      if (!str(policy.properties?.timeZone)) report(message(name, "properties.timeZone", ours));
    }),
    validateKind("policy", "classic", (policy, { args, ours }, report) => {
      const name = str(whenKnown(() => policy.name)) ?? args.name;
      if (!str(policy.timezone)) report(message(name, "timezone", ours));
    }),
  ],
};
