import { joinPath, type ConfigIssue } from "../config/configError";
import { SECRET_CANNOT_SERVE, SECRET_VALUE_PLACEHOLDER } from "../config/secretValue";

/** Where a secret can serve: Linux script parameters, which reach the VM as protected parameters. */
const SECRET_CAPABLE = /^vms\[\d+\]\.scripts\.(pre|post)ScriptParams\[\d+\]$/;

function placeholders(value: unknown, path: string, found: string[]): string[] {
  if (value === SECRET_VALUE_PLACEHOLDER) found.push(path);
  else if (Array.isArray(value)) value.forEach((v, i) => placeholders(v, joinPath(path, i), found));
  else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) placeholders(v, joinPath(path, k), found);
  return found;
}

/**
 * `secure:` values of a stack file read offline (opaque placeholders): accepted where a secret can
 * serve, with a warning naming the checks that could not run; refused everywhere else, saying why.
 */
export function validateSecretPlacement(own: Readonly<Record<string, unknown>>): { issues: ConfigIssue[]; warnings: ConfigIssue[] } {
  const issues: ConfigIssue[] = [];
  const warnings: ConfigIssue[] = [];
  for (const path of placeholders(own, "", [])) {
    if (SECRET_CAPABLE.test(path)) {
      warnings.push({ path, message: "is a secret: offline it is an opaque placeholder, so its content was not checked; the plan shows [secret] and Azure receives it in the run command's protected parameters" });
    } else {
      issues.push({ path, message: SECRET_CANNOT_SERVE });
    }
  }
  return { issues, warnings };
}
