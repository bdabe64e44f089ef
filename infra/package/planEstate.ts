import * as pulumi from "@pulumi/pulumi";
import { formatIssue, joinPath, type ConfigIssue } from "../config/configError";
import type { BackupConfig } from "../config/backupConfig";
import { buildBackupModel, type BackupModel } from "../model/backupModel";
import { vmLogicalName } from "../model/names";
import { parseVmId } from "../model/resourceId";
import { resolveVmEntries } from "../model/selectors";
import type { VmLookup } from "../model/vmFacts";
import { applyVmFacts } from "../validate/applyVmFacts";
import type { VmSettings } from "./args";
import { checkArgs, refuse, type PendingVm } from "./checkArgs";
import { plainFacts, statedLookup } from "./statedFacts";

const PENDING_REASON = "its id is an output of this program; its region and disks are checked once known";

/** The data-disk LUNs an entry names, as attached disks when the VM's own are not stated (nothing to contradict). */
export function statedLuns(vm: Pick<VmSettings, "disks">, luns: readonly number[] | undefined): readonly number[] {
  return luns ?? [...(vm.disks?.include ?? []), ...(vm.disks?.exclude ?? [])];
}

/** A VM whose ID is an output, placed in its vault (the one it names, the one of its stated region, or the only one). */
export interface RoutedPendingVm extends PendingVm {
  readonly vaultKey: string;
  /** Its vault's region: the VM's own, once known, must equal it. */
  readonly vaultLocation: string;
}

export interface EstatePlan {
  readonly config: BackupConfig;
  readonly model: BackupModel;
  /** VMs whose ID is an output, by their model key (the stand-in ID's). */
  readonly pending: ReadonlyMap<string, RoutedPendingVm>;
}

/** What a VM with an output ID cannot have yet: settings whose resources are named after the VM. */
function pendingVmIssues(p: PendingVm, config: BackupConfig): ConfigIssue[] {
  const path = joinPath("vms", p.index);
  const issues: ConfigIssue[] = [];
  const vm = p.args;
  const unsupported = (key: string, got: string) =>
    issues.push({ path: joinPath(path, key), message: `is not supported yet for a VM declared in this program (id is an output); set it on the VM, or list the VM by its resource ID (got ${got})` });
  if (vm.vss) unsupported("vss", vm.vss);
  if (vm.scripts) unsupported("scripts", "scripts");
  if (vm.windowsReadiness) unsupported("windowsReadiness", vm.windowsReadiness);
  else if (config.vmDefaults.windowsReadiness && vm.os === "Windows") unsupported("windowsReadiness", `${config.vmDefaults.windowsReadiness} (vmDefaults)`);
  if ((vm.extension ?? config.vmDefaults.extension) === "declare") unsupported("extension", "declare");
  if (config.provider !== "native") issues.push({ path: joinPath(path, "id"), message: "an output ID needs provider native" });
  return issues;
}

/**
 * Args to model with the stack's own checks (loadConfig, applyVmFacts, buildBackupModel), minus the
 * look-ups: the library takes each VM's facts from its entry. Throws before anything is declared.
 */
export function planEstate(args: Readonly<Record<string, unknown>>, only?: readonly string[]): EstatePlan {
  const { loaded, pending, vmArgs } = checkArgs(args, only);
  const { config } = loaded;
  const issues: ConfigIssue[] = [];
  if (config.selectors.length > 0) {
    issues.push({ path: "selectors", message: "are resolved by the stack program's Azure look-ups; BackupEstate protects the VMs listed under vms (list them there)" });
  }
  const pendingByIndex = new Map(pending.map((p) => [p.index, p]));
  for (const p of pending) issues.push(...pendingVmIssues(p, config));

  const { entries } = resolveVmEntries(config.vms, [], [], config.vmDefaults);
  const lookups = new Map<string, VmLookup>();
  entries.forEach((entry, index) => {
    const key = vmLogicalName(parseVmId(entry.vm.id)!);
    const given = vmArgs[index]!;
    if (pendingByIndex.has(index)) {
      lookups.set(key, { found: false, reason: PENDING_REASON });
      return;
    }
    const { location, luns } = plainFacts(given);
    lookups.set(key, statedLookup(entry.vm.id, entry.vm.os, location, statedLuns(given, luns)));
  });
  const resolved = applyVmFacts(config, entries, lookups);
  issues.push(...resolved.issues);
  const kept = only ? issues.filter((i) => only.some((key) => i.path === key || i.path.startsWith(`${key}.`) || i.path.startsWith(`${key}[`))) : issues;
  if (kept.length > 0) refuse(kept);
  const warnings = [...loaded.warnings, ...resolved.warnings];
  for (const warning of warnings) pulumi.log.warn(formatIssue(warning));
  const model = buildBackupModel(resolved.config, warnings, resolved.vmSide);
  const routed = pending.map((p): [string, RoutedPendingVm] => {
    const key = vmLogicalName(parseVmId(p.standIn)!);
    const estate = model.vaults.find((v) => v.protectedVms.some((item) => item.key === key))!;
    return [key, { ...p, vaultKey: estate.key, vaultLocation: estate.vault.location }];
  });
  return { config: resolved.config, model, pending: new Map(routed) };
}
