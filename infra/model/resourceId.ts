import { VM_ID_PATTERN } from "../config/configSchema";

/** The parts of a VM resource ID that names and checks are built from. */
export interface VmRef {
  readonly id: string;
  readonly subscriptionId: string;
  readonly resourceGroupName: string;
  readonly name: string;
}

/** Parses `/subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.Compute/virtualMachines/<name>`. */
export function parseVmId(id: string): VmRef | undefined {
  const m = VM_ID_PATTERN.exec(id);
  if (!m) return undefined;
  return { id, subscriptionId: m[1]!.toLowerCase(), resourceGroupName: m[2]!, name: m[3]! };
}

