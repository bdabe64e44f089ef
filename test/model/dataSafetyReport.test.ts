import { describe, expect, it } from "vitest";
import type { BackupState } from "../../infra/model/backupState";
import { mergeDataSafetyReports, toDataSafetyReport } from "../../infra/model/dataSafetyReport";
import type { DataChange } from "../../infra/model/dataSafetyRules";

const known: BackupState = { known: true, source: "look-up of vault rsv-backup-dev", items: new Map(), policies: new Map(), notes: ["vaults of rg-other could not be listed"] };
const cut: DataChange = { kind: "retention", subject: "policy daily", path: "policies.daily", detail: "daily 30 -> 7 days", reductions: ["daily 30 days -> 7 days"] };
const warning = { path: "selectors[0]", message: "matches no VM" };

describe("toDataSafetyReport", () => {
  it("names where a known state came from and keeps its notes", () => {
    expect(toDataSafetyReport(known, [cut], [warning])).toEqual({
      backupState: "look-up of vault rsv-backup-dev",
      changes: [cut],
      notes: ["vaults of rg-other could not be listed"],
      warnings: [warning],
    });
  });

  it("says why the state is unknown, with no notes", () => {
    expect(toDataSafetyReport({ known: false, reason: "no backupItems in the inventory" }, [], [])).toEqual({
      backupState: "unknown: no backupItems in the inventory",
      changes: [],
      notes: [],
      warnings: [],
    });
  });
});

describe("mergeDataSafetyReports", () => {
  it("joins distinct sources, concatenates changes and notes, and takes the stack's warnings", () => {
    const a = toDataSafetyReport(known, [cut], [warning]);
    const b = toDataSafetyReport({ ...known, notes: ["second"] }, [], []);
    const c = toDataSafetyReport({ known: false, reason: "look-up failed" }, [{ ...cut, subject: "policy weekly" }], []);
    expect(mergeDataSafetyReports([a, b, c], [])).toEqual({
      backupState: "look-up of vault rsv-backup-dev; unknown: look-up failed",
      changes: [cut, { ...cut, subject: "policy weekly" }],
      notes: ["vaults of rg-other could not be listed", "second"],
      warnings: [],
    });
  });
});
