import { validateResourceOfType, type ResourceValidationPolicy } from "@pulumi/policy";
import { configSchemaWithDefaults, readConfig } from "../shared/policyConfig";
import { ClassicVault, DOCS, NativeVault } from "../shared/resourceTypes";

const defaults = { requireLocked: false };

function check(state: string, requireLocked: boolean, report: (m: string) => void) {
  if (state === "Disabled") {
    report("Vault immutability is Disabled; set vault.immutability to Unlocked (or Locked, irreversible) so backups cannot be deleted or shortened early.");
  } else if (requireLocked && state !== "Locked") {
    report(`Vault immutability is ${state}; this pack requires Locked: set vault.immutability to Locked (irreversible; create Unlocked first).`);
  }
}

/** Recovery Services vaults are immutable: at least Unlocked (Locked if configured). */
export const enableImmutability: ResourceValidationPolicy = {
  name: "recoveryservices-vault-enable-immutability",
  description: "Recovery Services vaults are immutable: at least Unlocked (Locked if configured).",
  enforcementLevel: "mandatory",
  severity: "high",
  remediationSteps: "Set vault.immutability to Unlocked; lock it once the retention settings are final.",
  url: DOCS.immutability,
  configSchema: configSchemaWithDefaults(defaults, {
    requireLocked: { type: "boolean", description: "Demand the irreversible Locked state." },
  }),
  validateResource: [
    validateResourceOfType(NativeVault, (vault, args, report) => {
      check(vault.properties?.securitySettings?.immutabilitySettings?.state ?? "Disabled", readConfig(args, defaults).requireLocked, report);
    }),
    validateResourceOfType(ClassicVault, (vault, args, report) => {
      check(vault.immutability ?? "Disabled", readConfig(args, defaults).requireLocked, report);
    }),
  ],
};
