import type { StackValidationPolicy } from "@pulumi/policy";
import { configSchemaWithDefaults, readConfig } from "../shared/policyConfig";
import { DOCS } from "../shared/resourceTypes";
import { buildBackupGraph } from "./backupGraph";

const defaults = { exemptionTag: "backup-exemption" };

/** Every VM declared in the stack is backed up, unless tagged with the exemption tag and a reason. */
export const missingVmBackup: StackValidationPolicy = {
  name: "compute-virtualmachine-missing-backup",
  description: "Every VM declared in the stack is backed up, unless tagged with the exemption tag and a reason.",
  enforcementLevel: "mandatory",
  severity: "high",
  remediationSteps: "Add the VM to azure-vm-backup:vms (or declare a protected item for it), or tag it with the exemption tag and the reason it needs no backup.",
  url: DOCS.policy,
  configSchema: configSchemaWithDefaults(defaults, {
    exemptionTag: { type: "string", minLength: 1, description: "Tag whose non-empty value (the reason) exempts a VM from backup." },
  }),
  validateStack: (args, report) => {
    const { exemptionTag } = readConfig(args, defaults);
    const graph = buildBackupGraph(args.resources);
    if (graph.vms.length === 0) args.notApplicable("the stack declares no virtual machines");
    for (const vm of graph.vms) {
      if (graph.items.some((i) => i.vm === vm)) continue;
      const reason = vm.tags[exemptionTag];
      if (typeof reason === "string" && reason.trim().length > 0) continue;
      report(
        `VM ${vm.name} is not backed up; protect it (azure-vm-backup:vms or a protected item) or tag it ${exemptionTag}: <reason>${reason !== undefined ? " (the tag is present but its reason is empty)" : ""}.`,
        vm.resource.urn,
      );
    }
  },
};
