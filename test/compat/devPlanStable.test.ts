import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { planStack } from "../../infra/offline/engine/planStack";
import { toPlanDocument, type PlanDocument } from "../../infra/offline/views/planDocument";

/**
 * Users have stacks on 0.1: the dev stack must keep every URN, type, parent and input it planned in
 * 0.1 (`test/fixtures/plans/dev.v0.1.native.json` is `npm run plan -- --json` of release 0.1). A URN
 * that moves needs an alias, and a test of its own that the old URN still resolves.
 */
const saved = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "fixtures", "plans", "dev.v0.1.native.json"), "utf8")) as PlanDocument;

/**
 * The one intended difference since 0.1, a data-safety improvement: vm-app-01 has Linux script
 * parameters, which 0.1 wrote base64-encoded into the run command's script (readable by anyone who
 * can read the VM, and in plain text in the state). They now travel in the run command's
 * `protectedParameters` (never returned by Azure, a Pulumi secret, `[secret]` in the plan), and the
 * script reads them from there. A run command's script is not backup data, the URN is unchanged, and
 * the change is an in-place update that re-runs the script. The same update also hardens the script:
 * the owner/mode check follows symlinks as the existence test does (`stat -L`), and a trap removes the
 * temporary file when a step fails. Every other input must still be equal.
 */
const SCRIPT_PARAMS_RUN_COMMAND = "urn:pulumi:dev::azure-vm-backup::azure-vm-backup:vm:VmBackupExtensions$azure-native:compute:VirtualMachineRunCommandByVirtualMachine::rg-app-prod/vm-app-01-snapshot-scripts";

const byUrn = (doc: PlanDocument) =>
  new Map(doc.steps.map((s) => [s.urn, { type: s.newState?.type, parent: s.newState?.parent, inputs: s.newState?.inputs }]));

describe("the dev stack plans as it did in 0.1", () => {
  it("same URNs, types, parents and inputs", async () => {
    const planned = await planStack({ stack: "dev" });
    const now = byUrn(toPlanDocument(planned.resources, planned.stackConfig.config, planned.stackConfig.secretKeys));
    const before = byUrn(saved);
    expect([...now.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [urn, step] of before) {
      if (urn === SCRIPT_PARAMS_RUN_COMMAND) continue;
      expect(now.get(urn), urn).toEqual(step);
    }
    const { source: oldSource, ...oldRest } = before.get(SCRIPT_PARAMS_RUN_COMMAND)!.inputs as { source: { script: string } };
    const { source, protectedParameters, ...rest } = now.get(SCRIPT_PARAMS_RUN_COMMAND)!.inputs as { source: { script: string }; protectedParameters: unknown };
    expect(rest).toEqual(oldRest);
    // azure-native marks protectedParameters secret as a whole; the plan shows only the placeholder.
    expect(protectedParameters).toBe("[secret]");
    // The script differs only where the settings come from: 0.1's embedded base64 becomes the
    // protected parameter, plus a comment carrying the settings with the parameter values redacted.
    const embedded = /printf '%s' '[A-Za-z0-9+/=]+' \| base64 -d/;
    expect(oldSource.script).toMatch(embedded);
    const normalised = source.script
      .replace(/stat -L -c/g, "stat -c")
      .replace(/^trap 'rm -f "\$tmp"' EXIT\n/m, "")
      .replace(/^# azure-vm-backup: settings with script parameters redacted: .*\n/m, "").replace('printf \'%s\' "${AZURE_VM_BACKUP_PLUGIN_CONFIG:?the protected parameter AZURE_VM_BACKUP_PLUGIN_CONFIG is missing}" | base64 -d', "printf '%s' 'B64' | base64 -d");
    expect(normalised).toBe(oldSource.script.replace(embedded, "printf '%s' 'B64' | base64 -d"));
    expect(source.script).not.toContain("app01");
  });
});
