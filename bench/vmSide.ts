import { RunCommand } from "@pulumi/azure/compute";
import type { ProviderName } from "../infra/config/configSchema";
import { syntheticVm } from "./syntheticEstate";

/** A pre-snapshot script of the size users write: what a classic run command carries in the bench. */
const PRE_SCRIPT = ["#!/bin/sh", "set -eu", "sync", "logger -t backup 'pre-snapshot hook'", "exit 0"].join("\n");

/**
 * The one VM-side resource the project cannot declare: on classic, a run command per VM (azurerm's
 * RunCommand cannot fail the deployment, so classicRules rejects `vss` and `scripts`). The classic
 * project and baseline programs of the VM-side variant both call this, so per VM they declare the
 * same item, extension and run command as on native.
 */
export function declareBenchRunCommands(provider: ProviderName, vmCount: number, location: string): void {
  if (provider !== "classic") return;
  for (let i = 0; i < vmCount; i++) {
    const vm = syntheticVm(i);
    new RunCommand(`${`${vm.resourceGroupName}/${vm.name}`.toLowerCase()}-pre-script`, {
      name: "backup-pre-script",
      virtualMachineId: vm.id,
      location,
      source: { script: PRE_SCRIPT },
    });
  }
}
