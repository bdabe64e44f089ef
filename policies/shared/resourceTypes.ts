// Where the pack's remediation links point. Resource types are matched by family in resourceKinds.ts.
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
  multiUserAuthorization: "https://learn.microsoft.com/azure/backup/multi-user-authorization-concept",
  crossSubscriptionRestore: "https://learn.microsoft.com/azure/backup/backup-azure-arm-restore-vms#cross-subscription-restore",
  diagnostics: "https://learn.microsoft.com/azure/backup/backup-azure-diagnostic-events",
  identity: "https://learn.microsoft.com/azure/backup/encryption-at-rest-with-cmk#enable-managed-identity-for-your-recovery-services-vault",
  naming: "https://learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules#microsoftrecoveryservices",
  instantRestore: "https://learn.microsoft.com/azure/backup/backup-instant-restore-capability",
  bestPractices: "https://learn.microsoft.com/azure/backup/guidance-best-practices",
  vmAgent: "https://learn.microsoft.com/azure/backup/backup-azure-troubleshoot-vm-backup-fails-snapshot-timeout",
} as const;
