/**
 * What Azure Backup changes inside a VM, as named facts, so the plan, the report, the docs and the
 * readiness scripts name the same versions and services. Each entry cites its Microsoft page.
 */

/** Learn "An overview of Azure VM backup", Backup process (changes made to a Windows VM, first backup). */
export const AZURE_VM_BACKUP_OVERVIEW_URL = "https://learn.microsoft.com/azure/backup/backup-azure-vms-introduction";
/** Learn "Application-consistent backup of Azure Linux VMs" (the script plug-in file). */
export const LINUX_APP_CONSISTENT_URL = "https://learn.microsoft.com/azure/backup/backup-azure-linux-app-consistent";
/** Learn "Azure Virtual Machine Agent overview" (Windows guest agent and its services). */
export const WINDOWS_VM_AGENT_URL = "https://learn.microsoft.com/azure/virtual-machines/extensions/agent-windows";

/** The runtime enabling backup installs on Windows (Learn "An overview of Azure VM backup", step 6). */
export const WINDOWS_VC_REDIST = { name: "Microsoft Visual C++ 2013 Redistributable (x64)", version: "12.0.40660" } as const;

/** The Volume Shadow Copy service: its service name and the startup change backup makes (same page, step 6). */
export const VSS_SERVICE = { name: "VSS", displayName: "Volume Shadow Copy", startupBefore: "Manual", startupAfter: "Automatic" } as const;

/** The Windows service enabling backup adds (same page, step 6). */
export const IAAS_VM_PROVIDER_SERVICE = "IaaSVmProvider";

/**
 * The Windows VM agent's services (Learn "Azure Virtual Machine Agent overview"): extensions and run
 * commands, the snapshot extension included, only run while both are installed.
 */
export const WINDOWS_VM_AGENT_SERVICES = ["WindowsAzureGuestAgent", "RdAgent"] as const;

/** Startup types a Windows service can have (Win32_Service StartMode spells Automatic `Auto`). */
export const WINDOWS_SERVICE_STARTUP_TYPES = ["Automatic", "Manual", "Disabled"] as const;
