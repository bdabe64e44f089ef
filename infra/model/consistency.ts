import type { OsType } from "../config/configSchema";
import type { PowerState } from "./vmFacts";

/** What a VM's recovery points will be: app-consistent, file-system consistent or crash-consistent. */
export interface ConsistencyModel {
  readonly mode: "app" | "file" | "crash";
  readonly detail: string;
}

/**
 * The consistency Azure Backup reaches (azure-backup-service.md: How a VM backup works 3-4): a crash-consistent-only
 * policy or a stopped VM gives crash-consistent points; Windows coordinates with VSS; Linux is
 * file-system consistent unless pre/post scripts are configured.
 */
export function toConsistency(args: {
  readonly os?: OsType;
  readonly crashConsistentOnly: boolean;
  readonly vss?: "Full" | "Copy";
  readonly scripts: boolean;
  readonly powerState?: PowerState;
}): ConsistencyModel {
  if (args.crashConsistentOnly) return { mode: "crash", detail: "policy takes crash-consistent snapshots only" };
  if (args.powerState === "deallocated" || args.powerState === "stopped") {
    return { mode: "crash", detail: `VM is ${args.powerState}: crash-consistent until it runs` };
  }
  switch (args.os) {
    case "Windows":
      return { mode: "app", detail: `VSS ${args.vss === "Copy" ? "copy-only" : "full"} backup` };
    case "Linux":
      return args.scripts ? { mode: "app", detail: "pre/post scripts" } : { mode: "file", detail: "fsfreeze, no scripts" };
    case undefined:
      return { mode: "file", detail: "OS unknown" };
  }
}
