import type { ResourceValidationPolicy } from "@pulumi/policy";
import { DOCS } from "../shared/resourceTypes";
import { validateKind, type KindContext } from "../shared/validateKind";

const vaultMessage = (ours: boolean) =>
  `Vault is not protected from deletion; deleting it deletes every backup: set the Pulumi resource option protect: true${ours ? " (config azure-vm-backup:protect)" : ""}.`;
const itemMessage = "Protected item is not protected from deletion; deleting it stops protection and deletes its recovery points: set the Pulumi resource option protect: true.";

const vault = (_v: unknown, { args, ours }: KindContext, report: (m: string) => void) => {
  if (!args.opts.protect) report(vaultMessage(ours));
};
const item = (_i: unknown, { args }: KindContext, report: (m: string) => void) => {
  if (!args.opts.protect) report(itemMessage);
};

/** Recovery Services vaults and protected items carry the Pulumi `protect` resource option. */
export const enforceDeletionProtection: ResourceValidationPolicy = {
  name: "recoveryservices-vault-enforce-deletion-protection",
  description: "Recovery Services vaults and protected items carry the Pulumi `protect` resource option.",
  enforcementLevel: "mandatory",
  severity: "critical",
  remediationSteps: "Declare the vault and its protected items with { protect: true }; unprotect deliberately with `pulumi state unprotect`.",
  url: DOCS.protect,
  validateResource: [validateKind("vault", "native", vault), validateKind("vault", "classic", vault), validateKind("item", "native", item), validateKind("item", "classic", item)],
};
