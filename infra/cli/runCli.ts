import { CommanderError, type Command } from "commander";
import { ConfigError } from "../config/configError";
import { FileInputError } from "../offline/engine/fileInput";
import { ProgramError } from "../offline/engine/runProgram";

/** Errors a user can act on: printed as their message alone. */
function isExpected(err: unknown): err is Error {
  return err instanceof ConfigError || err instanceof FileInputError || err instanceof ProgramError;
}

/**
 * Runs a command and owns the process exit code: 0 on success, the action's code when it returns
 * one, 1 on any error. Nothing is written to stdout on failure, so `--json` output is all or nothing.
 */
export async function runCli(program: Command, argv = process.argv): Promise<void> {
  program.exitOverride();
  program.configureOutput({ writeErr: (s) => process.stderr.write(s) });
  try {
    await program.parseAsync(argv);
    process.exitCode ??= 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      process.exitCode = err.exitCode === 0 ? 0 : 1;
      return;
    }
    if (isExpected(err)) {
      process.stderr.write(`error: ${err.message}\n`);
    } else {
      process.stderr.write(`error: ${err instanceof Error ? err.message : String(err)}\n`);
      if (process.env.DEBUG && err instanceof Error) process.stderr.write(`${err.stack}\n`);
    }
    process.exitCode = 1;
  }
}
