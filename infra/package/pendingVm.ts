import * as pulumi from "@pulumi/pulumi";
import { ConfigError, joinPath, type ConfigIssue } from "../config/configError";
import type { BackupConfig } from "../config/backupConfig";
import { vmSchema } from "../config/configSchema";
import { zodIssues } from "../config/zodIssues";
import { protectedItemName, protectionContainerName, vmLogicalName } from "../model/names";
import { parseVmId } from "../model/resourceId";
import type { VmEntry } from "../model/selectors";
import { validateVmFacts } from "../model/vmFactRules";
import type { ItemIds } from "../components/protectedItem";
import type { RoutedPendingVm } from "./planEstate";
import { statedLuns } from "./planEstate";
import { statedLookup } from "./statedFacts";

/** The rules that need a pending VM's ID, region and disks, on their known values (the stack's messages). */
export function pendingVmFactIssues(p: RoutedPendingVm, config: BackupConfig, id: string, location: string | undefined, luns: readonly number[] | undefined): ConfigIssue[] {
  const path = joinPath("vms", p.index);
  const parsedId = vmSchema.shape.id.safeParse(id);
  if (!parsedId.success) return zodIssues(parsedId.error, joinPath(path, "id"));
  const ref = parseVmId(id)!;
  const issues: ConfigIssue[] = [];
  const other = config.vms.findIndex((vm, index) => index !== p.index && parseVmId(vm.id) && vmLogicalName(parseVmId(vm.id)!) === vmLogicalName(ref));
  if (other >= 0) issues.push({ path: joinPath(path, "id"), message: `protects the same VM as vms[${other}].id (a VM can be protected once per vault)` });
  const vm = config.vms[p.index]!;
  const entry: VmEntry = { path, source: "vms", vm: { ...vm, id, extension: vm.extension ?? config.vmDefaults.extension } };
  const lookup = statedLookup(id, vm.os, location, statedLuns(vm, luns));
  if (lookup.found) {
    const ctx = { vaultLocation: p.vaultLocation, subscriptionId: config.subscriptionId, policies: config.policies, defaultWindowsReadiness: config.vmDefaults.windowsReadiness };
    issues.push(...validateVmFacts([entry], new Map([[vmLogicalName(ref), lookup]]), ctx).issues);
  }
  return issues;
}

/**
 * The pending VM's ID once its rules pass on the known values; otherwise the deployment fails with
 * the stack's message. The protected item takes its ID and names from this output, so the item is
 * never created for a VM that breaks a rule. Unknown values (a preview of a VM not yet created) are
 * checked when `pulumi up` knows them.
 */
export function checkedItemIds(p: RoutedPendingVm, config: BackupConfig, parent: pulumi.Resource): ItemIds {
  const checked = pulumi.all([p.args.id, p.args.location, p.args.dataDiskLuns]).apply(([id, location, luns]) => {
    const issues = pendingVmFactIssues(p, config, id, location, luns);
    if (issues.length > 0) throw new pulumi.ResourceError(new ConfigError(issues).message, parent, true);
    return id;
  });
  return {
    sourceResourceId: checked,
    containerName: checked.apply((id) => protectionContainerName(parseVmId(id)!)),
    protectedItemName: checked.apply((id) => protectedItemName(parseVmId(id)!)),
  };
}
