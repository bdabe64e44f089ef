import type { ResourceValidationArgs } from "@pulumi/policy";
import { policyFromClassic } from "../../infra/providers/classic";
import { isVmPolicyProperties, policyFromNative } from "../../infra/providers/nativePolicy";
import type { PolicyReadBack } from "../../infra/providers/readBack";
import { whenKnown } from "./known";
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

/** Names (policy, vault, group) and the time zone are not enums: a policy called "weekly" stays so. */
const NOT_ENUMS = new Set(["name", "policyName", "vaultName", "recoveryVaultName", "resourceGroupName", "timezone"]);

/**
 * A VM backup policy's inputs read as ARM reads them: nulls absent, enums in the API's case. A lazy
 * view: a value unknown during preview (the vault's name) only matters when a rule reads it.
 */
export function normalizedPolicyInputs(props: unknown): Obj {
  const inputs = withoutNulls(props as Obj);
  return new Proxy(inputs, {
    get: (t, k) => {
      const v = Reflect.get(t, k);
      if (typeof k !== "string" || NOT_ENUMS.has(k)) return v;
      const canonical = canonicalEnums(v, POLICY_ENUMS);
      // The time zone inside azure-native `properties` is a name too.
      if (k === "properties" && canonical && typeof canonical === "object" && typeof v?.timeZone === "string") return { ...canonical, timeZone: v.timeZone };
      return canonical;
    },
  });
}

/**
 * A VM backup policy resource of either provider, read back into the configuration vocabulary
 * through the provider adapters (infra/providers). Marks the policy not applicable for non-VM protection policies.
 */
export function readVmPolicy(args: ResourceValidationArgs, family: "native" | "classic"): { name: string; mapped: PolicyReadBack } {
  const props = normalizedPolicyInputs(args.props);
  // An auto-named policy (or a name computed from another output) is called by its logical name.
  const name = String(whenKnown(() => (family === "classic" ? props.name : props.policyName)) ?? args.name);
  if (family === "classic") return { name, mapped: policyFromClassic(props) };
  if (!isVmPolicyProperties(props.properties)) args.notApplicable("not an Azure VM (AzureIaasVM) backup policy");
  return { name, mapped: policyFromNative(props.properties, name) };
}
