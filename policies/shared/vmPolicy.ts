import type { ResourceValidationArgs } from "@pulumi/policy";
import { isVmPolicyProperties, policyFromClassic, policyFromNative, type PolicyFromApi } from "../../infra/model/policyFromApi";

/**
 * A VM backup policy resource of either provider, read back into the configuration vocabulary
 * (infra/model/policyFromApi.ts). Marks the policy not applicable for non-VM protection policies.
 */
export function readVmPolicy(args: ResourceValidationArgs, family: "native" | "classic"): { name: string; mapped: PolicyFromApi } {
  const props = args.props;
  if (family === "classic") return { name: String(props.name ?? args.name), mapped: policyFromClassic(props) };
  if (!isVmPolicyProperties(props.properties)) args.notApplicable("not an Azure VM (AzureIaasVM) backup policy");
  return { name: String(props.policyName ?? args.name), mapped: policyFromNative(props.properties, String(props.policyName ?? args.name)) };
}
