import * as pulumi from "@pulumi/pulumi";
import { declareVmSide } from "../components/vmSide";
import type { PolicySettings, VmSettings, VmDefaults } from "./args";
import { planEstate } from "./planEstate";
import { standInPolicies, standInVault } from "./standIns";

export interface VmBackupExtensionsArgs {
  /** The vault's region (VM child resources go in the VM's region, which must equal it). */
  location: string;
  /** The policies the VMs name (their crashConsistentOnly decides what runs inside the VM). Default: stand-ins for every name used. */
  policies?: { [name: string]: PolicySettings };
  /** VMs, as the configuration's `vms` (VM-side keys: extension, vss, scripts, windowsReadiness). */
  vms: VmSettings[];
  /** Estate defaults for the entries. */
  vmDefaults?: VmDefaults;
}

/** The VM side of backup: the snapshot extension when declared, the VSS backup type, Linux scripts and Windows readiness. */
export class VmBackupExtensions extends pulumi.ComponentResource {
  /** Number of VMs with VM-side settings. */
  readonly vmCount: pulumi.Output<number>;

  constructor(name: string, args: VmBackupExtensionsArgs, opts?: pulumi.ComponentResourceOptions) {
    const used = [...new Set((args.vms ?? []).map((vm) => vm?.policy).filter((p): p is string => typeof p === "string"))];
    const policies = args.policies ?? standInPolicies(used);
    const plan = planEstate({ vault: standInVault(args.location), policies, vms: args.vms, vmDefaults: args.vmDefaults }, ["vms", "vmDefaults", "policies"]);
    super("azure-vm-backup:index:VmBackupExtensions", name, {}, opts);
    const listed = plan.model.protectedVms.filter((item) => !plan.pending.has(item.key));
    for (const item of listed) declareVmSide(this, item, item.location ?? plan.model.vaults[0]!.vault.location);
    this.vmCount = pulumi.output(listed.length);
    this.registerOutputs({ vmCount: this.vmCount });
  }
}
