import type { ConfigIssue } from "../config/configError";
import { ConfigError } from "../config/configError";
import { issueAt, isObject, readArmDocuments, typeOf, type ArmResource, type Json, type SourceFile } from "./armDocuments";
import { describeValue } from "./coverage";
import { toYaml } from "./stackYaml";

const VM = "microsoft.compute/virtualmachines";
const DISK = "microsoft.compute/disks";

/** The query whose result (`az graph query -q ... --first 1000 --output json`) this reads; docs/adopting.md shows it. */
export const RESOURCE_GRAPH_QUERY = `resources
| where type in~ ('microsoft.compute/virtualmachines', 'microsoft.compute/disks')
| project id, name, type, location, tags, sku, properties`;

export interface InventoryFromArm {
  /** Raw inventory (`virtualMachines: [...]`), to be checked against the inventory schema. */
  readonly inventory: { virtualMachines: Json[] };
  /** Where each VM came from, by index, for locating schema findings. */
  readonly sources: readonly ArmResource[];
  readonly notes: ConfigIssue[];
}

/** `az` prints compute resources with `properties` flattened; REST and Resource Graph nest them. */
const propsOf = (body: Json): Json => (isObject(body.properties) ? body.properties : body);
const lower = (v: unknown) => String(v ?? "").toLowerCase();

/** Azure's power state from `az vm show -d` ("VM running"), an instance view, or Resource Graph's extended view. */
function powerStateOf(body: Json, props: Json): { state?: string; path?: string } {
  if (typeof body.powerState === "string") return { state: body.powerState.replace(/^VM /i, "").toLowerCase(), path: "powerState" };
  const statuses = isObject(props.instanceView) && Array.isArray(props.instanceView.statuses) ? props.instanceView.statuses : undefined;
  const status = statuses?.find((s) => isObject(s) && String(s.code ?? "").startsWith("PowerState/"));
  if (isObject(status)) return { state: String(status.code).slice("PowerState/".length).toLowerCase(), path: "properties.instanceView.statuses" };
  const extended = isObject(props.extended) && isObject(props.extended.instanceView) ? props.extended.instanceView.powerState : undefined;
  if (isObject(extended) && typeof extended.code === "string") return { state: extended.code.replace(/^PowerState\//, "").toLowerCase(), path: "properties.extended.instanceView.powerState.code" };
  return {};
}

/**
 * Builds the offline inventory from what Azure returns for VMs and disks. The inventory holds the
 * facts the backup rules read (region, OS, security type, power state, disks and their SKUs, shared
 * disks, tags); a VM whose disks it cannot describe (unmanaged VHDs, ephemeral OS disks) is refused.
 */
export function inventoryFromArm(files: readonly SourceFile[]): InventoryFromArm {
  const { resources, issues } = readArmDocuments(files);
  const notes: ConfigIssue[] = [];
  const disks = new Map<string, Json>();
  for (const r of resources) if (typeOf(r) === DISK) disks.set(lower(r.body.id), r.body);
  const vms: Json[] = [];
  const sources: ArmResource[] = [];
  for (const r of resources) {
    const type = typeOf(r);
    if (type === DISK) continue;
    if (type !== VM) {
      issues.push(issueAt(r, "type", `is not read for the inventory (got ${describeValue(r.body.type)}); it reads Microsoft.Compute/virtualMachines and Microsoft.Compute/disks`));
      continue;
    }
    const b = r.body;
    const p = propsOf(b);
    const base = p === b ? "" : "properties.";
    const storage = isObject(p.storageProfile) ? p.storageProfile : {};
    const osDisk = isObject(storage.osDisk) ? storage.osDisk : {};
    if (osDisk.osType === undefined) issues.push(issueAt(r, `${base}storageProfile.osDisk.osType`, "is required: the inventory records each VM's OS (Windows | Linux)"));
    if (osDisk.diffDiskSettings !== undefined && osDisk.diffDiskSettings !== null) {
      issues.push(issueAt(r, `${base}storageProfile.osDisk.diffDiskSettings`, "is an ephemeral OS disk, which the inventory cannot express and Azure Backup cannot back up"));
    }
    const skuOf = (disk: Json, path: string): unknown => {
      if (!isObject(disk.managedDisk)) {
        issues.push(issueAt(r, path, "is an unmanaged (VHD) disk, which the inventory cannot express: convert the VM to managed disks"));
        return undefined;
      }
      const fromDisk = disks.get(lower(disk.managedDisk.id));
      return disk.managedDisk.storageAccountType ?? (isObject(fromDisk?.sku) ? fromDisk.sku.name : undefined);
    };
    const osSku = skuOf(osDisk, `${base}storageProfile.osDisk`);
    const dataDisks = (Array.isArray(storage.dataDisks) ? storage.dataDisks : []).filter(isObject).map((d, i) => {
      const sku = skuOf(d, `${base}storageProfile.dataDisks[${i}]`);
      const body = isObject(d.managedDisk) ? disks.get(lower(d.managedDisk.id)) : undefined;
      const maxShares = body ? (propsOf(body).maxShares as unknown) : undefined;
      return { lun: d.lun, ...(sku !== undefined && { sku }), ...(typeof maxShares === "number" && maxShares > 1 && { shared: true }) };
    });
    const power = powerStateOf(b, p);
    if (!power.state) notes.push(issueAt(r, "", "has no power state (use `az vm list --show-details` or `az vm show -d`): recorded as running"));
    else if (!["running", "stopped", "deallocated"].includes(power.state)) {
      issues.push(issueAt(r, power.path ?? "powerState", `must be running, stopped or deallocated for the inventory (got ${describeValue(power.state)}); run the export again once the VM has settled`));
    }
    const security = isObject(p.securityProfile) ? p.securityProfile.securityType : undefined;
    sources.push(r);
    vms.push({
      id: b.id,
      // Azure's canonical region names: `West US` -> `westus`.
      location: typeof b.location === "string" ? b.location.replace(/\s+/g, "").toLowerCase() : b.location,
      os: osDisk.osType,
      ...(security !== undefined && security !== null && { securityType: security }),
      ...(power.state && ["running", "stopped", "deallocated"].includes(power.state) && { powerState: power.state }),
      ...(typeof osSku === "string" && { osDisk: { sku: osSku } }),
      dataDisks,
      tags: isObject(b.tags) ? b.tags : {},
    });
  }
  if (vms.length === 0 && issues.length === 0) issues.push({ path: files.map((f) => f.name).join(", "), message: "hold no Microsoft.Compute/virtualMachines resource" });
  if (issues.length > 0) throw new ConfigError(issues, "Cannot write the inventory");
  return { inventory: { virtualMachines: vms }, sources, notes };
}

/** Inventory key -> JSON path in a VM body (REST and Resource Graph nest under `properties`; `az` does not). */
function bodyPath(key: string, nested: boolean): string {
  const p = nested ? "properties." : "";
  const table: Record<string, string> = {
    id: "id", location: "location", tags: "tags", os: `${p}storageProfile.osDisk.osType`, securityType: `${p}securityProfile.securityType`,
    powerState: "powerState", osDisk: `${p}storageProfile.osDisk.managedDisk.storageAccountType`, dataDisks: `${p}storageProfile.dataDisks`,
  };
  const head = /^[a-zA-Z]+/.exec(key)?.[0] ?? "";
  return table[head] ? `${table[head]}${head === "dataDisks" ? key.slice(head.length).replace(/\.sku$/, ".managedDisk.storageAccountType") : ""}` : "";
}

/** Locates inventory schema findings (`virtualMachines[2].os`) in the VM body they came from. */
export function locateInventoryIssues(found: readonly ConfigIssue[], sources: readonly ArmResource[]): ConfigIssue[] {
  return found.map((issue) => {
    const m = /^virtualMachines\[(\d+)\]\.?(.*)$/.exec(issue.path);
    const source = m ? sources[Number(m[1])] : undefined;
    if (!source) return issue;
    return issueAt(source, bodyPath(m![2]!, isObject(source.body.properties)), `${issue.message} (inventory key ${m![2] || "(entry)"})`);
  });
}

export function renderInventoryYaml(inventory: { virtualMachines: Json[] }, from: string): string {
  return `# Offline inventory written by \`npm run adopt -- --inventory-from ${from}\` from what Azure returned.\n${toYaml(inventory)}`;
}
