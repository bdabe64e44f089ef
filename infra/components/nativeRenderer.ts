import { BackupVault } from "./backupVault";
import type { Renderer } from "./declareEstate";
import { ProtectedVms } from "./protectedVms";
import { VmBackupExtensions } from "./vmBackupExtensions";
import { VmBackupPolicy } from "./vmBackupPolicy";

/** The @pulumi/azure-native components. */
export const nativeRenderer: Renderer = {
  Vault: BackupVault,
  Policy: VmBackupPolicy,
  VmSide: VmBackupExtensions,
  ProtectedVms,
};
