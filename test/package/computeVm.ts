import * as pulumi from "@pulumi/pulumi";
import { VirtualMachine } from "@pulumi/azure-native/compute";

/** A consumer's VM (the real azure-native resource; the offline engine gives it its ARM ID). */
export class ComputeVm {
  readonly id: pulumi.Output<string>;
  readonly location: pulumi.Output<string>;
  constructor(name: string, args: { resourceGroupName: string; location: string }) {
    const vm = new VirtualMachine(name, { vmName: name, resourceGroupName: args.resourceGroupName, location: args.location });
    // The offline engine's IDs are not ARM IDs; Azure's would be this (the dependency on the VM is kept).
    this.id = vm.id.apply(() => `/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/${args.resourceGroupName}/providers/Microsoft.Compute/virtualMachines/${name}`);
    this.location = vm.location.apply((l) => l ?? args.location);
  }
}
