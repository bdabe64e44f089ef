import { describe, expect, it } from "vitest";
import { ConfigError } from "../../infra/config/configError";
import { loadConfig } from "../../infra/validate/loadConfig";
import { devConfig, devConfigWithVault, expressibleDevConfig } from "../support/runConfig";

function issuesOf(raw: Record<string, string>) {
  try {
    loadConfig(raw);
  } catch (err) {
    if (err instanceof ConfigError) return err.issues;
    throw err;
  }
  return [];
}

const classic = { "azure-vm-backup:provider": "classic" };

describe("settings the classic provider cannot express", () => {
  it("rejects AlwaysOn soft delete, naming the setting and the provider", () => {
    const vault = JSON.parse(expressibleDevConfig("classic")["azure-vm-backup:vault"]!) as Record<string, unknown>;
    expect(issuesOf({ ...expressibleDevConfig("classic"), "azure-vm-backup:vault": JSON.stringify({ ...vault, softDelete: "AlwaysOn" }) })).toEqual([
      {
        path: "vault.softDelete",
        message:
          "AlwaysOn cannot be expressed with provider classic (@pulumi/azure), which only has softDeleteEnabled true/false; set softDelete: Enabled or Disabled, or use provider native (got AlwaysOn)",
      },
    ]);
  });

  it("says AlwaysOn is the default when the user never wrote softDelete, rather than quoting a value they did not write", () => {
    const vault = JSON.parse(expressibleDevConfig("classic")["azure-vm-backup:vault"]!) as Record<string, unknown>;
    delete vault.softDelete;
    const issues = issuesOf({ ...expressibleDevConfig("classic"), "azure-vm-backup:vault": JSON.stringify(vault) });
    expect(issues.map((i) => i.path)).toEqual(["vault.softDelete"]);
    expect(issues[0]!.message).toMatch(/^AlwaysOn, the default when softDelete is not set, cannot be expressed/);
    expect(issues[0]!.message).not.toContain("(got AlwaysOn)");
  });

  it("rejects a soft-delete retention other than Azure's default of 14 days", () => {
    const withVault = (v: Record<string, unknown>) => {
      const raw = expressibleDevConfig("classic");
      return { ...raw, "azure-vm-backup:vault": JSON.stringify({ ...(JSON.parse(raw["azure-vm-backup:vault"]!) as object), ...v }) };
    };
    expect(issuesOf(withVault({ softDeleteRetentionDays: 30 }))).toEqual([
      {
        path: "vault.softDeleteRetentionDays",
        message: "cannot be set with provider classic (@pulumi/azure), which always leaves Azure's default of 14 days; remove it or use provider native (got 30)",
      },
    ]);
    // Without soft delete the retention is never used, so nothing is lost.
    expect(issuesOf(withVault({ softDelete: "Disabled", softDeleteRetentionDays: 30 }))).toEqual([]);
  });

  it("rejects DoNotTier, listed with every other problem in one error", () => {
    const raw = devConfigWithVault({ softDeleteRetentionDays: 20 }, classic);
    const policies = JSON.parse(raw["azure-vm-backup:policies"]!) as Record<string, Record<string, unknown>>;
    policies["daily-enhanced-archive"]!.tiering = { mode: "DoNotTier" };
    const issues = issuesOf({ ...raw, "azure-vm-backup:policies": JSON.stringify(policies) });
    expect(issues.map((i) => i.path)).toEqual([
      "policies.daily-enhanced-archive.tiering.mode",
      "vault.softDelete",
      "vault.softDeleteRetentionDays",
      "vms[1].vss",
      "vms[2].scripts",
    ]);
    expect(issues[0]!.message).toBe(
      "DoNotTier cannot be expressed with provider classic (@pulumi/azure), which only has TierAfter and TierRecommended; remove tiering or use provider native (got DoNotTier)",
    );
  });

  it("rejects VSS and script plug-in settings, whose run commands classic cannot make fail the deployment", () => {
    const issues = issuesOf(devConfigWithVault({ softDelete: "Enabled" }, classic));
    expect(issues).toEqual([
      {
        path: "vms[1].vss",
        message:
          "cannot be applied with provider classic (@pulumi/azure): its compute.RunCommand has no treatFailureAsDeploymentFailure or timeoutInSeconds, so a failing set-up script would not stop the deployment; remove it or use provider native",
      },
      { path: "vms[2].scripts", message: issues[0]!.message },
    ]);
  });

  it("rejects windowsReadiness on a VM and in vmDefaults: its run command could not fail the deployment either", () => {
    const raw = expressibleDevConfig("classic");
    const vms = JSON.parse(raw["azure-vm-backup:vms"]!) as Array<Record<string, unknown>>;
    vms[0]!.windowsReadiness = "check";
    const issues = issuesOf({ ...raw, "azure-vm-backup:vms": JSON.stringify(vms), "azure-vm-backup:vmDefaults": JSON.stringify({ windowsReadiness: "prepare" }) });
    expect(issues).toEqual([
      {
        path: "vmDefaults.windowsReadiness",
        message:
          "cannot be applied with provider classic (@pulumi/azure): its compute.RunCommand has no treatFailureAsDeploymentFailure or timeoutInSeconds, so a failing set-up script would not stop the deployment; remove it or use provider native",
      },
      { path: "vms[0].windowsReadiness", message: issues[0]!.message },
    ]);
  });

  it("accepts the same settings on the native provider and an expressible configuration on classic", () => {
    expect(issuesOf(devConfigWithVault({ softDeleteRetentionDays: 30 }))).toEqual([]);
    expect(issuesOf(devConfig())).toEqual([]);
    expect(issuesOf(expressibleDevConfig("classic"))).toEqual([]);
  });
});
