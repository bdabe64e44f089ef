import type { ResourceValidationArgs } from "@pulumi/policy";
import { isVmPolicyProperties, policyFromClassic, policyFromNative, type PolicyFromApi } from "../../infra/model/policyFromApi";
import { canonicalEnums, withoutNulls } from "./values";

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The API's enum spellings in VM backup policies; ARM accepts them in any case, the model reads these. */
const POLICY_ENUMS = [
  "AzureIaasVM", "AzureIaaSVMProtectionPolicy", "V1", "V2", "SimpleSchedulePolicy", "SimpleSchedulePolicyV2", "LongTermRetentionPolicy",
  "Daily", "Weekly", "Hourly", "Days", "Weeks", "Months", "Years", "Invalid",
  "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
  "First", "Second", "Third", "Fourth", "Last",
  "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
  "TierAfter", "TierRecommended", "DoNotTier", "OnlyCrashConsistent", "FileSystemConsistent", "ApplicationConsistent",
];

/** A VM backup policy's inputs read as ARM reads them: nulls absent, enums in the API's case. */
export function normalizedPolicyInputs(props: unknown): Obj {
  const inputs = withoutNulls(props as Obj);
  // Names (policy, vault, group) and the time zone are not enums: a policy called "weekly" stays so.
  const NOT_ENUMS = new Set(["name", "policyName", "vaultName", "recoveryVaultName", "resourceGroupName", "timezone", "timeZone"]);
  const out: Obj = {};
  for (const [k, v] of Object.entries(inputs)) out[k] = NOT_ENUMS.has(k) ? v : canonicalEnums(v, POLICY_ENUMS);
  if (out.properties && typeof out.properties === "object" && typeof inputs.properties?.timeZone === "string") out.properties = { ...out.properties, timeZone: inputs.properties.timeZone };
  return out;
}

/**
 * A VM backup policy resource of either provider, read back into the configuration vocabulary
 * (infra/model/policyFromApi.ts). Marks the policy not applicable for non-VM protection policies.
 */
export function readVmPolicy(args: ResourceValidationArgs, family: "native" | "classic"): { name: string; mapped: PolicyFromApi } {
  const props = normalizedPolicyInputs(args.props);
  if (family === "classic") return { name: String(props.name ?? args.name), mapped: policyFromClassic(props) };
  if (!isVmPolicyProperties(props.properties)) args.notApplicable("not an Azure VM (AzureIaasVM) backup policy");
  return { name: String(props.policyName ?? args.name), mapped: policyFromNative(props.properties, String(props.policyName ?? args.name)) };
}
