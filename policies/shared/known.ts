// @pulumi/policy exports these at runtime, but its typings drop them (marked @internal).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { UnknownValueError } = require("@pulumi/policy") as { UnknownValueError: new (...args: never[]) => Error };

/**
 * Reads a value that may be unknown during `pulumi preview` (an ID of a resource not created yet).
 * The engine's property proxy throws on such reads; stack policies that can fall back to another
 * source (a dependency instead of an ID) use this, and let every other error through.
 */
export function whenKnown<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch (err) {
    if (err instanceof UnknownValueError) return undefined;
    throw err;
  }
}
