import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { CANONICAL_TOKENS, isKind, kindOf, type Kind } from "../../policies/shared/resourceKinds";

const NATIVE_SDK = path.dirname(require.resolve("@pulumi/azure-native/package.json"));

/** The alias types the installed azure-native SDK declares for a resource (every API version and old module it was known under). */
function sdkAliases(token: string): string[] | undefined {
  const [, module, resource] = /^azure-native:([^:]+):(.+)$/.exec(token)!;
  const file = path.join(NATIVE_SDK, module!, `${resource![0]!.toLowerCase()}${resource!.slice(1)}.js`);
  // Some canonical tokens (insights:DiagnosticSetting) exist only as another module's alias.
  if (!fs.existsSync(file)) return undefined;
  return [...fs.readFileSync(file, "utf8").matchAll(/type: "(azure-native:[^"]+)"/g)].map((m) => m[1]!);
}

describe("resource kinds are matched by family", () => {
  it.each(Object.entries(CANONICAL_TOKENS).flatMap(([kind, t]) => t.native.map((token) => [token, kind as Kind] as const)))(
    "%s: the token and every alias in the installed SDK are the same kind",
    (token, kind) => {
      const aliases = sdkAliases(token) ?? Object.values(CANONICAL_TOKENS[kind].native).flatMap((t) => sdkAliases(t) ?? []);
      expect(aliases.length).toBeGreaterThan(0);
      if (!sdkAliases(token)) expect(aliases, `${token} is an alias of another module`).toContain(token);
      for (const t of [token, ...aliases]) expect(kindOf(t), t).toEqual({ kind, family: "native" });
    },
  );

  it("matches classic tokens, versioned modules of any date and ARM types without case; nothing else", () => {
    for (const [kind, t] of Object.entries(CANONICAL_TOKENS)) for (const token of t.classic) expect(isKind(token, kind as Kind, "classic"), token).toBe(true);
    expect(kindOf("azure-native:recoveryservices/v20991231preview:Vault")?.kind).toBe("vault");
    expect(kindOf("Microsoft.Compute/virtualMachines/extensions")).toEqual({ kind: "extension", family: "native" });
    expect(kindOf("microsoft.recoveryservices/VAULTS")?.kind).toBe("vault");
    expect(kindOf("azure:compute/linuxVirtualMachine:LinuxVirtualMachine")).toEqual({ kind: "vm", family: "classic", os: "Linux" });
    for (const other of ["azure-native:recoveryservices:ReplicationProtectedItem", "azure-native:dataprotection:BackupVault", "azure:core/resourceGroup:ResourceGroup", "pulumi:providers:azure-native", "azure-vm-backup:vault:BackupVault"]) {
      expect(kindOf(other), other).toBeUndefined();
    }
  });
});
