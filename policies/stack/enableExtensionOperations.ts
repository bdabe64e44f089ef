import type { StackValidationPolicy } from "@pulumi/policy";
import { DOCS } from "../shared/resourceTypes";
import { buildBackupGraph } from "./backupGraph";

/** A protected VM does not turn extension operations off (Azure Backup installs its snapshot extension). */
export const enableExtensionOperations: StackValidationPolicy = {
  name: "compute-virtualmachine-enable-extension-operations",
  description: "A protected VM does not turn extension operations off (Azure Backup installs its snapshot extension).",
  enforcementLevel: "mandatory",
  severity: "high",
  remediationSteps: "Leave allowExtensionOperations unset or true on protected VMs (Checkov CKV_AZURE_50 asks the opposite: suppress it for them).",
  url: DOCS.snapshotExtension,
  validateStack: (args, report) => {
    const graph = buildBackupGraph(args.resources);
    const protectedVms = [...new Set(graph.items.map((i) => i.vm).filter((v) => v !== undefined))];
    if (protectedVms.length === 0) args.notApplicable("no protected VM is declared in the stack");
    for (const vm of protectedVms) {
      if (vm.allowExtensionOperations === false) {
        report(`VM ${vm.name} is protected but sets ${vm.fields.allowExtensionOperations} to false; backups fail without the snapshot extension: remove the setting or set it to true.`, vm.resource.urn);
      }
    }
  },
};
