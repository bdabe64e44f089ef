import { describe, expect, it } from "vitest";
import { declareBaseline } from "../../bench/baseline";
import { syntheticInventory, syntheticStackConfig } from "../../bench/syntheticEstate";
import { declareBenchRunCommands } from "../../bench/vmSide";
import { loadConfig } from "../../infra/validate/loadConfig";
import { buildBackupModel } from "../../infra/model/backupModel";
import { providerNeutral, toCanonicalEstate } from "../../infra/offline/views/canonical";
import { inventoryInvokeHandler } from "../../infra/offline/engine/inventory";
import { runProgram } from "../../infra/offline/engine/runProgram";
import { defineStack } from "../../infra/stack";

// The benchmark compares like with like only if its baseline asks Azure for exactly what the project does.
describe("benchmark baseline", () => {
  for (const renderer of ["native", "classic"] as const) {
    it(`declares the same estate as the project on ${renderer}, VM side included`, async () => {
      const vms = 12;
      const config = syntheticStackConfig(vms, renderer, true);
      const invoke = () => inventoryInvokeHandler({ inventory: syntheticInventory(vms) });
      const project = await runProgram({
        config,
        invoke: invoke(),
        program: async () => {
          const outputs = await defineStack();
          declareBenchRunCommands(renderer, vms, "westeurope");
          return outputs;
        },
      });
      const model = buildBackupModel(loadConfig(config).config);
      const baseline = await runProgram({
        config,
        invoke: invoke(),
        program: () => {
          declareBaseline(model);
          declareBenchRunCommands(renderer, vms, "westeurope");
          return {};
        },
      });
      const estate = toCanonicalEstate(project.resources);
      expect(estate.provider).toBe(renderer);
      expect(estate.items).toHaveLength(vms);
      expect(estate.extensions).toHaveLength(vms);
      expect(estate.runCommands).toHaveLength(vms);
      expect(providerNeutral(toCanonicalEstate(baseline.resources))).toEqual(providerNeutral(estate));
      // Stricter: the same custom resources one for one, logical names and options included.
      const custom = (rs: typeof project.resources) =>
        rs.filter((r) => r.custom).map((r) => ({ type: r.type, name: r.name, inputs: r.inputs, protect: r.protect, retainOnDelete: r.retainOnDelete, version: r.version }))
          .sort((a, b) => `${a.type} ${a.name}`.localeCompare(`${b.type} ${b.name}`));
      expect(custom(baseline.resources)).toEqual(custom(project.resources));
      expect(baseline.resources.filter((r) => !r.custom)).toHaveLength(1);
    });
  }
});
