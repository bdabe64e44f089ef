import * as pulumi from "@pulumi/pulumi";
import { deserializeProperties } from "@pulumi/pulumi/runtime/rpc";
import { armIdFor } from "./armIds";
import { unwrapSecrets, type RecordedResource } from "./recordedResource";

/** Answers a provider function call (an invoke) offline, or returns undefined if it cannot. */
export type InvokeHandler = (token: string, inputs: Record<string, unknown>) => Record<string, unknown> | undefined;

export interface MockEngineOptions {
  readonly subscriptionId: string;
  readonly invoke?: InvokeHandler;
}

/** Records every registration the program makes under Pulumi's mock monitor. */
export class MockEngine {
  readonly resources: RecordedResource[] = [];
  /** Invokes nobody could answer: the run fails with them rather than hiding a missing mock. */
  readonly unansweredInvokes: string[] = [];

  constructor(private readonly options: MockEngineOptions) {}

  mocks(): pulumi.runtime.Mocks {
    return {
      newResource: (args) => {
        const inputs = unwrapSecrets(args.inputs) as Record<string, unknown>;
        const built = armIdFor(args.type, inputs, this.options.subscriptionId, args.name);
        // An imported resource keeps the ID it has in Azure (`import` option), as the real engine does.
        const id = args.id || built.id;
        return { id, state: { ...args.inputs, name: built.name, id } };
      },
      call: (args) => {
        const inputs = unwrapSecrets(args.inputs) as Record<string, unknown>;
        let answer: Record<string, unknown> | undefined;
        try {
          answer = this.options.invoke?.(args.token, inputs);
        } catch (err) {
          // A handler throws to answer as Azure does with an error. The SDK rethrows an invoke's gRPC
          // error from its `details`, so the program sees the same message as from the real engine.
          throw Object.assign(new Error(String((err as Error).message ?? err)), { details: String((err as Error).message ?? err) });
        }
        if (answer === undefined) {
          this.unansweredInvokes.push(args.token);
          return {};
        }
        return answer;
      },
    };
  }

  /**
   * Wraps the monitor so the recorder sees what mocks hide: parent, protect, dependencies,
   * aliases and provider versions are only on the register request.
   */
  attach(): void {
    const monitor = pulumi.runtime.getMonitor() as unknown as {
      registerResource(req: RegisterRequest, cb: (err: unknown, resp?: { getUrn(): string; getId(): string }) => void): void;
      registerResourceOutputs(req: RegisterOutputsRequest, cb: (err: unknown, resp?: unknown) => void): void;
      newUrn(parent: string, type: string, name: string): string;
    };
    // Component outputs (e.g. which extension and consistency a VM gets) are only on this request.
    const originalOutputs = monitor.registerResourceOutputs.bind(monitor);
    monitor.registerResourceOutputs = (req, cb) => {
      const index = this.resources.findIndex((r) => r.urn === req.getUrn());
      if (index >= 0) {
        const outputs = unwrapSecrets(deserializeProperties(req.getOutputs() as Parameters<typeof deserializeProperties>[0])) as Record<string, unknown>;
        this.resources[index] = { ...this.resources[index]!, outputs };
      }
      originalOutputs(req, cb);
    };
    monitor.newUrn = engineUrn;
    const original = monitor.registerResource.bind(monitor);
    monitor.registerResource = (req, cb) => {
      original(req, (err, resp) => {
        if (!err && resp) this.resources.push(this.record(req, resp.getUrn(), resp.getId()));
        cb(err, resp);
      });
    };
  }

  private record(req: RegisterRequest, urn: string, id: string): RecordedResource {
    const secretPaths: string[] = [];
    const inputs = unwrapSecrets(deserializeProperties(req.getObject() as Parameters<typeof deserializeProperties>[0]), "", secretPaths) as Record<string, unknown>;
    const propertyDependencies: Record<string, string[]> = {};
    req.getPropertydependenciesMap().forEach((deps, key) => {
      propertyDependencies[key] = deps.getUrnsList();
    });
    return {
      urn,
      type: req.getType(),
      name: req.getName(),
      custom: req.getCustom(),
      parent: req.getParent() || undefined,
      id: id || undefined,
      inputs,
      secretPaths,
      protect: req.getProtect() === true,
      retainOnDelete: req.getRetainondelete() === true,
      deleteBeforeReplace: req.getDeletebeforereplace(),
      ignoreChanges: req.getIgnorechangesList(),
      replaceOnChanges: req.getReplaceonchangesList(),
      dependencies: req.getDependenciesList(),
      propertyDependencies,
      provider: req.getProvider() || undefined,
      version: req.getVersion() || undefined,
      aliasCount: req.getAliasesList().length,
      ...(req.getImportid() && { importId: req.getImportid() }),
    };
  }
}

/**
 * The URN the real engine gives: the parent's full qualified type chain, except that children of
 * the root stack carry no `pulumi:pulumi:Stack$` prefix (the mock monitor gets both wrong).
 */
export function engineUrn(parent: string, type: string, name: string): string {
  const stackName = pulumi.getStack();
  const project = pulumi.getProject();
  let qualified = type;
  if (parent) {
    const parentType = parent.split("::")[2] ?? "";
    if (parentType !== "pulumi:pulumi:Stack") qualified = `${parentType}$${type}`;
  }
  return `urn:pulumi:${stackName}::${project}::${qualified}::${name}`;
}

interface RegisterOutputsRequest {
  getUrn(): string;
  getOutputs(): unknown;
}

interface RegisterRequest {
  getType(): string;
  getName(): string;
  getParent(): string;
  getCustom(): boolean;
  getObject(): unknown;
  getProtect(): boolean | undefined;
  getRetainondelete(): boolean | undefined;
  getDeletebeforereplace(): boolean;
  getIgnorechangesList(): string[];
  getReplaceonchangesList(): string[];
  getDependenciesList(): string[];
  getPropertydependenciesMap(): { forEach(cb: (deps: { getUrnsList(): string[] }, key: string) => void): void };
  getProvider(): string;
  getVersion(): string;
  getAliasesList(): unknown[];
  getImportid(): string;
}
