import type { ResourceValidationPolicy } from "@pulumi/policy";
import { VAULT_NAME_PATTERN } from "../../infra/azure/azureLimits";
import { DOCS } from "../shared/resourceTypes";
import { validateKind } from "../shared/validateKind";
import { str } from "../shared/values";

/** Characters Pulumi's auto-naming may append to the logical name (a random suffix). */
const AUTO_NAME_SUFFIX = 8;
const RULE = "2-50 letters, digits or hyphens, starting with a letter";

function check(name: string | undefined, field: string, logicalName: string, report: (m: string) => void) {
  if (name !== undefined) {
    if (!VAULT_NAME_PATTERN.test(name)) report(`Vault name ${JSON.stringify(name)} (${field}) is not ${RULE}.`);
    return;
  }
  // Auto-named: the logical name plus the random suffix must still be a valid name.
  const longest = `${logicalName}${"a".repeat(AUTO_NAME_SUFFIX)}`;
  if (!VAULT_NAME_PATTERN.test(longest)) {
    report(`Vault is auto-named from its logical name ${JSON.stringify(logicalName)}, which with Pulumi's ${AUTO_NAME_SUFFIX}-character suffix is not ${RULE}; set ${field}.`);
  }
}

/** Recovery Services vault names are 2-50 letters, digits or hyphens and start with a letter. */
export const enforceValidName: ResourceValidationPolicy = {
  name: "recoveryservices-vault-enforce-valid-name",
  description: "Recovery Services vault names are 2-50 letters, digits or hyphens and start with a letter.",
  enforcementLevel: "mandatory",
  severity: "medium",
  remediationSteps: "Rename the vault before it is created: a vault cannot be renamed afterwards.",
  url: DOCS.naming,
  validateResource: [
    validateKind("vault", "native", (vault, { args }, report) => check(str(vault.vaultName), "vaultName", args.name, report)),
    validateKind("vault", "classic", (vault, { args }, report) => check(str(vault.name), "name", args.name, report)),
  ],
};
