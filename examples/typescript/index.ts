// A team's own Pulumi program: it declares a VM and protects it, and an existing VM, in the same program.
import * as pulumi from "@pulumi/pulumi";
import { VirtualMachine } from "@pulumi/azure-native/compute";
import { BackupEstate, OsType } from "azure-vm-backup";

const config = new pulumi.Config("azure-native");
const location = config.require("location");

const app = new VirtualMachine("app-02", { vmName: "app-02", resourceGroupName: "rg-app", location });

const estate = new BackupEstate("backup", {
  vault: { name: "rsv-backup-ts", resourceGroupName: "rg-backup-ts", storageRedundancy: "LocallyRedundant" },
  policies: {
    "daily-standard": {
      schedule: { frequency: "Daily", time: "22:00" },
      retention: { daily: 30, monthly: { count: 12, daysOfMonth: ["1", "Last"] } },
    },
  },
  vms: [
    // An existing VM, by its resource ID.
    { id: "/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg-app/providers/Microsoft.Compute/virtualMachines/app-01", policy: "daily-standard", os: OsType.Linux, location },
    // The VM declared above: its ID and region are outputs, checked once known.
    { id: app.id, name: "app-02", policy: "daily-standard", os: OsType.Windows, location: app.location },
  ],
});

export const vaultId = estate.vaultId;
export const policyIds = estate.policyIds;
