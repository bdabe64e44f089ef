import { clipMessage } from "./quote";

/** One problem in the configuration, located by its key path in the user's vocabulary. */
export interface ConfigIssue {
  /** Dotted key path, e.g. `policies.daily-standard.retention.daily` or `vms[2].policy`. */
  readonly path: string;
  /** What is wrong and what is allowed, e.g. `must be between 7 and 9999 (got 3)`. */
  readonly message: string;
}

export function formatIssue(issue: ConfigIssue): string {
  return issue.path ? `${issue.path}: ${issue.message}` : issue.message;
}

/**
 * The issues as printed: every message quotes at most about 100 characters of a value, whichever check
 * wrote it; two checks that find the same problem (a secret where a name goes) say it once; by path.
 */
export function tidyIssues(issues: readonly ConfigIssue[]): ConfigIssue[] {
  const clipped = issues.map((i) => ({ path: clipMessage(i.path), message: clipMessage(i.message) }));
  return clipped.filter((i, n) => clipped.findIndex((j) => j.path === i.path && j.message === i.message) === n).sort((a, b) => a.path.localeCompare(b.path));
}

/** `<heading> (N problems):` and one indented line per issue: how every input error is printed. */
export function issueListMessage(heading: string, issues: readonly ConfigIssue[]): string {
  return `${heading} (${issues.length} problem${issues.length === 1 ? "" : "s"}):\n${issues.map((i) => `  - ${formatIssue(i)}`).join("\n")}`;
}

/**
 * Thrown once, before any resource is declared, with every issue found; the message lists them
 * one per line so a user fixes the whole configuration in one pass.
 */
export class ConfigError extends Error {
  readonly issues: readonly ConfigIssue[];

  constructor(issues: readonly ConfigIssue[], heading = "Invalid azure-vm-backup configuration") {
    const sorted = tidyIssues(issues);
    super(issueListMessage(heading, sorted));
    this.name = "ConfigError";
    this.issues = sorted;
  }
}

/** Joins key path segments the way users write them: `a.b`, `vms[2].id`. */
export function joinPath(...segments: ReadonlyArray<string | number>): string {
  let out = "";
  for (const s of segments) {
    if (typeof s === "number") out += `[${s}]`;
    else if (s === "") continue;
    else out += out ? `.${s}` : s;
  }
  return out;
}
