import { spawn, type ChildProcess } from "node:child_process";

/** A plugin process started as the Pulumi engine starts it, and the loopback port it printed. */
export interface PluginProcess {
  readonly child: ChildProcess;
  readonly port: number;
  /** What the plugin wrote to stderr so far (for failure messages). */
  stderr(): string;
  stop(): void;
}

/**
 * Starts a plugin (policy pack, component provider) with Node and waits for the port its gRPC server
 * prints on stdout, the handshake the engine reads. No deadline of its own: the caller's hook timeout
 * bounds it, so a loaded machine only makes it slower, never flaky.
 */
export function startPlugin(args: readonly string[], cwd: string): Promise<PluginProcess> {
  const child = spawn(process.execPath, [...args], { cwd, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  let err = "";
  child.stderr!.on("data", (d: Buffer) => (err += d.toString()));
  return new Promise((resolve, reject) => {
    child.stdout!.on("data", (d: Buffer) => {
      out += d.toString();
      const m = /^(\d+)\s*$/m.exec(out);
      if (m) {
        resolve({
          child,
          port: Number(m[1]),
          stderr: () => err,
          stop: () => {
            if (child.exitCode === null) child.kill();
          },
        });
      }
    });
    child.on("exit", (code) => reject(new Error(`plugin exited with ${code} before printing its port: ${err}${out}`)));
  });
}

/** Calls a unary gRPC method with a callback-style client as a promise. */
export const callRpc = <T,>(client: Record<string, unknown>, method: string, request: unknown) =>
  new Promise<T>((resolve, reject) =>
    (client[method] as (req: unknown, cb: (err: Error | null, resp: T) => void) => void).call(client, request, (err, resp) => (err ? reject(err) : resolve(resp))),
  );
