import fs from "node:fs";
import { parseDocument, type Document } from "yaml";
import { issueListMessage, tidyIssues, type ConfigIssue } from "../../config/configError";
import { describeFileError } from "./fileErrors";

/**
 * A file the tools were pointed at (stack file, inventory, saved preview, policy configuration) that
 * cannot be read or is not well-formed: a problem with the input file, not with settings Azure would
 * reject, which stay ConfigErrors. Printed like them: a heading, then one line per problem naming the
 * file (and line).
 */
export class FileInputError extends Error {
  readonly issues: readonly ConfigIssue[];

  constructor(issues: readonly ConfigIssue[], heading: string) {
    const sorted = tidyIssues(issues);
    super(issueListMessage(heading, sorted));
    this.name = "FileInputError";
    this.issues = sorted;
  }
}

/** The file's text. @throws FileInputError naming the file and the reason in words (no such file, permission denied). */
export function readInputFile(file: string, what: string): string {
  try {
    return fs.readFileSync(file, "utf8");
  } catch (err) {
    throw new FileInputError([{ path: file, message: `cannot read ${what}: ${describeFileError(err)}` }], `Cannot read ${what}`);
  }
}

/** The YAML document in a file's text. @throws FileInputError naming each syntax error by file and line. */
export function parseYamlFile(file: string, text: string, what: string): Document {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) {
    throw new FileInputError(doc.errors.map((e) => ({ path: `${file}:${e.linePos?.[0]?.line ?? "?"}`, message: e.message.split("\n")[0]! })), `Cannot parse ${what}`);
  }
  return doc;
}
