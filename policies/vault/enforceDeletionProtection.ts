import { validateResourceOfType, type ResourceValidationPolicy } from "@pulumi/policy";
import { ClassicProtectedVm, ClassicVault, DOCS, NativeProtectedItem, NativeVault } from "../shared/resourceTypes";

const vaultMessage = "Vault is not protected from deletion; deleting it deletes every backup: set the Pulumi resource option protect: true (config azure-vm-backup:protect).";
const itemMessage = "Protected item is not protected from deletion; deleting it stops protection and deletes its recovery points: set the Pulumi resource option protect: true.";

/** Recovery Services vaults and protected items carry the Pulumi `protect` resource option. */
export const enforceDeletionProtection: ResourceValidationPolicy = {
  name: "recoveryservices-vault-enforce-deletion-protection",
  description: "Recovery Services vaults and protected items carry the Pulumi `protect` resource option.",
  enforcementLevel: "mandatory",
  severity: "critical",
  remediationSteps: "Declare the vault and its protected items with { protect: true }; unprotect deliberately with `pulumi state unprotect`.",
  url: DOCS.protect,
  validateResource: [
    validateResourceOfType(NativeVault, (_v, args, report) => {
      if (!args.opts.protect) report(vaultMessage);
    }),
    validateResourceOfType(ClassicVault, (_v, args, report) => {
      if (!args.opts.protect) report(vaultMessage);
    }),
    validateResourceOfType(NativeProtectedItem, (_i, args, report) => {
      if (!args.opts.protect) report(itemMessage);
    }),
    validateResourceOfType(ClassicProtectedVm, (_i, args, report) => {
      if (!args.opts.protect) report(itemMessage);
    }),
  ],
};
