import { describe, expect, it } from "vitest";
import { ConfigError, formatIssue, joinPath } from "../../infra/config/configError";

describe("ConfigError", () => {
  it("lists every problem once, sorted by path, under a heading with the count", () => {
    const error = new ConfigError([
      { path: "vms[0].policy", message: "must be one of the configured policies" },
      { path: "vault.name", message: "is required" },
      { path: "vms[0].policy", message: "must be one of the configured policies" },
    ]);
    expect(error.name).toBe("ConfigError");
    expect(error.issues).toEqual([
      { path: "vault.name", message: "is required" },
      { path: "vms[0].policy", message: "must be one of the configured policies" },
    ]);
    expect(error.message).toBe("Invalid azure-vm-backup configuration (2 problems):\n  - vault.name: is required\n  - vms[0].policy: must be one of the configured policies");
  });

  it("says problem in the singular, takes another heading, and prints a path-less issue as its message", () => {
    expect(new ConfigError([{ path: "", message: "no config: root" }], "Invalid inventory").message).toBe("Invalid inventory (1 problem):\n  - no config: root");
  });

  it("clips overlong values in paths and messages", () => {
    const long = "k".repeat(500);
    const error = new ConfigError([{ path: long, message: `got ${long}` }]);
    expect(error.issues[0]).toEqual({ path: `${"k".repeat(100)}... (500 characters)`, message: `got ${"k".repeat(100)}... (500 characters)` });
  });
});

describe("formatIssue and joinPath", () => {
  it("formats an issue with and without a path", () => {
    expect(formatIssue({ path: "vault", message: "is required" })).toBe("vault: is required");
    expect(formatIssue({ path: "", message: "is required" })).toBe("is required");
  });

  it("joins keys with dots and indexes in brackets, skipping empty keys", () => {
    expect(joinPath("vms", 2, "disks", "include", 0)).toBe("vms[2].disks.include[0]");
    expect(joinPath("", "vault", "", "name")).toBe("vault.name");
    expect(joinPath()).toBe("");
  });
});
