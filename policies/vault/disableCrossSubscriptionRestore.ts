import type { ResourceValidationPolicy } from "@pulumi/policy";
import { DOCS } from "../shared/resourceTypes";
import { remedy, validateKind } from "../shared/validateKind";
import { sameText, str } from "../shared/values";

/** Recovery Services vaults disable cross-subscription restore (advisory; not expressible with the classic provider). */
export const disableCrossSubscriptionRestore: ResourceValidationPolicy = {
  name: "recoveryservices-vault-disable-cross-subscription-restore",
  description: "Recovery Services vaults disable cross-subscription restore (advisory; not expressible with the classic provider).",
  enforcementLevel: "advisory",
  severity: "low",
  remediationSteps: "Set cross-subscription restore to Disabled (or PermanentlyDisabled) so backups restore only into the vault's own subscription.",
  url: DOCS.crossSubscriptionRestore,
  validateResource: [
    validateKind("vault", "native", (vault, { ours }, report) => {
      const state = vault.properties?.restoreSettings?.crossSubscriptionRestoreSettings?.crossSubscriptionRestoreState;
      if (!sameText(state, "Disabled") && !sameText(state, "PermanentlyDisabled")) {
        report(`Vault cross-subscription restore is ${str(state) ?? "unset (Enabled)"}; ${remedy(ours, "properties.restoreSettings.crossSubscriptionRestoreSettings.crossSubscriptionRestoreState", "Disabled or PermanentlyDisabled")}.`);
      }
    }),
    validateKind("vault", "classic", (_vault, { args }) => {
      args.notApplicable("not expressible with the classic @pulumi/azure provider (azurerm exposes no cross-subscription restore setting)");
    }),
  ],
};
