import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { reviewCommand } from "../../infra/cli/review";

const ROOT = path.resolve(__dirname, "..", "..");
const EXAMPLE = path.join(ROOT, "docs", "examples", "dev-report.md");
// The gantt converts each policy's time zone to UTC with the offsets of the run date; a winter date keeps it stable.
const RUN_DATE = new Date("2026-01-15T12:00:00Z");

/** What `npm run review -- --markdown FILE` writes for the dev stack on RUN_DATE, through the command itself. */
async function reviewMarkdownOfDev(): Promise<string> {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "example-report-")), "dev-report.md");
  vi.useFakeTimers({ toFake: ["Date"], now: RUN_DATE });
  const stdout = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
  try {
    await reviewCommand().parseAsync(["--stack", "dev", "--markdown", file], { from: "user" });
  } finally {
    stdout.mockRestore();
    vi.useRealTimers();
  }
  return fs.readFileSync(file, "utf8");
}

afterEach(() => {
  process.exitCode = undefined;
});

describe("docs/examples/dev-report.md", () => {
  it("is the report `npm run review -- --markdown FILE` writes for the dev stack (refresh: UPDATE_EXAMPLES=1 npx vitest run test/docs/exampleReport.test.ts)", async () => {
    const report = await reviewMarkdownOfDev();
    if (process.env.UPDATE_EXAMPLES === "1") fs.writeFileSync(EXAMPLE, report);
    expect(process.exitCode ?? 0).toBe(0);
    expect(report).toContain("### Policy review");
    expect(fs.readFileSync(EXAMPLE, "utf8")).toBe(report);
  });
});
