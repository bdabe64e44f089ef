/** The first line of a failed look-up's error: provider errors carry the HTTP exchange below it. */
export function firstLine(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split("\n")[0]!.trim();
}

/**
 * Whether a failed read means "this does not exist" (an answer) rather than "could not ask" (no answer).
 * Azure says so with 404 / ResourceNotFound / *NotFound codes; anything else (403, throttling, network)
 * leaves the state unknown.
 */
export function isNotFound(err: unknown): boolean {
  return /\b404\b|NotFound|could not be found|was not found|does not exist/i.test(err instanceof Error ? err.message : String(err));
}
