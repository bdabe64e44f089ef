import type { ResourceValidationPolicy } from "@pulumi/policy";
import { configSchemaWithDefaults, readConfig } from "../shared/policyConfig";
import { DOCS } from "../shared/resourceTypes";
import { remedy, validateKind } from "../shared/validateKind";
import { sameText, str } from "../shared/values";

const defaults = { requireLocked: false };

function check(state: string, requireLocked: boolean, report: (m: string) => void, field: string, ours: boolean) {
  if (sameText(state, "Disabled")) {
    report(`Vault immutability is ${state}; ${remedy(ours, field, "Unlocked (or Locked, irreversible)", "vault.immutability")} so backups cannot be deleted or shortened early.`);
  } else if (requireLocked && !sameText(state, "Locked")) {
    report(`Vault immutability is ${state}; this pack requires Locked: ${remedy(ours, field, "Locked (irreversible; create Unlocked first)", "vault.immutability")}.`);
  }
}

/** Recovery Services vaults are immutable: at least Unlocked (Locked if configured). */
export const enableImmutability: ResourceValidationPolicy = {
  name: "recoveryservices-vault-enable-immutability",
  description: "Recovery Services vaults are immutable: at least Unlocked (Locked if configured).",
  enforcementLevel: "mandatory",
  severity: "high",
  remediationSteps: "Make the vault immutable (Unlocked); lock it once the retention settings are final.",
  url: DOCS.immutability,
  configSchema: configSchemaWithDefaults(defaults, {
    requireLocked: { type: "boolean", description: "Demand the irreversible Locked state." },
  }),
  validateResource: [
    validateKind("vault", "native", (vault, { args, ours }, report) => {
      const field = "properties.securitySettings.immutabilitySettings.state";
      check(str(vault.properties?.securitySettings?.immutabilitySettings?.state) ?? "Disabled", readConfig(args, defaults).requireLocked, report, field, ours);
    }),
    validateKind("vault", "classic", (vault, { args, ours }, report) => {
      check(str(vault.immutability) ?? "Disabled", readConfig(args, defaults).requireLocked, report, "immutability", ours);
    }),
  ],
};
