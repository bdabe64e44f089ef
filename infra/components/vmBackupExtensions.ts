import * as pulumi from "@pulumi/pulumi";
import type { ProtectedVmModel } from "../model/protectedVm";
import { toVmSideSummary, type VmSideSummary } from "../model/vmSideSummary";
import { declareVmSide } from "./vmSide";

export interface VmBackupExtensionsArgs {
  /** Every protected VM of the vault, with its resolved VM-side settings (extension, VSS, script plug-in). */
  readonly items: readonly ProtectedVmModel[];
  /** Region for VM child resources when a VM's own region is not known (it must equal the vault's anyway). */
  readonly fallbackLocation: string;
}

/**
 * The VM side of every protected VM of one vault, under one component named after the vault (one per
 * VM cost more than the resources themselves at scale; see ProtectedVms). Registered even when no VM
 * declares anything, because its outputs state which extension and consistency each VM gets:
 * `{ vms: { "<rg>/<vm>": VmSideSummary } }`.
 */
export class VmBackupExtensions extends pulumi.ComponentResource {
  readonly vms: Record<string, VmSideSummary>;

  constructor(name: string, args: VmBackupExtensionsArgs, opts?: pulumi.ComponentResourceOptions) {
    super("azure-vm-backup:vm:VmBackupExtensions", name, {}, opts);
    for (const item of args.items) declareVmSide(this, item, item.location ?? args.fallbackLocation);
    this.vms = Object.fromEntries(args.items.map((item) => [item.key, toVmSideSummary(item)]));
    this.registerOutputs({ vms: this.vms });
  }
}
