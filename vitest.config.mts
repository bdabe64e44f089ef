import { defineConfig } from "vitest/config";

/*
 * Two pools, sharing the machine's cores (see docs/development.md, "Test loop timings").
 * - in-process: every file that runs its code inside the test process. The files run one after
 *   another in a few long-lived processes (`isolate: false`), so Pulumi and the providers load once
 *   per worker instead of once per file; resetPulumiRuntime.ts puts Pulumi's process-global state
 *   back to a fresh process's after each file.
 * - processes: files that start the CLI, or the policy pack's gRPC server, as child processes.
 *   Each gets a process of its own, as before: they hold children, ports and handles.
 */
const PROCESSES = ["test/cli/endToEnd.test.ts", "test/policies/grpcAgreement.test.ts", "test/policies/packTarball.test.ts", "test/package/provider.test.ts", "test/package/typescriptConsumer.test.ts"];

export default defineConfig({
  test: {
    // vitest's default is one worker fewer than the cores: a single worker on a 2-core machine,
    // while the main process mostly waits.
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: "in-process",
          include: ["test/**/*.test.ts"],
          exclude: PROCESSES,
          pool: "forks",
          isolate: false,
          setupFiles: ["test/support/resetPulumiRuntime.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "processes",
          include: PROCESSES,
          pool: "forks",
          isolate: true,
          // Each test waits for whole CLI runs: on a loaded machine that is slow, not wrong.
          testTimeout: 300_000,
        },
      },
    ],
  },
});
