import type { StackValidationPolicy } from "@pulumi/policy";
import { DOCS } from "../shared/resourceTypes";
import { sameText } from "../shared/values";
import { buildBackupGraph } from "./backupGraph";

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** No ReadOnly or CanNotDelete lock sits on an instant-restore resource group (AzureBackupRG_* or a policy's prefix/suffix) (advisory). */
export const disallowInstantRestoreLock: StackValidationPolicy = {
  name: "recoveryservices-backuppolicy-disallow-instant-restore-lock",
  description: "No ReadOnly or CanNotDelete lock sits on an instant-restore resource group (AzureBackupRG_* or a policy's prefix/suffix) (advisory).",
  enforcementLevel: "advisory",
  severity: "medium",
  remediationSteps: "Remove the lock: Azure Backup must create and delete restore-point collections in that group, and a lock makes backups fail.",
  url: DOCS.instantRestore,
  validateStack: (args, report) => {
    const graph = buildBackupGraph(args.resources);
    const groupLocks = graph.locks.filter((l) => l.resourceGroup && (sameText(l.level, "ReadOnly") || sameText(l.level, "CanNotDelete")));
    if (groupLocks.length === 0) args.notApplicable("the stack declares no resource-group lock");
    // Azure names the group <prefix><n><suffix>; the default prefix is AzureBackupRG_ with the region and a number.
    const patterns = [
      { re: /^AzureBackupRG_/i, from: "the default AzureBackupRG_ name" },
      ...graph.policies.filter((p) => p.instantRestoreGroup).map((p) => ({
        re: new RegExp(`^${escape(p.instantRestoreGroup!.prefix)}\\d+${escape(p.instantRestoreGroup!.suffix ?? "")}$`, "i"),
        from: `policy ${p.name}'s instant-restore group`,
      })),
    ];
    for (const lock of groupLocks) {
      const hit = patterns.find((p) => p.re.test(lock.resourceGroup!));
      if (hit) report(`Lock ${lock.resource.name} (${lock.level}) is on resource group ${lock.resourceGroup}, ${hit.from} where Azure Backup keeps instant-restore snapshots; remove it or backups fail.`, lock.resource.urn);
    }
  },
};
