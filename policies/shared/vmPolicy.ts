import type { ResourceValidationArgs } from "@pulumi/policy";
import { policyFromClassic } from "../../infra/providers/classic";
import { isVmPolicyProperties, policyFromNative } from "../../infra/providers/nativePolicy";
import type { PolicyReadBack } from "../../infra/providers/readBack";

/**
 * A VM backup policy resource of either provider, read back into the configuration vocabulary
 * through the provider adapters (infra/providers). Marks the policy not applicable for non-VM protection policies.
 */
export function readVmPolicy(args: ResourceValidationArgs, family: "native" | "classic"): { name: string; mapped: PolicyReadBack } {
  const props = args.props;
  if (family === "classic") return { name: String(props.name ?? args.name), mapped: policyFromClassic(props) };
  if (!isVmPolicyProperties(props.properties)) args.notApplicable("not an Azure VM (AzureIaasVM) backup policy");
  return { name: String(props.policyName ?? args.name), mapped: policyFromNative(props.properties, String(props.policyName ?? args.name)) };
}
