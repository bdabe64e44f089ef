import * as pulumi from "@pulumi/pulumi";
import { itemTarget, type ProtectedVmsArgs } from "../protectedVms";
import { declareClassicProtectedItem } from "./protectedItem";

/**
 * Every protected item of one vault on the classic provider. Same type token, name and outputs as the
 * native component, so plan and review read both alike.
 */
export class ClassicProtectedVms extends pulumi.ComponentResource {
  /** Protected item ID by VM key (`<resource group>/<vm>`, lower case). */
  readonly protectedItemIds: Record<string, pulumi.Output<string>>;

  constructor(name: string, args: ProtectedVmsArgs, opts?: pulumi.ComponentResourceOptions) {
    super("azure-vm-backup:protection:ProtectedVms", name, {}, opts);
    this.protectedItemIds = Object.fromEntries(args.items.map((item) => [item.key, declareClassicProtectedItem(this, item, itemTarget(args, item)).id]));
    this.registerOutputs({ protectedItemIds: this.protectedItemIds });
  }
}
