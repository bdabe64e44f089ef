import type { ConfigIssue } from "../config/configError";
import type { BackupState } from "./backupState";
import type { DataChange } from "./dataSafetyRules";

/**
 * What a deployment does to backups that already exist, as plain data: a stack output (`dataSafety`)
 * that `pulumi up` prints and the offline plan reads for its Data section.
 */
export interface DataSafetyReport {
  /** Where the current state came from (`look-up of vault rsv-backup-dev`). */
  readonly backupState: string;
  readonly changes: readonly DataChange[];
  /** Look-ups that failed without stopping the deployment. */
  readonly notes: readonly string[];
  /** Findings of the look-ups that do not stop it (a selector matching no VM, an unneeded acknowledgement). */
  readonly warnings: readonly ConfigIssue[];
}

export function toDataSafetyReport(state: BackupState, changes: readonly DataChange[], warnings: readonly ConfigIssue[]): DataSafetyReport {
  return {
    backupState: state.known ? state.source : `unknown: ${state.reason}`,
    changes: [...changes],
    notes: state.known ? [...state.notes] : [],
    warnings: [...warnings],
  };
}

/** One report for the stack from each vault's (a one-vault stack's report is that vault's). */
export function mergeDataSafetyReports(reports: readonly DataSafetyReport[], warnings: readonly ConfigIssue[]): DataSafetyReport {
  return {
    backupState: [...new Set(reports.map((r) => r.backupState))].join("; "),
    changes: reports.flatMap((r) => r.changes),
    notes: reports.flatMap((r) => r.notes),
    warnings: [...warnings],
  };
}
