"""A Python program using the azure-vm-backup component package.

Generate the SDK first: `pulumi package add <path or URL of the azure-vm-backup repository>`.
The VM is declared in the same program: its ID is an output, so the entry names it and states its OS.
test/package/provider.test.ts sends the same args to the provider's Construct and checks the resources.
"""
import pulumi
import pulumi_azure_native as azure_native
import pulumi_azure_vm_backup as backup

vm = azure_native.compute.VirtualMachine.get("app-02", "/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg-app/providers/Microsoft.Compute/virtualMachines/app-02")

estate = backup.BackupEstate(
    "backup",
    vault=backup.VaultSettingsArgs(
        name="rsv-backup-py",
        resource_group_name="rg-backup-py",
        location="westeurope",
    ),
    policies={
        "enhanced-hourly": backup.PolicySettingsArgs(
            tier=backup.PolicyTier.ENHANCED,
            schedule=backup.ScheduleSettingsArgs(
                frequency=backup.Frequency.HOURLY,
                time="08:00",
                interval_hours=4,
                window_hours=12,
            ),
            retention=backup.RetentionSettingsArgs(daily=14),
        ),
    },
    vms=[
        backup.VmSettingsArgs(
            id=vm.id,
            name="app-02",
            policy="enhanced-hourly",
            os=backup.OsType.WINDOWS,
            location=vm.location,
        ),
    ],
)

pulumi.export("vault_id", estate.vault_id)
pulumi.export("policy_ids", estate.policy_ids)
