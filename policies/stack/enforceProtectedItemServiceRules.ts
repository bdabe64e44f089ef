import type { StackValidationPolicy } from "@pulumi/policy";
import type { VaultConfig, VmConfig } from "../../infra/config/configSchema";
import { DATA_DISK_LUN } from "../../infra/azure/azureLimits";
import { validateProtection } from "../../infra/model/lifecycle";
import { BACKUP_FABRIC_NAME, protectedItemName, protectionContainerName } from "../../infra/model/names";
import { parseVmId } from "../../infra/model/resourceId";
import { validateDiskSelection } from "../../infra/model/vmRules";
import { whenKnown } from "../shared/known";
import { DOCS } from "../shared/resourceTypes";
import { classicItemSettings } from "../../infra/providers/classic";
import { nativeItemSettings } from "../../infra/providers/native";
import { sameText, str } from "../shared/values";
import { buildBackupGraph, declaredVault, type ItemNode } from "./backupGraph";

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const read = <T>(f: () => T) => whenKnown(f);

/** The item's disk selection in the configuration's vocabulary, read back by its provider adapter, for the model's disk rules. */
function diskSelection(item: ItemNode): { disks?: VmConfig["disks"]; field: string } {
  const p = item.resource.props;
  if (item.family === "native") {
    const ex: Obj | undefined = read(() => p.properties?.extendedProperties?.diskExclusionProperties) ?? undefined;
    const field = "properties.extendedProperties.diskExclusionProperties.diskLunList";
    if (!ex || !Array.isArray(read(() => ex.diskLunList))) return { field };
    return { disks: nativeItemSettings({ extendedProperties: { diskExclusionProperties: ex } }).disks, field };
  }
  const lists = { includeDiskLuns: read(() => p.includeDiskLuns), excludeDiskLuns: read(() => p.excludeDiskLuns) };
  return { disks: classicItemSettings(lists).disks, field: "includeDiskLuns / excludeDiskLuns" };
}

function check(item: ItemNode, vaultImmutability: string | undefined, report: (m: string) => void) {
  const p = item.resource.props;
  const name = item.resource.name;
  if (item.family === "native") {
    const type = read(() => p.properties?.protectedItemType);
    if (type !== undefined && !sameText(type, "Microsoft.Compute/virtualMachines")) {
      report(`Protected item ${name} has properties.protectedItemType ${String(type ?? "unset")}; an Azure VM item is Microsoft.Compute/virtualMachines.`);
    }
    const fabric = read(() => p.fabricName);
    if (typeof fabric === "string" && !sameText(fabric, BACKUP_FABRIC_NAME)) report(`Protected item ${name} has fabricName ${fabric}; Azure VM backup uses ${BACKUP_FABRIC_NAME}.`);
    const ref = item.vmId ? parseVmId(item.vmId) : undefined;
    if (ref) {
      const container = str(read(() => p.containerName));
      const itemName = str(read(() => p.protectedItemName));
      if (container && !sameText(container, protectionContainerName(ref))) {
        report(`Protected item ${name} has containerName ${container}; for VM ${ref.name} it is ${protectionContainerName(ref)}.`);
      }
      if (itemName && !sameText(itemName, protectedItemName(ref))) {
        report(`Protected item ${name} has protectedItemName ${itemName}; for VM ${ref.name} it is ${protectedItemName(ref)}.`);
      }
    }
  }
  const { disks, field } = diskSelection(item);
  if (disks) {
    for (const issue of validateDiskSelection({ disks } as VmConfig, field)) report(`Protected item ${name}: ${issue.path} ${issue.message}.`);
    const luns = [...(disks.include ?? []), ...(disks.exclude ?? [])];
    const outOfRange = luns.filter((l) => typeof l !== "number" || !Number.isInteger(l) || l < DATA_DISK_LUN.min || l > DATA_DISK_LUN.max);
    if (outOfRange.length > 0) report(`Protected item ${name}: ${field} lists ${outOfRange.join(", ")}; data-disk LUNs are ${DATA_DISK_LUN.min}-${DATA_DISK_LUN.max} (the OS disk is always backed up and has no LUN).`);
  }
  const state = item.family === "native" ? read(() => p.properties?.protectionState) : read(() => p.protectionState);
  if (sameText(state, "BackupsSuspended") && vaultImmutability !== undefined) {
    const vault = { immutability: vaultImmutability } as VaultConfig;
    for (const issue of validateProtection([{ index: 0, vm: { protection: "Suspended" } as VmConfig }], vault)) {
      report(`Protected item ${name} has protectionState BackupsSuspended: ${issue.message}.`);
    }
  }
}

/** Protected VM items obey Azure Backup's rules: VM item type, names derived from the VM, valid disk LUNs, suspension only in immutable vaults. */
export const enforceProtectedItemServiceRules: StackValidationPolicy = {
  name: "recoveryservices-protecteditem-enforce-service-rules",
  description: "Protected VM items obey Azure Backup's rules: VM item type, names derived from the VM, valid disk LUNs, suspension only in immutable vaults.",
  enforcementLevel: "mandatory",
  severity: "high",
  remediationSteps: "Fix each listed setting; Azure would otherwise reject the protected item at deployment.",
  url: DOCS.policy,
  validateStack: (args, report) => {
    const graph = buildBackupGraph(args.resources);
    if (graph.items.length === 0) args.notApplicable("the stack declares no protected VMs");
    for (const item of graph.items) {
      const vault = declaredVault(graph, item.vault);
      const immutability = vault?.immutability === undefined ? undefined : sameText(vault.immutability, "Disabled") ? "Disabled" : vault.immutability;
      check(item, immutability, (m) => report(m, item.resource.urn));
    }
  },
};
