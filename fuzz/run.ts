import fc from "fast-check";
import { emptyTally, hostileStackTextFrom, sampleEstates, tally } from "../test/support/hostileConfigs";

/**
 * `npm run fuzz [-- RUNS [SEED]]`: the configuration reader (YAML text to plan) on RUNS careless and
 * hostile stack files (default 6000). Prints how many ended in a plan, a configuration error, or
 * anything else, and how many plans Azure would refuse; exits 1 when there is any of the last two.
 */
function main(): void {
  const runs = Number(process.argv[2] ?? 6000);
  const seed = Number(process.argv[3] ?? Date.now() % 1_000_000);
  if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(seed)) {
    process.stderr.write("usage: npm run fuzz -- [RUNS] [SEED]\n");
    process.exitCode = 1;
    return;
  }
  const t = emptyTally();
  const started = Date.now();
  fc.assert(fc.property(hostileStackTextFrom(sampleEstates(200, seed)), (text) => void tally(text, t)), { numRuns: runs, seed });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const lines = [
    `Configuration reader fuzz (seed ${seed}): ${t.tried} configurations in ${seconds} s`,
    `  plans:                 ${t.plans}`,
    `  configuration errors:  ${t.configErrors}`,
    `  anything else:         ${t.crashes.length}`,
    `  plans Azure refuses:   ${t.acceptedButRefused.length}`,
  ];
  for (const c of t.crashes.slice(0, 5)) lines.push("", `crash: ${String((c.error as Error)?.stack ?? c.error).split("\n").slice(0, 4).join("\n  ")}`, `input: ${c.text.slice(0, 400)}`);
  for (const a of t.acceptedButRefused.slice(0, 5)) lines.push("", `accepted though Azure refuses (${a.findings.join("; ")}):`, a.text.slice(0, 400));
  process.stdout.write(`${lines.join("\n")}\n`);
  if (t.crashes.length > 0 || t.acceptedButRefused.length > 0) process.exitCode = 1;
}

main();
