import { z } from "zod";
import { flag, strictObject } from "./schemaParts";
import { vaultSchema } from "./configSchema";

/**
 * `azure-vm-backup:vaults`: several vaults in one stack, one map entry per vault. Each entry takes the
 * settings of `vault` plus `primary`, which only says how the Pulumi components of its policies are
 * named (docs/multi-region.md, "Names and URNs").
 */

/** Vault keys are the user's handles (`vms[].vault`, error messages); never Azure names. */
export const VAULT_KEY_PATTERN = /^[a-zA-Z][-_a-zA-Z0-9]{0,39}$/;

export const vaultsEntrySchema = strictObject({
  ...vaultSchema.shape,
  primary: flag().optional()
    .describe("This vault's policies keep the component names of a one-vault stack (`<policy>`); the others' are `<vault name>/<policy>`. At most one. Default: true when the stack has only this vault. Mark the vault a stack had before it gained others."),
});

export const vaultsSchema = z
  .record(z.string(), z.unknown(), { error: (issue) => (issue.input === undefined ? "is required" : "must be a mapping of vault key to vault settings") })
  .describe("Map of vault key to vault settings (those of `vault`, plus `primary`). Use instead of `vault` for an estate in several regions.");
