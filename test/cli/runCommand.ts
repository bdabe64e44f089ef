import { spawnSync } from "node:child_process";
import * as path from "node:path";

export const ROOT = path.resolve(__dirname, "..", "..");

/** Runs `npm run <script>` the way a user does (tsx entry point, fresh process), without npm's own banner. */
export function runScript(script: "plan" | "review", args: readonly string[]): { status: number | null; stdout: string; stderr: string } {
  const entry = path.join(ROOT, "infra", "cli", `${script}.ts`);
  const result = spawnSync(process.execPath, ["--require", "tsx/cjs", entry, ...args], { cwd: ROOT, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
