/**
 * azure-vm-backup as a library: BackupEstate (the whole estate from the stack configuration's keys)
 * and its building blocks, with args in the configuration's vocabulary.
 */
export { BackupEstate, type BackupEstateArgs } from "./backupEstate";
export { BackupVault, type BackupVaultArgs } from "./backupVault";
export { VmBackupPolicy, type VmBackupPolicyArgs } from "./vmBackupPolicy";
export { ProtectedVms, type ProtectedVmsArgs } from "./protectedVms";
export { VmBackupExtensions, type VmBackupExtensionsArgs } from "./vmBackupExtensions";
export type * from "./args";
export * from "./enums";
