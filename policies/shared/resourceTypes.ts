// The resource classes the pack recognises, deep-imported so a type-check loads only these modules.
// Both provider families: the pack reviews any stack, not only this project's azure-native one.
export { ProtectedItem as NativeProtectedItem, ProtectionPolicy as NativeProtectionPolicy, Vault as NativeVault } from "@pulumi/azure-native/recoveryservices";
export { VirtualMachine as NativeVirtualMachine, VirtualMachineExtension as NativeVmExtension } from "@pulumi/azure-native/compute";
export { Vault as ClassicVault } from "@pulumi/azure/recoveryservices";
export { PolicyVM as ClassicPolicyVm, ProtectedVM as ClassicProtectedVm } from "@pulumi/azure/backup";
export {
  Extension as ClassicVmExtension,
  LinuxVirtualMachine as ClassicLinuxVm,
  VirtualMachine as ClassicLegacyVm,
  WindowsVirtualMachine as ClassicWindowsVm,
} from "@pulumi/azure/compute";

/** Where the pack's remediation links point. */
export const DOCS = {
  softDelete: "https://learn.microsoft.com/azure/backup/backup-azure-security-feature-cloud",
  immutability: "https://learn.microsoft.com/azure/backup/backup-azure-immutable-vault-concept",
  privateEndpoints: "https://learn.microsoft.com/azure/backup/private-endpoints",
  redundancy: "https://learn.microsoft.com/azure/backup/backup-create-recovery-services-vault#set-storage-redundancy",
  crossRegionRestore: "https://learn.microsoft.com/azure/backup/backup-create-rs-vault#set-cross-region-restore",
  encryption: "https://learn.microsoft.com/azure/backup/encryption-at-rest-with-cmk",
  monitoring: "https://learn.microsoft.com/azure/backup/monitoring-and-alerts-overview",
  protect: "https://www.pulumi.com/docs/iac/concepts/options/protect/",
  policy: "https://learn.microsoft.com/azure/backup/backup-azure-vms-first-look-arm",
  enhancedPolicy: "https://learn.microsoft.com/azure/backup/backup-azure-vms-enhanced-policy",
  snapshotExtension: "https://learn.microsoft.com/azure/backup/backup-azure-arm-vms-prepare",
  limits: "https://learn.microsoft.com/azure/backup/backup-support-matrix-iaas",
} as const;
