import type { ConfigIssue } from "../config/configError";

/** One JSON object as Azure returned it, and where it was found. */
export interface ArmResource {
  readonly file: string;
  /** JSON path of the object in its file: "" (the file is the resource), `value[2]`, `[2]` or `data[2]`. */
  readonly at: string;
  readonly body: Record<string, unknown>;
}

/** A file's text, as the command line read it. */
export interface SourceFile {
  readonly name: string;
  readonly text: string;
}

export type Json = Record<string, unknown>;
export const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/** `value[2]` + `properties.policyId` -> `value[2].properties.policyId`. */
export function jsonPath(...parts: ReadonlyArray<string | number>): string {
  let out = "";
  for (const p of parts) {
    if (p === "") continue;
    if (typeof p === "number") out += `[${p}]`;
    else if (p.startsWith("[")) out += p;
    else out += out ? `.${p}` : p;
  }
  return out;
}

/** An issue located by file and JSON path, in the form every adoption message uses. */
export function issueAt(resource: Pick<ArmResource, "file" | "at">, path: string, message: string): ConfigIssue {
  const where = jsonPath(resource.at, path);
  return { path: where ? `${resource.file} ${where}` : resource.file, message };
}

/**
 * Splits files into resources: a GET body (an object with `id`), a list as the REST API returns it
 * (`{"value": [...]}`), as `az ... list` prints it (a JSON array), or as Azure Resource Graph
 * answers (`{"data": [...]}`).
 */
export function readArmDocuments(files: readonly SourceFile[]): { resources: ArmResource[]; issues: ConfigIssue[] } {
  const resources: ArmResource[] = [];
  const issues: ConfigIssue[] = [];
  for (const file of files) {
    let doc: unknown;
    try {
      doc = JSON.parse(file.text);
    } catch (err) {
      issues.push({ path: file.name, message: `is not JSON: ${(err as Error).message}` });
      continue;
    }
    const push = (item: unknown, at: string) => {
      if (isObject(item)) resources.push({ file: file.name, at, body: item });
      else issues.push(issueAt({ file: file.name, at }, "", `must be an Azure resource object (got ${JSON.stringify(item)?.slice(0, 40)})`));
    };
    if (Array.isArray(doc)) doc.forEach((item, i) => push(item, `[${i}]`));
    else if (isObject(doc) && Array.isArray(doc.value) && doc.id === undefined) doc.value.forEach((item, i) => push(item, `value[${i}]`));
    else if (isObject(doc) && Array.isArray(doc.data) && doc.id === undefined) doc.data.forEach((item, i) => push(item, `data[${i}]`));
    else push(doc, "");
  }
  return { resources, issues };
}

/** The resource's type, lower case (ARM types are case-insensitive). */
export const typeOf = (r: ArmResource): string => String(r.body.type ?? "").toLowerCase();
