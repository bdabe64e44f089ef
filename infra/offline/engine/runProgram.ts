import * as pulumi from "@pulumi/pulumi";
import { runInPulumiStack } from "@pulumi/pulumi/runtime/stack";
import { PROJECT_NAME, type RawStackConfig } from "../../config/backupConfig";
import { defineStack } from "../../stack";
import { ZERO_SUBSCRIPTION } from "./armIds";
import { EMPTY_INVENTORY, inventoryInvokeHandler } from "./inventory";
import { MockEngine, type InvokeHandler } from "./mockEngine";
import type { RecordedResource } from "./recordedResource";

// waitForRPCs is marked @internal (absent from the typings) but is the runtime's own way to drain
// every pending registration, which the recorder needs before it is read.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { waitForRPCs } = require("@pulumi/pulumi/runtime/settings") as { waitForRPCs(): Promise<void> };

export interface RunProgramOptions {
  readonly config: RawStackConfig;
  readonly secretKeys?: readonly string[];
  readonly stack?: string;
  /** Answers provider function calls; unanswered ones fail the run. Default: an empty inventory (no VM is found). */
  readonly invoke?: InvokeHandler;
  /** The program to run; the real stack program unless a test or benchmark swaps it. */
  readonly program?: () => unknown;
}

export interface ProgramRun {
  readonly stack: string;
  readonly resources: readonly RecordedResource[];
  readonly outputs: Record<string, unknown>;
  /** What the program logged as warnings (`pulumi.log.warn`), in order: the caller decides where they go. */
  readonly programWarnings: readonly string[];
}

/** Raised when the program itself failed; the message is what the Pulumi CLI would print. */
export class ProgramError extends Error {
  constructor(
    message: string,
    /** What had been registered when the program failed (proves "nothing declared" for bad config). */
    readonly resources: readonly RecordedResource[] = [],
  ) {
    super(message);
    this.name = "ProgramError";
  }
}

/**
 * The Pulumi SDK captures and formats `new Error().stack` for every promise it creates (several per
 * resource property, kept for its leak report) and for every resource (its source position). Under tsx
 * each frame is also mapped through source maps. Profiled on a 1,000-VM plan with an extension and a run
 * command per VM: 6.8 of 14.5 CPU seconds went to source-mapped stacks and most of the rest of the
 * program's time to formatting them. Offline runs report errors by message (ConfigError, RunError),
 * never by those stacks, so while the program runs stacks are neither captured nor source-mapped.
 * `AZURE_VM_BACKUP_STACKS=1` keeps them, for debugging the program itself.
 * Returns the function that restores the previous settings.
 */
function withoutPromiseStacks(): () => void {
  if (process.env.AZURE_VM_BACKUP_STACKS === "1") return () => undefined;
  const previousLimit = Error.stackTraceLimit;
  const previousMaps = process.sourceMapsEnabled;
  Error.stackTraceLimit = 0;
  process.setSourceMapsEnabled(false);
  return () => {
    Error.stackTraceLimit = previousLimit;
    process.setSourceMapsEnabled(previousMaps);
  };
}

const RUNTIME_WARNING = "warning: [runtime] ";

/**
 * Without an engine, `pulumi.log.warn` writes to the console. An offline run collects those warnings
 * instead, so a command prints each once, where it belongs (the summary, or stderr beside JSON).
 * Returns the collected list and the function that restores the console.
 */
function collectProgramWarnings(): { warnings: string[]; restore: () => void } {
  const warnings: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => {
    const text = args.map(String).join(" ");
    if (text.startsWith(RUNTIME_WARNING)) warnings.push(text.slice(RUNTIME_WARNING.length));
    else original(...args);
  };
  return { warnings, restore: () => (console.warn = original) };
}

/**
 * Runs the stack program on Pulumi's mock engine with a stack's configuration and records every
 * registration. Pulumi's runtime state is process-global: run one program per process at a time.
 */
export async function runProgram(options: RunProgramOptions): Promise<ProgramRun> {
  const stack = options.stack ?? "dev";
  const subscriptionId = options.config["azure-native:subscriptionId"] ?? options.config["azure:subscriptionId"] ?? ZERO_SUBSCRIPTION;
  const engine = new MockEngine({ subscriptionId, invoke: options.invoke ?? inventoryInvokeHandler(EMPTY_INVENTORY) });
  await pulumi.runtime.setMocks(engine.mocks(), PROJECT_NAME, stack, true);
  pulumi.runtime.setAllConfig({ ...options.config }, [...(options.secretKeys ?? [])]);
  engine.attach();

  const program = options.program ?? defineStack;
  // The program's own failure is caught inside the stack callback and rethrown after the engine
  // drained: a rejection escaping the Stack resource would also surface as unhandled rejections.
  let failure: unknown;
  let outputs: Record<string, unknown>;
  const restoreStacks = withoutPromiseStacks();
  const collected = collectProgramWarnings();
  try {
    outputs = (await runInPulumiStack(async () => {
      try {
        return await program();
      } catch (err) {
        failure = err;
        return {};
      }
    })) as Record<string, unknown>;
    await waitForRPCs();
  } finally {
    restoreStacks();
    collected.restore();
  }
  if (failure !== undefined) {
    // No summary will list them: the console gets them, as the real engine would have shown them.
    for (const warning of collected.warnings) console.warn(`${RUNTIME_WARNING}${warning}`);
    if (failure instanceof pulumi.RunError || failure instanceof pulumi.ResourceError) {
      throw new ProgramError(failure.message, [...engine.resources]);
    }
    throw failure;
  }
  if (engine.unansweredInvokes.length > 0) {
    throw new ProgramError(`the program called functions that have no offline answer: ${[...new Set(engine.unansweredInvokes)].join(", ")}`, engine.resources);
  }
  return { stack, resources: engine.resources, outputs, programWarnings: collected.warnings };
}
