import type { z } from "zod";
import { joinPath, type ConfigIssue } from "./configError";

/** The schema library's issues as configuration issues: one path each, under `prefix`. */
export function zodIssues(error: z.ZodError, prefix: string): ConfigIssue[] {
  return error.issues.map((issue) => ({
    path: joinPath(prefix, ...issue.path.map((p) => (typeof p === "number" ? p : String(p)))),
    message: issue.message,
  }));
}
