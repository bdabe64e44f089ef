// A team's own Pulumi program: it declares a VM and protects it in the same program.
// README.md quotes the estate below verbatim; test/package/typescriptConsumer.test.ts type-checks and runs this file.
import * as pulumi from "@pulumi/pulumi";
import { VirtualMachine } from "@pulumi/azure-native/compute";
import { BackupEstate, OsType } from "azure-vm-backup";

const location = new pulumi.Config("azure-native").require("location");

const app = new VirtualMachine("app-02", { vmName: "app-02", resourceGroupName: "rg-app", location });
const estate = new BackupEstate("backup", {
  vault: { name: "rsv-backup-ts", resourceGroupName: "rg-backup-ts", storageRedundancy: "LocallyRedundant" },
  policies: { "daily-standard": { schedule: { frequency: "Daily", time: "22:00" }, retention: { daily: 30 } } },
  vms: [{ id: app.id, name: "app-02", policy: "daily-standard", os: OsType.Windows, location: app.location }],
});

export const vaultId = estate.vaultId;
export const policyIds = estate.policyIds;
