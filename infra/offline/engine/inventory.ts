import * as path from "node:path";
import { z } from "zod";
import { ConfigError } from "../../config/configError";
import { parseYamlFile, readInputFile } from "./fileInput";
import { VM_ID_PATTERN } from "../../config/configSchema";
import { zodIssues } from "../../config/zodIssues";
import { caseInsensitiveEnum, flag, intInRange, patternString, requiredText, strictObject, tagsSchema } from "../../config/schemaParts";
import { DATA_DISK_LUN } from "../../azure/azureLimits";
import { WINDOWS_SERVICE_STARTUP_TYPES } from "../../azure/inGuestFacts";
import { parseVmId } from "../../model/resourceId";
import { parseItemId, parsePolicyId } from "../../model/backupState";
import type { InvokeHandler } from "./mockEngine";
import { PROJECT_ROOT } from "./stackConfig";

/**
 * The offline stand-in for Azure's answers: the VMs a stack's look-ups would find. `plan` reads
 * `inventory/<stack>.yaml` (or `--inventory PATH`); every invoke the program makes is answered
 * from it, and a VM it does not list is "not found".
 */
const diskSchema = strictObject({
  lun: intInRange(DATA_DISK_LUN),
  sku: requiredText("a disk storage SKU, e.g. Premium_LRS, UltraSSD_LRS, PremiumV2_LRS").default("Premium_LRS"),
  shared: flag().default(false).describe("A shared disk (maxShares > 1)."),
});

const vmSchema = strictObject({
  id: patternString(VM_ID_PATTERN, "must be a VM resource ID"),
  location: requiredText("the VM's Azure region, e.g. westeurope"),
  os: caseInsensitiveEnum(["Windows", "Linux"] as const),
  securityType: caseInsensitiveEnum(["Standard", "TrustedLaunch", "ConfidentialVM"] as const).default("Standard"),
  powerState: caseInsensitiveEnum(["running", "stopped", "deallocated"] as const).default("running"),
  osDisk: strictObject({ sku: requiredText("a disk storage SKU, e.g. Premium_LRS").default("Premium_LRS") }).default({ sku: "Premium_LRS" }),
  dataDisks: z.array(diskSchema).default([]),
  tags: tagsSchema().default({}),
  // Not an Azure API fact: what the owner knows of the guest, so the plan can say what consistency a locked-down VM really gets.
  vssStartupType: caseInsensitiveEnum(WINDOWS_SERVICE_STARTUP_TYPES).optional().describe("Windows: the Volume Shadow Copy service's startup type inside the VM, if known."),
});

/**
 * Existing backup, in Azure's own vocabulary: each entry is the body of a GET as Azure returns it
 * (`az backup item list --output json`, `az backup policy list --output json`); fields not read here are
 * kept and ignored, so whole answers can be pasted or generated.
 */
const armBody = <T extends z.ZodRawShape>(idPattern: RegExp, idHint: string, properties: T) =>
  z.looseObject({
    id: patternString(idPattern, `must be ${idHint}`),
    name: z.string().optional(),
    properties: z.looseObject(properties),
  });

const protectedItemSchema = armBody(
  /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.RecoveryServices\/vaults\/[^/]+\/backupFabrics\/[^/]+\/protectionContainers\/[^/]+\/protectedItems\/[^/]+$/i,
  "a protected item ID (/subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.RecoveryServices/vaults/<vault>/backupFabrics/Azure/protectionContainers/<container>/protectedItems/<item>)",
  {
    sourceResourceId: patternString(VM_ID_PATTERN, "must be the VM's resource ID"),
    policyId: z.string().optional(),
    policyName: z.string().optional(),
    protectionState: z.string().optional(),
    isScheduledForDeferredDelete: z.boolean().optional(),
    deferredDeleteTimeInUTC: z.string().optional(),
  },
);

const backupPolicySchema = armBody(
  /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.RecoveryServices\/vaults\/[^/]+\/backupPolicies\/[^/]+$/i,
  "a backup policy ID (/subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.RecoveryServices/vaults/<vault>/backupPolicies/<name>)",
  {
    backupManagementType: z.string(),
    policyType: z.string().optional(),
    instantRpRetentionRangeInDays: z.number().optional(),
    retentionPolicy: z.looseObject({}).optional(),
  },
);

export const inventorySchema = strictObject({
  virtualMachines: z.array(vmSchema, { error: "must be a list of VMs" }).default([]),
  protectedItems: z.array(protectedItemSchema, { error: "must be a list of protected items as Azure returns them" }).optional(),
  backupPolicies: z.array(backupPolicySchema, { error: "must be a list of backup policies as Azure returns them" }).optional(),
});

export type Inventory = z.output<typeof inventorySchema>;
export type InventoryVm = Inventory["virtualMachines"][number];

export interface LoadedInventory {
  readonly file?: string;
  readonly inventory: Inventory;
  /** No inventory at all: a tag search then has no answer (an error), rather than an empty one. */
  readonly absent?: boolean;
}

/** Planning without an inventory: every VM is "not found" and tag searches have no answer. */
export const EMPTY_INVENTORY: LoadedInventory = { inventory: { virtualMachines: [] }, absent: true };

/** The default inventory of a stack: `inventory/<stack>.yaml` in the project root. */
export function defaultInventoryPath(stack: string): string {
  return path.join(PROJECT_ROOT, "inventory", `${stack}.yaml`);
}

/** @throws FileInputError when the file cannot be read or parsed; ConfigError naming every offending key. */
export function readInventoryFile(file: string): LoadedInventory {
  const doc = parseYamlFile(file, readInputFile(file, "the inventory"), "the inventory");
  const parsed = inventorySchema.safeParse(doc.toJS() ?? {}, { reportInput: true });
  if (!parsed.success) throw new ConfigError(zodIssues(parsed.error, ""), `Invalid inventory ${file}`);
  return { file, inventory: parsed.data };
}

const lower = (v: unknown) => String(v ?? "").toLowerCase();
const diskName = (vm: InventoryVm, lun: number | "os") => `${parseVmId(vm.id)!.name}-${lun === "os" ? "osdisk" : `data-${lun}`}`;
const diskId = (vm: InventoryVm, lun: number | "os") => {
  const ref = parseVmId(vm.id)!;
  return `/subscriptions/${ref.subscriptionId}/resourceGroups/${ref.resourceGroupName}/providers/Microsoft.Compute/disks/${diskName(vm, lun)}`;
};

/** `compute.getVirtualMachine` as Azure would answer it (API 2024-11-01 shape, instance view included). */
export function virtualMachineAnswer(vm: InventoryVm, withInstanceView: boolean): Record<string, unknown> {
  const ref = parseVmId(vm.id)!;
  return {
    id: vm.id,
    name: ref.name,
    type: "Microsoft.Compute/virtualMachines",
    location: vm.location,
    tags: vm.tags,
    ...(vm.securityType !== "Standard" && { securityProfile: { securityType: vm.securityType } }),
    storageProfile: {
      osDisk: { osType: vm.os, name: diskName(vm, "os"), createOption: "FromImage", managedDisk: { id: diskId(vm, "os"), storageAccountType: vm.osDisk.sku } },
      dataDisks: vm.dataDisks.map((d) => ({
        lun: d.lun,
        name: diskName(vm, d.lun),
        createOption: "Attach",
        managedDisk: { id: diskId(vm, d.lun), storageAccountType: d.sku },
      })),
    },
    ...(withInstanceView && {
      instanceView: { statuses: [{ code: "ProvisioningState/succeeded" }, { code: `PowerState/${vm.powerState}` }] },
    }),
  };
}

/**
 * Answers every provider function the program calls from the inventory. A VM or disk it does not
 * list gets an empty answer ("not found"); an unknown function gets none, so the run fails naming it.
 */
export function inventoryInvokeHandler(loaded: LoadedInventory): InvokeHandler {
  const vms = loaded.inventory.virtualMachines;
  // Indexed once: a 1,000-VM plan makes thousands of look-ups, and scanning the list (parsing every
  // ID) for each made them quadratic (2 of 7 CPU seconds in the benchmark). First entry wins, as before.
  const vmsByName = new Map<string, InventoryVm>();
  const disksByName = new Map<string, { vm: InventoryVm; disk: InventoryVm["dataDisks"][number] }>();
  for (const vm of vms) {
    const ref = parseVmId(vm.id)!;
    const vmKey = `${lower(ref.resourceGroupName)}/${lower(ref.name)}`;
    if (!vmsByName.has(vmKey)) vmsByName.set(vmKey, vm);
    for (const disk of vm.dataDisks) {
      const diskKey = `${lower(ref.resourceGroupName)}/${lower(diskName(vm, disk.lun))}`;
      if (!disksByName.has(diskKey)) disksByName.set(diskKey, { vm, disk });
    }
  }
  const findVm = (rg: unknown, name: unknown) => vmsByName.get(`${lower(rg)}/${lower(name)}`);
  const backup = backupAnswers(loaded);
  return (token, inputs) => {
    switch (token) {
      case "azure-native:recoveryservices:getProtectedItem":
        return backup.item(inputs);
      case "azure-native:recoveryservices:getProtectionPolicy":
        return backup.policy(inputs);
      case "azure-native:compute:getVirtualMachine": {
        const vm = findVm(inputs.resourceGroupName, inputs.vmName);
        return vm ? virtualMachineAnswer(vm, lower(inputs.expand) === "instanceview") : {};
      }
      case "azure-native:compute:getDisk": {
        const found = disksByName.get(`${lower(inputs.resourceGroupName)}/${lower(inputs.diskName)}`);
        if (!found) return {};
        const { vm, disk } = found;
        return { id: diskId(vm, disk.lun), name: diskName(vm, disk.lun), location: vm.location, maxShares: disk.shared ? 2 : 1, sku: { name: disk.sku } };
      }
      case "azure:core/getResources:getResources": {
        // Thrown, so the program sees a failed query: "no VM matched" would be a guess.
        if (loaded.absent) throw new Error("no offline answer: the plan has no inventory (give --inventory PATH or write inventory/<stack>.yaml)");
        if (lower(inputs.type) === lower(VAULT_RESOURCE_TYPE)) return backup.vaults(inputs);
        const required = (inputs.requiredTags ?? {}) as Record<string, string>;
        const matches = vms.filter((vm) => {
          const ref = parseVmId(vm.id)!;
          if (inputs.type !== undefined && lower(inputs.type) !== "microsoft.compute/virtualmachines") return false;
          if (inputs.resourceGroupName !== undefined && lower(inputs.resourceGroupName) !== lower(ref.resourceGroupName)) return false;
          const tags = new Map(Object.entries(vm.tags).map(([k, v]) => [k.toLowerCase(), v]));
          return Object.entries(required).every(([k, v]) => tags.get(k.toLowerCase()) === v);
        });
        return {
          id: "offline-inventory",
          name: String(inputs.name ?? ""),
          resourceGroupName: String(inputs.resourceGroupName ?? ""),
          type: String(inputs.type ?? ""),
          requiredTags: required,
          resources: matches.map((vm) => {
            const ref = parseVmId(vm.id)!;
            return { id: vm.id, name: ref.name, resourceGroupName: ref.resourceGroupName, location: vm.location, tags: vm.tags, type: "Microsoft.Compute/virtualMachines" };
          }),
        };
      }
      default:
        return undefined;
    }
  };
}

const VAULT_RESOURCE_TYPE = "Microsoft.RecoveryServices/vaults";

/** Azure's answer for something that does not exist, as the look-ups classify it. */
function notFound(what: string): Error {
  return new Error(`ResourceNotFound: ${what} was not found (offline inventory; 404)`);
}

/**
 * Answers `getProtectedItem`, `getProtectionPolicy` and the vault listing from the inventory's
 * `protectedItems` and `backupPolicies`. Without those sections every item and policy is "not found":
 * the plan then treats the estate as new, and says so (see planStack).
 */
function backupAnswers(loaded: LoadedInventory) {
  const items = new Map<string, Record<string, unknown>>();
  const policies = new Map<string, Record<string, unknown>>();
  const vaults = new Map<string, { id: string; name: string; resourceGroupName: string }>();
  const addVault = (id: string) => {
    const m = /^(\/subscriptions\/[^/]+\/resourceGroups\/([^/]+)\/providers\/Microsoft\.RecoveryServices\/vaults\/([^/]+))/i.exec(id);
    if (m && !vaults.has(lower(m[1]))) vaults.set(lower(m[1]), { id: m[1]!, name: m[3]!, resourceGroupName: m[2]! });
  };
  for (const body of loaded.inventory.protectedItems ?? []) {
    const at = parseItemId(body.id)!;
    items.set([at.vaultResourceGroup, at.vaultName, at.containerName, at.itemName].map(lower).join("/"), body);
    addVault(body.id);
  }
  for (const body of loaded.inventory.backupPolicies ?? []) {
    const at = parsePolicyId(body.id)!;
    policies.set([at.vaultResourceGroup, at.vaultName, at.policyName].map(lower).join("/"), body);
    addVault(body.id);
  }
  return {
    item(inputs: Record<string, unknown>): Record<string, unknown> {
      const key = [inputs.resourceGroupName, inputs.vaultName, inputs.containerName, inputs.protectedItemName].map(lower).join("/");
      const found = items.get(key);
      if (!found) throw notFound(`protected item ${String(inputs.protectedItemName)} in vault ${String(inputs.vaultName)}`);
      return found;
    },
    policy(inputs: Record<string, unknown>): Record<string, unknown> {
      const found = policies.get([inputs.resourceGroupName, inputs.vaultName, inputs.policyName].map(lower).join("/"));
      if (!found) throw notFound(`backup policy ${String(inputs.policyName)} in vault ${String(inputs.vaultName)}`);
      return found;
    },
    vaults(inputs: Record<string, unknown>): Record<string, unknown> {
      return {
        id: "offline-inventory",
        name: String(inputs.name ?? ""),
        resourceGroupName: String(inputs.resourceGroupName ?? ""),
        type: VAULT_RESOURCE_TYPE,
        requiredTags: {},
        resources: [...vaults.values()].map((v) => ({ ...v, type: VAULT_RESOURCE_TYPE, location: "", tags: {} })),
      };
    },
  };
}

/** Whether the inventory describes existing backup at all (else the plan cannot compare with it). */
export function hasBackupState(loaded: LoadedInventory): boolean {
  return loaded.inventory.protectedItems !== undefined || loaded.inventory.backupPolicies !== undefined;
}
