/* eslint-disable @typescript-eslint/no-require-imports, @typescript-eslint/no-explicit-any -- the generated gRPC stubs are untyped JavaScript */
import * as fs from "node:fs";
import * as path from "node:path";
import * as grpc from "@grpc/grpc-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { PACKAGE_ROOT, SCHEMA_FILE } from "../../infra/package/packageSchema";
import { FakeEngine, type Registration } from "../support/fakeEngine";
import { callRpc, startPlugin, type PluginProcess } from "../support/pluginProcess";

/*
 * The component package as other languages reach it: the provider is started the way the engine starts
 * a PulumiPlugin.yaml nodejs plugin (@pulumi/pulumi's run-plugin on the repository, which finds the
 * ComponentResource exports of index.ts and serves them with componentProviderHost), then, over gRPC on
 * loopback, the test plays the engine: GetSchema, then Construct for BackupEstate with the args of the
 * YAML and Python examples, while a fake monitor records what the component registers.
 */

const providerRpc = require("@pulumi/pulumi/proto/provider_grpc_pb") as any;
const providerPb = require("@pulumi/pulumi/proto/provider_pb") as any;
const { Struct } = require("google-protobuf/google/protobuf/struct_pb") as any;

/** How the engine marks an output value (a value with dependencies) inside a property struct. */
const SIG_KEY = "4dabf18193072939515e22adb298388d";
const OUTPUT_VALUE_SIG = "d0e6a833031e9bbcd3f4e8bde6ca49a4";
const EXAMPLES = path.join(PACKAGE_ROOT, "examples");
let engine: FakeEngine;
let plugin: PluginProcess;
let client: any;

beforeAll(async () => {
  engine = new FakeEngine("backup-example", "dev");
  await engine.start();
  plugin = await startPlugin([require.resolve("@pulumi/pulumi/cmd/run-plugin"), PACKAGE_ROOT, `127.0.0.1:${engine.port}`], PACKAGE_ROOT);
  client = new providerRpc.ResourceProviderClient(`127.0.0.1:${plugin.port}`, grpc.credentials.createInsecure());
}, 600_000);

afterAll(() => {
  client?.close();
  plugin?.stop();
  engine?.stop();
});

async function construct(name: string, inputs: Record<string, unknown>, config: Record<string, string>): Promise<{ urn: string; state: Record<string, any>; registered: Registration[] }> {
  const before = engine.registrations.length;
  const req = new providerPb.ConstructRequest();
  req.setProject("backup-example");
  req.setStack("dev");
  req.setDryrun(true);
  req.setParallel(4);
  req.setMonitorendpoint(`127.0.0.1:${engine.port}`);
  req.setType("azure-vm-backup:index:BackupEstate");
  req.setName(name);
  req.setInputs(Struct.fromJavaScript(inputs));
  for (const [k, v] of Object.entries(config)) req.getConfigMap().set(k, v);
  const resp: any = await callRpc(client, "construct", req);
  return { urn: resp.getUrn(), state: resp.getState().toJavaScript(), registered: engine.registrations.slice(before) };
}

const ofType = (rs: Registration[], type: string) => rs.filter((r) => r.type === type);

describe("component provider over gRPC", () => {
  it("GetSchema returns the checked-in schema.json", async () => {
    const resp: any = await callRpc(client, "getSchema", new providerPb.GetSchemaRequest());
    expect(JSON.parse(resp.getSchema())).toEqual(JSON.parse(fs.readFileSync(SCHEMA_FILE, "utf8")));
  }, 600_000);

  it("Construct builds the YAML example's estate: vault, policy and item with the values Azure receives", async () => {
    const program = parse(fs.readFileSync(path.join(EXAMPLES, "yaml", "Pulumi.yaml"), "utf8"));
    const resource = program.resources.backup;
    expect(resource.type).toBe("azure-vm-backup:BackupEstate");
    const { urn, state, registered } = await construct("backup", resource.properties, { "azure-native:location": program.config["azure-native:location"].value });
    expect(urn).toBe("urn:pulumi:dev::backup-example::azure-vm-backup:index:BackupEstate::backup");
    const [vault] = ofType(registered, "azure-native:recoveryservices:Vault");
    expect(vault!.inputs).toMatchObject({ vaultName: "rsv-backup-yaml", location: "westeurope", properties: { redundancySettings: { standardTierStorageRedundancy: "ZoneRedundant" } } });
    expect(vault!.protect).toBe(true);
    const [policy] = ofType(registered, "azure-native:recoveryservices:ProtectionPolicy");
    expect(policy!.inputs.policyName).toBe("daily-standard");
    expect(policy!.inputs.properties).toMatchObject({ backupManagementType: "AzureIaasVM", timeZone: "W. Europe Standard Time", retentionPolicy: { weeklySchedule: { daysOfTheWeek: ["Sunday"], retentionDuration: { count: 12, durationType: "Weeks" } } } });
    const [item] = ofType(registered, "azure-native:recoveryservices:ProtectedItem");
    expect(item!.inputs).toMatchObject({ containerName: "iaasvmcontainer;iaasvmcontainerv2;rg-app;app-01", protectedItemName: "vm;iaasvmcontainerv2;rg-app;app-01", vaultName: "rsv-backup-yaml" });
    expect(item!.inputs.properties.sourceResourceId).toBe(resource.properties.vms[0].id);
    expect(state.vaultId).toBe("rsv-backup-yaml-vault_id");
    expect(Object.keys(state.policyIds)).toEqual(["daily-standard"]);
  }, 600_000);

  it("Construct builds the Python example's estate: an Enhanced hourly policy and a same-program VM", async () => {
    const python = fs.readFileSync(path.join(EXAMPLES, "python", "__main__.py"), "utf8");
    // The Python program's args, as its generated SDK sends them (snake_case -> the schema's camelCase).
    // vm.id and vm.location are outputs of the VM resource: the engine sends them as output values with their dependency.
    const vmUrn = "urn:pulumi:dev::backup-example::azure-native:compute:VirtualMachine::app-02";
    const output = (value: string) => ({ [SIG_KEY]: OUTPUT_VALUE_SIG, value, dependencies: [vmUrn] });
    const vmId = "/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg-app/providers/Microsoft.Compute/virtualMachines/app-02";
    const inputs = {
      vault: { name: "rsv-backup-py", resourceGroupName: "rg-backup-py", location: "westeurope" },
      policies: { "enhanced-hourly": { tier: "Enhanced", schedule: { frequency: "Hourly", time: "08:00", intervalHours: 4, windowHours: 12 }, retention: { daily: 14 } } },
      vms: [{ id: output(vmId), name: "app-02", policy: "enhanced-hourly", os: "Windows", location: output("westeurope") }],
    };
    for (const text of ['name="rsv-backup-py"', 'resource_group_name="rg-backup-py"', '"enhanced-hourly"', "PolicyTier.ENHANCED", "Frequency.HOURLY", 'time="08:00"', "interval_hours=4", "window_hours=12", "daily=14", 'name="app-02"', "OsType.WINDOWS", vmId]) {
      expect(python).toContain(text);
    }
    const { registered } = await construct("backup-py", inputs, {});
    const [policy] = ofType(registered, "azure-native:recoveryservices:ProtectionPolicy");
    expect(policy!.inputs.properties).toMatchObject({ policyType: "V2", schedulePolicy: { scheduleRunFrequency: "Hourly", hourlySchedule: { interval: 4, scheduleWindowDuration: 12, scheduleWindowStartTime: "2024-01-01T08:00:00Z" } } });
    const [item] = ofType(registered, "azure-native:recoveryservices:ProtectedItem");
    expect(item!.name).toBe("app-02-item");
    expect(item!.inputs.properties.sourceResourceId).toBe(vmId);
    expect(item!.inputs.containerName).toBe("iaasvmcontainer;iaasvmcontainerv2;rg-app;app-02");
    expect(item!.dependencies).toContain(vmUrn);
  }, 600_000);

  it("Construct refuses bad args with the stack's key-path messages and registers nothing", async () => {
    const before = engine.registrations.length;
    const err = await construct("bad", { vault: { name: "1bad", resourceGroupName: "rg", location: "westeurope" }, policies: { p1: { schedule: { frequency: "Daily", time: "22:15" }, retention: { daily: 30 } } } }, {}).catch((e: Error) => e);
    const message = String((err as Error).message);
    expect(message).toContain("Invalid azure-vm-backup configuration (3 problems)");
    expect(message).toContain('policies.p1.schedule.time: must be a time "HH:MM" on the hour or half hour');
    expect(message).toContain("vault.name: must be 2-50 letters, digits or hyphens, starting with a letter");
    expect(engine.registrations.slice(before).filter((r) => r.type !== "pulumi:pulumi:Stack")).toEqual([]);
  }, 600_000);

  it("Construct fails with the stack's message when a same-program VM's known region breaks a rule, and registers no item", async () => {
    const vmUrn = "urn:pulumi:dev::backup-example::azure-native:compute:VirtualMachine::app-03";
    const output = (value: string) => ({ [SIG_KEY]: OUTPUT_VALUE_SIG, value, dependencies: [vmUrn] });
    const before = engine.registrations.length;
    const logsBefore = engine.logs.length;
    const inputs = {
      vault: { name: "rsv-backup-py", resourceGroupName: "rg-backup-py", location: "westeurope" },
      policies: { daily: { schedule: { frequency: "Daily", time: "22:00" }, retention: { daily: 30 } } },
      vms: [{ id: output("/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg-app/providers/Microsoft.Compute/virtualMachines/app-03"), name: "app-03", policy: "daily", os: "Linux", location: output("northeurope") }],
    };
    const err = await construct("backup-region", inputs, {}).then(() => undefined, (e: Error) => e);
    const said = `${err?.message ?? ""}\n${engine.logs.slice(logsBefore).join("\n")}`;
    expect(said).toContain("vms[0].id: is in northeurope but the vault is in westeurope; a VM can only be backed up to a vault in its own region");
    expect(engine.registrations.slice(before).filter((r) => r.type === "azure-native:recoveryservices:ProtectedItem")).toEqual([]);
  }, 600_000);
});
