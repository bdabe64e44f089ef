import { ConfigError, type ConfigIssue } from "../config/configError";
import { PROJECT_NAME } from "../config/backupConfig";
import { loadConfig } from "../validate/loadConfig";
import { issueAt, isObject, readArmDocuments, typeOf, type ArmResource, type Json, type SourceFile } from "./armDocuments";
import { describeValue } from "./coverage";
import { ITEM_PATHS, itemFromArm } from "./itemFromArm";
import { POLICY_PATHS, policyFromArm } from "./policyFromArm";
import { VAULT_PATHS, vaultFromArm } from "./vaultFromArm";

const VAULT = "microsoft.recoveryservices/vaults";
const POLICY = "microsoft.recoveryservices/vaults/backuppolicies";
const ITEM = "microsoft.recoveryservices/vaults/backupfabrics/protectioncontainers/protecteditems";
const GUARD_LINK = "microsoft.recoveryservices/vaults/backupresourceguardproxies";
const RESOURCE_GROUP = "microsoft.resources/resourcegroups";

/** The stack configuration adoption writes, and what the user should know before importing. */
export interface Adopted {
  /** `config:` of a Pulumi.<stack>.yaml: full keys to values. */
  readonly config: Record<string, unknown>;
  /** Settings Azure's bodies left out, sent with the configuration's default. */
  readonly notes: readonly ConfigIssue[];
}

const lower = (s: unknown) => String(s ?? "").toLowerCase();
/** `/subscriptions/.../vaults/v/backupPolicies/p` -> `/subscriptions/.../vaults/v` (lower case). */
const vaultIdOf = (id: unknown) => /^(.*?\/providers\/microsoft\.recoveryservices\/vaults\/[^/]+)/i.exec(String(id ?? ""))?.[1]?.toLowerCase();

/** Where a configuration key came from: the resource and the table from config keys to its JSON paths. */
interface Origin {
  readonly prefix: string;
  readonly resource: ArmResource;
  readonly paths: Readonly<Record<string, string>>;
}

/** Locates a loadConfig finding (`policies.p.retention.daily`) in its source body. */
function locate(issue: ConfigIssue, origins: readonly Origin[]): ConfigIssue {
  const origin = origins
    .filter((o) => issue.path === o.prefix || issue.path.startsWith(`${o.prefix}.`))
    .sort((a, b) => b.prefix.length - a.prefix.length)[0];
  if (!origin) return issue;
  const rest = issue.path.slice(origin.prefix.length + 1);
  const key = Object.keys(origin.paths)
    .filter((k) => rest === k || rest.startsWith(`${k}.`) || rest.startsWith(`${k}[`))
    .sort((a, b) => b.length - a.length)[0];
  const bodyPath = key ? origin.paths[key]! : "";
  return issueAt(origin.resource, bodyPath, `${issue.message} (configuration key ${issue.path})`);
}

/**
 * Reads Azure's GET bodies and writes the configuration that reproduces them, every resource marked
 * with its `importId`. Every finding (unknown setting, missing value, broken service rule) is
 * collected first and thrown as one ConfigError naming each by file and JSON path.
 */
export function adoptEstate(files: readonly SourceFile[]): Adopted {
  const { resources, issues } = readArmDocuments(files);
  const notes: ConfigIssue[] = [];
  const byType = (type: string) => resources.filter((r) => typeOf(r) === type);
  const known = new Set([VAULT, POLICY, ITEM, GUARD_LINK, RESOURCE_GROUP]);
  for (const r of resources) {
    if (!known.has(typeOf(r))) {
      issues.push(issueAt(r, "type", `is not adopted (got ${describeValue(r.body.type)}); adoption reads Microsoft.RecoveryServices/vaults, vaults/backupPolicies, vaults/backupFabrics/protectionContainers/protectedItems, vaults/backupResourceGuardProxies and Microsoft.Resources/resourceGroups`));
    }
  }

  const vaults = byType(VAULT);
  if (vaults.length === 0) issues.push({ path: files.map((f) => f.name).join(", ") || "(no files)", message: "hold no Microsoft.RecoveryServices/vaults resource: adoption needs the vault's body (`az backup vault show`)" });
  for (const extra of vaults.slice(1)) {
    issues.push(issueAt(extra, "id", `is a second vault (the first is ${String(vaults[0]!.body.id)}): one configuration adopts one vault; adopt each vault into its own stack`));
  }
  const vault = vaults[0];
  if (!vault) throw new ConfigError(issues, "Cannot adopt");
  const vaultId = lower(vault.body.id);
  const inVault = (r: ArmResource) => {
    if (vaultIdOf(r.body.id) === vaultId) return true;
    issues.push(issueAt(r, "id", `is not in the adopted vault ${String(vault.body.id)}`));
    return false;
  };

  const links = byType(GUARD_LINK).filter(inVault);
  let resourceGuardId: string | undefined;
  for (const link of links) {
    const props = isObject(link.body.properties) ? link.body.properties : {};
    if (link.body.name !== "VaultProxy") issues.push(issueAt(link, "name", `must be VaultProxy, the one Resource Guard link a vault has (got ${describeValue(link.body.name)})`));
    if (props.description !== undefined && props.description !== null && props.description !== "") {
      issues.push(issueAt(link, "properties.description", `is a writable setting of the Resource Guard link the configuration cannot express (got ${describeValue(props.description)})`));
    }
    if (typeof props.resourceGuardResourceId === "string") resourceGuardId = props.resourceGuardResourceId;
    else issues.push(issueAt(link, "properties.resourceGuardResourceId", "is required: the Resource Guard the vault is linked to"));
  }
  const v = vaultFromArm(vault, resourceGuardId);
  issues.push(...v.issues);

  for (const rg of byType(RESOURCE_GROUP)) {
    // The stack declares the vault's resource group with the vault's location and tags.
    const expectedId = vaultId.split("/providers/")[0];
    if (lower(rg.body.id) !== expectedId) {
      issues.push(issueAt(rg, "id", `is not the vault's resource group ${expectedId}`));
      continue;
    }
    if (lower(rg.body.location) !== lower(vault.body.location)) {
      issues.push(issueAt(rg, "location", `must be the vault's location ${String(vault.body.location)}: the stack declares the resource group in the vault's region (got ${describeValue(rg.body.location)})`));
    }
    if (JSON.stringify(rg.body.tags ?? {}) !== JSON.stringify(vault.body.tags ?? {})) {
      issues.push(issueAt(rg, "tags", `must equal the vault's tags ${describeValue(vault.body.tags ?? {})}: the stack gives both the same tags (got ${describeValue(rg.body.tags ?? {})})`));
    }
  }
  if (byType(RESOURCE_GROUP).length === 0) {
    notes.push(issueAt(vault, "id", "the resource group is imported with the vault's location and tags; add `az group show` output to check them"));
  }

  const origins: Origin[] = [{ prefix: "vault", resource: vault, paths: VAULT_PATHS }];
  const policies: Record<string, Json> = {};
  const policyIds = new Map<string, string>();
  for (const r of byType(POLICY)) {
    const props = isObject(r.body.properties) ? r.body.properties : {};
    if (props.backupManagementType !== "AzureIaasVM") {
      issues.push(issueAt(r, "properties.backupManagementType", `must be AzureIaasVM: only Azure VM policies are adopted (got ${describeValue(props.backupManagementType)})`));
      continue;
    }
    if (!inVault(r)) continue;
    const p = policyFromArm(r);
    issues.push(...p.issues);
    notes.push(...p.notes);
    if (policies[p.name]) {
      issues.push(issueAt(r, "name", `repeats policy ${p.name}`));
      continue;
    }
    policies[p.name] = p.raw;
    policyIds.set(lower(r.body.id), p.name);
    origins.push({ prefix: `policies.${p.name}`, resource: r, paths: POLICY_PATHS });
  }

  const vms: Json[] = [];
  for (const r of byType(ITEM)) {
    if (!inVault(r)) continue;
    const item = itemFromArm(r);
    issues.push(...item.issues);
    notes.push(...item.notes);
    if (item.policyId && !policyIds.has(lower(item.policyId))) {
      issues.push(issueAt(r, "properties.policyId", `names a policy that is not adopted here (${item.policyId}): add its body (\`az backup policy show\`)`));
      continue;
    }
    origins.push({ prefix: `vms[${vms.length}]`, resource: r, paths: ITEM_PATHS });
    vms.push({ ...item.raw, ...(item.policyId && { policy: policyIds.get(lower(item.policyId)) }) });
  }

  const subscriptionId = /^\/subscriptions\/([^/]+)/i.exec(String(vault.body.id ?? ""))?.[1];
  const config: Record<string, unknown> = {
    "azure-native:location": vault.body.location,
    ...(subscriptionId && { "azure-native:subscriptionId": subscriptionId }),
    [`${PROJECT_NAME}:vault`]: v.raw,
    [`${PROJECT_NAME}:policies`]: policies,
    ...(vms.length > 0 && { [`${PROJECT_NAME}:vms`]: vms }),
  };
  // The service's rules are the configuration's: the written configuration must load as is.
  const raw = Object.fromEntries(Object.entries(config).map(([k, val]) => [k, typeof val === "string" ? val : JSON.stringify(val)]));
  try {
    loadConfig(raw);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    issues.push(
      ...err.issues.map((i) =>
        i.path === "policies" ? issueAt(vault, "", "has no Azure VM policy in the directory: add `az backup policy list` output (the configuration needs at least one policy)") : locate(i, origins),
      ),
    );
  }
  if (issues.length > 0) throw new ConfigError(issues, "Cannot adopt");
  return { config, notes };
}
