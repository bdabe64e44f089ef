import { describe, expect, it } from "vitest";
import type { RawStackConfig } from "../../infra/config/backupConfig";
import type { DataSafetyReport } from "../../infra/model/dataSafetyReport";
import { ProgramError, runProgram, type ProgramRun } from "../../infra/offline/engine/runProgram";
import { deployedState, devInventoryWith } from "../support/deployedState";
import { devConfig } from "../support/runConfig";

const KEY = { vms: "azure-vm-backup:vms", policies: "azure-vm-backup:policies" };

/** The dev stack with one edit applied to a key's decoded value. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- edits reach into nested, untyped configuration values
function edited(key: string, edit: (value: any) => void): RawStackConfig {
  const base = devConfig();
  const value = JSON.parse(base[key]!);
  edit(value);
  return { ...base, [key]: JSON.stringify(value) };
}

/** Plans `config` against what Azure holds after the unchanged dev stack was deployed. */
async function planAgainstDeployedDev(config: RawStackConfig): Promise<ProgramRun> {
  return runProgram({ config, invoke: devInventoryWith(deployedState(devConfig())) });
}

const failure = (config: RawStackConfig) => planAgainstDeployedDev(config).then(() => "planned", (e: unknown) => (e instanceof ProgramError ? e.message : String(e)));
const report = (run: ProgramRun) => run.outputs.dataSafety as DataSafetyReport;

describe("retention never shrinks silently (issue 10, case 1)", () => {
  it("the unchanged dev stack plans against its own deployed state, with no change to existing backups", async () => {
    const run = await planAgainstDeployedDev(devConfig());
    expect(report(run)).toEqual({ backupState: "look-up of vault rsv-backup-dev", changes: [], notes: [], warnings: [] });
  });

  it("moving vm-web-01 from daily-standard to weekly-standard is an error naming the VM, each cut tier, old and new values", async () => {
    const message = await failure(edited(KEY.vms, (vms) => (vms[0].policy = "weekly-standard")));
    expect(message).toContain(
      "vms[0].policy: moving VM vm-web-01 from policy daily-standard to weekly-standard cuts the retention of its existing recovery points (daily 30 days -> none, yearly 5 years -> 3 years)",
    );
    expect(message).toContain('allowRetentionReduction: "<reason>" on this entry');
  });

  it("the same move with allowRetentionReduction plans, and the report lists it as reduced by choice", async () => {
    const run = await planAgainstDeployedDev(edited(KEY.vms, (vms) => Object.assign(vms[0], { policy: "weekly-standard", allowRetentionReduction: "CHG-1234: web tier needs no daily points" })));
    expect(report(run).changes).toEqual([
      {
        kind: "policy-move",
        subject: "vm rg-app-prod/vm-web-01",
        path: "vms[0]",
        detail: "daily-standard -> weekly-standard",
        reductions: ["daily 30 days -> none", "yearly 5 years -> 3 years"],
        acknowledged: "CHG-1234: web tier needs no daily points",
      },
    ]);
    const item = run.resources.find((r) => r.name === "rg-app-prod/vm-web-01-item")!;
    expect((item.inputs.properties as { policyId: string }).policyId).toMatch(/\/backupPolicies\/weekly-standard$/);
  });

  it("shortening a policy's retention is an error naming the policy, tier, old and new values; every tier counts (instant restore too)", async () => {
    const message = await failure(edited(KEY.policies, (p) => {
      p["daily-standard"].retention.daily = 14;
      p["daily-standard"].retention.monthly.count = 6;
      p["daily-standard"].instantRestoreDays = 1;
    }));
    expect(message).toContain(
      "policies.daily-standard.retention: would cut the retention of policy daily-standard (daily 30 days -> 14 days, monthly 12 months -> 6 months, instant restore 2 days -> 1 days)",
    );
  });

  it("removing a tier is a cut to none", async () => {
    const message = await failure(edited(KEY.policies, (p) => delete p["daily-standard"].retention.yearly));
    expect(message).toContain("policies.daily-standard.retention: would cut the retention of policy daily-standard (yearly 5 years -> none)");
  });

  it("a renamed policy key whose new policy keeps less is caught on every VM that moves to it", async () => {
    const config = (() => {
      const base = edited(KEY.policies, (p) => {
        p["daily-short"] = { ...p["daily-standard"], retention: { daily: 7 } };
        delete p["daily-standard"];
      });
      const vms = JSON.parse(base[KEY.vms]!) as Array<{ policy: string }>;
      const selectors = JSON.parse(base["azure-vm-backup:selectors"]!) as Array<{ policy: string }>;
      for (const x of [...vms, ...selectors]) if (x.policy === "daily-standard") x.policy = "daily-short";
      return { ...base, [KEY.vms]: JSON.stringify(vms), "azure-vm-backup:selectors": JSON.stringify(selectors) };
    })();
    const text = await failure(config);
    expect(text).toContain("vms[0].policy: moving VM vm-web-01 from policy daily-standard to daily-short cuts the retention of its existing recovery points (daily 30 days -> 7 days, weekly 12 weeks -> none, monthly 12 months -> none, yearly 5 years -> none)");
    expect(text).toContain("vms[4].policy: moving VM vm-files-01 from policy daily-standard to daily-short");
  });

  it("a policy cut acknowledged on the policy plans and is listed with its reason; growing retention is listed without one", async () => {
    const run = await planAgainstDeployedDev(edited(KEY.policies, (p) => {
      p["daily-standard"].retention.daily = 14;
      p["daily-standard"].allowRetentionReduction = "daily points beyond 14 days are in the archive";
      p["weekly-standard"].retention.weekly.count = 52;
    }));
    expect(report(run).changes).toEqual([
      { kind: "retention", subject: "policy daily-standard", path: "policies.daily-standard", detail: "daily 30 days -> 14 days", reductions: ["daily 30 days -> 14 days"], acknowledged: "daily points beyond 14 days are in the archive" },
      { kind: "retention", subject: "policy weekly-standard", path: "policies.weekly-standard", detail: "weekly 26 weeks -> 52 weeks", reductions: [] },
    ]);
  });

  it("an acknowledgement with nothing to acknowledge is a warning, so it cannot silently cover a later cut", async () => {
    const run = await planAgainstDeployedDev(edited(KEY.policies, (p) => (p["daily-standard"].allowRetentionReduction = "old reason")));
    expect(report(run).warnings).toEqual([
      { path: "policies.daily-standard.allowRetentionReduction", message: "is set but nothing is cut: remove it, so that a later cut is not acknowledged by accident" },
    ]);
  });
});
