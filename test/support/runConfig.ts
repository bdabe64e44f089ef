import type { RawStackConfig } from "../../infra/config/backupConfig";
import { parseVmId } from "../../infra/model/resourceId";
import type { InvokeHandler } from "../../infra/offline/engine/mockEngine";
import { defaultInventoryPath, inventoryInvokeHandler, readInventoryFile, type Inventory } from "../../infra/offline/engine/inventory";
import type { RecordedResource } from "../../infra/offline/engine/recordedResource";
import { runProgram, type ProgramRun } from "../../infra/offline/engine/runProgram";
import { readStackConfigFile, stackConfigPath } from "../../infra/offline/engine/stackConfig";
import { toRaw, type ConfigFixture } from "../fixtures/stackConfig";

// The one way tests run the stack program offline: a raw stack configuration (runConfig) or a
// configuration fixture whose VMs an inventory answers (runFixture).

/** The bundled dev stack's configuration with some keys replaced (values as the CLI passes them). */
export function devConfig(overrides: Record<string, string> = {}): RawStackConfig {
  return { ...readStackConfigFile(stackConfigPath("dev")).config, ...overrides };
}

/** The dev stack with some vault settings changed, e.g. `{ softDelete: "Enabled" }`. */
export function devConfigWithVault(vault: Record<string, unknown>, overrides: Record<string, string> = {}): RawStackConfig {
  const base = devConfig();
  const current = JSON.parse(base["azure-vm-backup:vault"]!) as Record<string, unknown>;
  return { ...base, "azure-vm-backup:vault": JSON.stringify({ ...current, ...vault }), ...overrides };
}

/**
 * The dev stack without what only the native provider can express (AlwaysOn soft delete, VSS and
 * script plug-in run commands), on the given provider: the estate both renderers must agree on.
 */
export function expressibleDevConfig(provider: "native" | "classic"): RawStackConfig {
  const base = devConfigWithVault({ softDelete: "Enabled" }, { "azure-vm-backup:provider": provider });
  const vms = (JSON.parse(base["azure-vm-backup:vms"]!) as Array<Record<string, unknown>>).map(({ vss: _vss, scripts: _scripts, ...vm }) => vm);
  return { ...base, "azure-vm-backup:vms": JSON.stringify(vms) };
}

/** The dev stack's offline answers to VM look-ups (inventory/dev.yaml). */
export function devInventory(): InvokeHandler {
  return inventoryInvokeHandler(readInventoryFile(defaultInventoryPath("dev")));
}

export function runConfig(config: RawStackConfig, program?: () => unknown, invoke: InvokeHandler = devInventory()): Promise<ProgramRun> {
  return runProgram({ config, program, invoke });
}

/**
 * The offline answers in which every VM of a fixture exists as an ordinary VM: running, security
 * type Standard, in the stack's region, Windows unless its entry states Linux, with the data-disk
 * LUNs its disk selection names. Tests of VM facts build their own inventories.
 */
export function inventoryFor(fixture: ConfigFixture, extra: Record<string, string> = { "azure-native:location": "westeurope" }): Inventory {
  const vms = Array.isArray(fixture.vms) ? (fixture.vms as Array<Record<string, unknown>>) : [];
  const vault = (fixture.vault ?? {}) as { location?: string };
  const location = vault.location ?? extra["azure-native:location"] ?? extra["azure:location"] ?? "westeurope";
  const luns = (disks: unknown) => {
    const d = (disks ?? {}) as { include?: unknown; exclude?: unknown };
    const all = [d.include, d.exclude].flatMap((l) => (Array.isArray(l) ? l : []));
    return [...new Set(all.filter((n): n is number => Number.isInteger(n) && n >= 0 && n <= 63))].sort((a, b) => a - b);
  };
  return {
    virtualMachines: vms
      .filter((vm) => typeof vm?.id === "string" && parseVmId(vm.id) !== undefined)
      .map((vm) => ({
        id: vm.id as string,
        location,
        os: String(vm.os).toLowerCase() === "linux" ? "Linux" : "Windows",
        securityType: "Standard",
        powerState: "running",
        osDisk: { sku: "Premium_LRS" },
        dataDisks: luns(vm.disks).map((lun) => ({ lun, sku: "Premium_LRS", shared: false })),
        tags: {},
      })),
  };
}

/** Runs the real stack program offline on a config fixture, its VMs answered by inventoryFor. */
export function runFixture(fixture: ConfigFixture, extra?: Record<string, string>): Promise<ProgramRun> {
  return runConfig(toRaw(fixture, extra), undefined, inventoryInvokeHandler({ inventory: inventoryFor(fixture, extra) }));
}

export function ofType(run: ProgramRun, type: string): RecordedResource[] {
  return run.resources.filter((r) => r.type === type);
}

export function onlyOfType(run: ProgramRun, type: string): RecordedResource {
  const found = ofType(run, type);
  if (found.length !== 1) throw new Error(`expected one ${type}, found ${found.length}`);
  return found[0]!;
}

