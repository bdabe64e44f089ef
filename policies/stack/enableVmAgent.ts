import type { StackValidationPolicy } from "@pulumi/policy";
import { DOCS } from "../shared/resourceTypes";
import { buildBackupGraph } from "./backupGraph";

/** A protected VM keeps the VM agent provisioned (Azure Backup works through it). */
export const enableVmAgent: StackValidationPolicy = {
  name: "compute-virtualmachine-enable-vm-agent",
  description: "A protected VM keeps the VM agent provisioned (Azure Backup works through it).",
  enforcementLevel: "mandatory",
  severity: "high",
  remediationSteps: "Leave the VM agent provisioning setting unset or true on protected VMs.",
  url: DOCS.vmAgent,
  validateStack: (args, report) => {
    const graph = buildBackupGraph(args.resources);
    const protectedVms = [...new Set(graph.items.map((i) => i.vm).filter((v) => v !== undefined))];
    if (protectedVms.length === 0) args.notApplicable("no protected VM is declared in the stack");
    for (const vm of protectedVms) {
      if (vm.provisionVmAgent === false) {
        report(`VM ${vm.name} is protected but sets ${vm.fields.provisionVmAgent} to false; Azure Backup needs the VM agent: remove the setting or set it to true.`, vm.resource.urn);
      }
    }
  },
};
