import type { StackValidationPolicy } from "@pulumi/policy";
import { SNAPSHOT_EXTENSION, SNAPSHOT_EXTENSION_PUBLISHER as PUBLISHER } from "../../infra/azure/azureLimits";
import { DOCS } from "../shared/resourceTypes";
import { sameText } from "../shared/values";
import { buildBackupGraph } from "./backupGraph";

const TYPE_FOR_OS = { Windows: SNAPSHOT_EXTENSION.Windows.type, Linux: SNAPSHOT_EXTENSION.Linux.type } as const;

/** A declared backup snapshot extension is Microsoft.Azure.RecoveryServices VMSnapshot on Windows, VMSnapshotLinux on Linux. */
export const enforceSnapshotExtensionOs: StackValidationPolicy = {
  name: "compute-vmextension-enforce-snapshot-os-type",
  description: "A declared backup snapshot extension is Microsoft.Azure.RecoveryServices VMSnapshot on Windows, VMSnapshotLinux on Linux.",
  enforcementLevel: "mandatory",
  severity: "medium",
  remediationSteps: "Use publisher Microsoft.Azure.RecoveryServices with type VMSnapshot (Windows) or VMSnapshotLinux (Linux), or let Azure Backup install the extension.",
  url: DOCS.snapshotExtension,
  validateStack: (args, report) => {
    const graph = buildBackupGraph(args.resources);
    const snapshots = graph.extensions.filter((e) => /^VMSnapshot/i.test(e.type ?? e.extensionName ?? "") || sameText(e.publisher, PUBLISHER));
    if (snapshots.length === 0) args.notApplicable("the stack declares no backup snapshot extension");
    for (const ext of snapshots) {
      if (!sameText(ext.publisher, PUBLISHER)) {
        report(`Snapshot extension ${ext.type ?? ext.extensionName} has publisher ${ext.publisher ?? "unset"}; the backup extension's publisher is ${PUBLISHER}.`, ext.resource.urn);
      }
      // The VM's OS is only known when the VM is declared in the same stack.
      // An extension whose outputs carry only the ARM type (Microsoft.Compute/virtualMachines/extensions)
      // has no readable extension type: its publisher is checked, its OS match skipped.
      const os = ext.vm?.os;
      if (!os || ext.type === undefined) continue;
      if (!sameText(ext.type, TYPE_FOR_OS[os])) {
        report(`Snapshot extension on ${os} VM ${ext.vm!.name} has type ${ext.type}; use ${TYPE_FOR_OS[os]}.`, ext.resource.urn);
      }
    }
  },
};
