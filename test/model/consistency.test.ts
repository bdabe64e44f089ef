import { describe, expect, it } from "vitest";
import { toConsistency } from "../../infra/model/consistency";

describe("toConsistency", () => {
  it.each([
    [{ os: "Windows", crashConsistentOnly: false, scripts: false, powerState: "running" }, { mode: "app", detail: "VSS full backup" }],
    [{ os: "Windows", crashConsistentOnly: false, vss: "Copy", scripts: false }, { mode: "app", detail: "VSS copy-only backup" }],
    [{ os: "Linux", crashConsistentOnly: false, scripts: true }, { mode: "app", detail: "pre/post scripts" }],
    [{ os: "Linux", crashConsistentOnly: false, scripts: false }, { mode: "file", detail: "fsfreeze, no scripts" }],
    [{ os: "Linux", crashConsistentOnly: true, scripts: true }, { mode: "crash", detail: "policy takes crash-consistent snapshots only" }],
    [{ os: "Windows", crashConsistentOnly: false, scripts: false, powerState: "deallocated" }, { mode: "crash", detail: "VM is deallocated: crash-consistent until it runs" }],
  ] as const)("%j gives %j", (args, expected) => {
    expect(toConsistency(args)).toEqual(expected);
  });
});
