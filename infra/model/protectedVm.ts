import type { VmConfig } from "../config/configSchema";
import { BACKUP_FABRIC_NAME, protectedItemName, protectionContainerName, vmLogicalName } from "./names";
import { parseVmId, type VmRef } from "./resourceId";

export interface DiskExclusionProperties {
  readonly diskLunList: number[];
  readonly isInclusionList: boolean;
}

/** A VM bound to a policy, with the names Azure Backup uses for it. */
export interface ProtectedVmModel {
  /** Stable Pulumi logical name (resource group/VM, lower case). */
  readonly key: string;
  readonly vm: VmRef;
  readonly policyName: string;
  readonly os?: "Windows" | "Linux";
  readonly fabricName: string;
  readonly containerName: string;
  readonly protectedItemName: string;
  readonly diskExclusion?: DiskExclusionProperties;
}

/** Maps a validated VM entry to its protected-item model. */
export function toProtectedVmModel(vm: VmConfig): ProtectedVmModel {
  const ref = parseVmId(vm.id);
  if (!ref) throw new Error(`invalid VM ID ${vm.id}; loadConfig rejects this before the model is built`);
  const disks = vm.disks;
  const diskExclusion: DiskExclusionProperties | undefined = disks?.include
    ? { diskLunList: [...disks.include].sort((a, b) => a - b), isInclusionList: true }
    : disks?.exclude
      ? { diskLunList: [...disks.exclude].sort((a, b) => a - b), isInclusionList: false }
      : undefined;
  return {
    key: vmLogicalName(ref),
    vm: ref,
    policyName: vm.policy,
    os: vm.os,
    fabricName: BACKUP_FABRIC_NAME,
    containerName: protectionContainerName(ref),
    protectedItemName: protectedItemName(ref),
    diskExclusion,
  };
}
