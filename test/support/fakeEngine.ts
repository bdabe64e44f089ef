/* eslint-disable @typescript-eslint/no-require-imports, @typescript-eslint/no-explicit-any -- the generated gRPC stubs are untyped JavaScript */
import * as grpc from "@grpc/grpc-js";

const resourceRpc = require("@pulumi/pulumi/proto/resource_grpc_pb") as any;
const resourcePb = require("@pulumi/pulumi/proto/resource_pb") as any;
const engineRpc = require("@pulumi/pulumi/proto/engine_grpc_pb") as any;
const enginePb = require("@pulumi/pulumi/proto/engine_pb") as any;
const { Struct } = require("google-protobuf/google/protobuf/struct_pb") as any;
const { Empty } = require("google-protobuf/google/protobuf/empty_pb") as any;

/** One registration a provider made through the monitor, as the engine would record it. */
export interface Registration {
  readonly urn: string;
  readonly type: string;
  readonly name: string;
  readonly custom: boolean;
  readonly parent: string;
  readonly inputs: Record<string, any>;
  readonly protect: boolean;
  readonly dependencies: readonly string[];
}

/** Features the SDK asks about; everything else is answered "not supported". */
const FEATURES = new Set(["secrets", "resourceReferences", "aliasSpecs", "deletedWith"]);

/**
 * The engine side of a Construct call, on loopback: the Engine service (logs, root resource) and a
 * ResourceMonitor that records each registration and answers like a preview under mocks (custom
 * resources get `<name>_id`, outputs echo inputs). Nothing is deployed.
 */
export class FakeEngine {
  readonly registrations: Registration[] = [];
  readonly logs: string[] = [];
  private server = new grpc.Server();
  port = 0;

  constructor(private readonly project: string, private readonly stack: string) {}

  async start(): Promise<void> {
    const reply = (resp: unknown) => (_call: unknown, cb: (err: null, r: unknown) => void) => cb(null, resp);
    this.server.addService(engineRpc.EngineService, {
      log: (call: any, cb: any) => {
        this.logs.push(`${call.request.getSeverity()}: ${call.request.getMessage()}`);
        cb(null, new Empty());
      },
      getRootResource: reply(new enginePb.GetRootResourceResponse()),
      setRootResource: reply(new enginePb.SetRootResourceResponse()),
    });
    this.server.addService(resourceRpc.ResourceMonitorService, {
      supportsFeature: (call: any, cb: any) => {
        const resp = new resourcePb.SupportsFeatureResponse();
        resp.setHassupport(FEATURES.has(call.request.getId()));
        cb(null, resp);
      },
      registerResource: (call: any, cb: any) => cb(null, this.register(call.request)),
      registerResourceOutputs: reply(new Empty()),
    });
    this.port = await new Promise<number>((resolve, reject) =>
      this.server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (err, port) => (err ? reject(err) : resolve(port))),
    );
  }

  stop(): void {
    this.server.forceShutdown();
  }

  private register(req: any): unknown {
    const type: string = req.getType();
    const name: string = req.getName();
    const parent: string = req.getParent();
    const parentType = parent ? parent.split("::")[2] : undefined;
    const qualified = parentType && !parentType.startsWith("pulumi:pulumi:Stack") ? `${parentType}$${type}` : type;
    const urn = `urn:pulumi:${this.stack}::${this.project}::${qualified}::${name}`;
    const inputs = (req.getObject()?.toJavaScript() ?? {}) as Record<string, any>;
    this.registrations.push({ urn, type, name, custom: req.getCustom(), parent, inputs, protect: req.getProtect(), dependencies: req.getDependenciesList() });
    const resp = new resourcePb.RegisterResourceResponse();
    resp.setUrn(urn);
    if (req.getCustom()) resp.setId(`${name}_id`);
    resp.setObject(Struct.fromJavaScript({ ...inputs, ...(req.getCustom() ? { id: `${name}_id`, name: inputs.vaultName ?? inputs.policyName ?? inputs.resourceGroupName ?? name } : {}) }));
    return resp;
  }
}
