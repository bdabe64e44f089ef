import * as fs from "node:fs";
import { performance } from "node:perf_hooks";
import { installLegacyAliasFilter } from "../infra/transforms/legacyTypeAliases";
import type { ProviderName } from "../infra/config/configSchema";
import type { BackupModel } from "../infra/model/backupModel";
import { inventoryInvokeHandler } from "../infra/offline/engine/inventory";
import { runProgram } from "../infra/offline/engine/runProgram";
import { defineStack } from "../infra/stack";
import { declareBaseline } from "./baseline";
import { syntheticInventory } from "./syntheticEstate";
import { declareBenchRunCommands } from "./vmSide";

/** One benchmark case, planned in a fresh process so that each measures a cold start like `pulumi preview`. */
export interface BenchCase {
  /** VMs per vault. */
  readonly vms: number;
  /** Vaults in the stack, one region each (default 1): `vms` × `vaults` VMs in all. */
  readonly vaults?: number;
  readonly vmSide: boolean;
  readonly renderer: ProviderName;
  /** project: the real program; baseline: the SDK alone; baseline-light: the SDK alone plus light registration. */
  readonly program: "project" | "baseline" | "baseline-light";
  /** JSON file with the stack configuration (project) and the prepared model (baselines). */
  readonly inputFile: string;
}

export interface BenchMeasurement {
  readonly resources: number;
  readonly aliases: number;
  /** Time spent in the program run (declaring and registering), ms. */
  readonly programMs: number;
  /** User + system CPU of the whole child process, ms. */
  readonly cpuMs: number;
  readonly peakRssMb: number;
  readonly rssBeforeProgramMb: number;
}

async function main(): Promise<void> {
  const c = JSON.parse(process.argv[2]!) as BenchCase;
  const input = JSON.parse(fs.readFileSync(c.inputFile, "utf8")) as { config: Record<string, string>; model?: BackupModel };
  const location = "westeurope";
  const program =
    c.program === "project"
      ? async () => {
          const outputs = await defineStack();
          if (c.vmSide) declareBenchRunCommands(c.renderer, c.vms, location);
          return outputs;
        }
      : () => {
          if (c.program === "baseline-light") installLegacyAliasFilter();
          declareBaseline(input.model!);
          if (c.vmSide) declareBenchRunCommands(c.renderer, c.vms, location);
          return {};
        };
  // The project looks every VM up (facts); the inventory answers as Azure would.
  const invoke = inventoryInvokeHandler({ inventory: syntheticInventory(c.vms, c.vaults ?? 1) });
  const rssBefore = process.memoryUsage().rss;
  const start = performance.now();
  const run = await runProgram({ config: input.config, program, invoke });
  const programMs = performance.now() - start;
  const cpu = process.cpuUsage();
  const result: BenchMeasurement = {
    resources: run.resources.length,
    aliases: run.resources.reduce((n, r) => n + r.aliasCount, 0),
    programMs,
    cpuMs: (cpu.user + cpu.system) / 1000,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    rssBeforeProgramMb: rssBefore / 1024 / 1024,
  };
  process.stdout.write(`BENCH ${JSON.stringify(result)}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
