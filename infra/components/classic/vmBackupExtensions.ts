import * as pulumi from "@pulumi/pulumi";
import type { ProtectedVmModel } from "../../model/protectedVm";
import { toVmSideSummary, type VmSideSummary } from "../../model/vmSideSummary";
import { declareClassicVmSide } from "./vmSide";

export interface ClassicVmBackupExtensionsArgs {
  /** Every protected VM of the vault, with its resolved VM-side settings. */
  readonly items: readonly ProtectedVmModel[];
}

/**
 * The VM side of every protected VM of one vault on the classic provider. Same type token, name and
 * outputs as the native component (registered even when no VM declares anything), so plan and review
 * read both alike.
 */
export class ClassicVmBackupExtensions extends pulumi.ComponentResource {
  readonly vms: Record<string, VmSideSummary>;

  constructor(name: string, args: ClassicVmBackupExtensionsArgs, opts?: pulumi.ComponentResourceOptions) {
    super("azure-vm-backup:vm:VmBackupExtensions", name, {}, opts);
    for (const item of args.items) declareClassicVmSide(this, item);
    this.vms = Object.fromEntries(args.items.map((item) => [item.key, toVmSideSummary(item)]));
    this.registerOutputs({ vms: this.vms });
  }
}
