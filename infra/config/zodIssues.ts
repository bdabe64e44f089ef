import type { z } from "zod";
import { joinPath, type ConfigIssue } from "./configError";
import { SECRET_CANNOT_SERVE, SECRET_VALUE_PLACEHOLDER } from "./secretValue";

/** The schema library's issues as configuration issues: one path each, under `prefix`. */
export function zodIssues(error: z.ZodError, prefix: string): ConfigIssue[] {
  return error.issues.map((issue) => ({
    path: joinPath(prefix, ...issue.path.map((p) => (typeof p === "number" ? p : String(p)))),
    // A secret placeholder fails a name's pattern or a number's range: say why, not "got [secret]".
    message: (issue as { input?: unknown }).input === SECRET_VALUE_PLACEHOLDER ? SECRET_CANNOT_SERVE : issue.message,
  }));
}
