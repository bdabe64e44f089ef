import type { BackupModel } from "../../model/backupModel";
import { declareEstate, type Renderer, type StackOutputs } from "../declareEstate";
import { ClassicBackupVault } from "./backupVault";
import { ClassicProtectedVms } from "./protectedVms";
import { ClassicVmBackupExtensions } from "./vmBackupExtensions";
import { ClassicVmBackupPolicy } from "./vmBackupPolicy";

/** The classic (@pulumi/azure) components: same type tokens, names and outputs as the native ones. */
export const classicRenderer: Renderer = {
  Vault: ClassicBackupVault,
  Policy: ClassicVmBackupPolicy,
  VmSide: ClassicVmBackupExtensions,
  ProtectedVms: ClassicProtectedVms,
};

/** Renders the model with @pulumi/azure (classic), so plan, review and equivalence tests read both alike. */
export function declareClassic(model: BackupModel): StackOutputs {
  return declareEstate(model, classicRenderer);
}
