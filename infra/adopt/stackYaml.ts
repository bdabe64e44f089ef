import { Document, isScalar, visit } from "yaml";
import type { ConfigIssue } from "../config/configError";
import { formatIssue } from "../config/configError";

/** A Pulumi.<stack>.yaml document: a comment on where it came from and what to check, then `config:`. */
export function renderStackYaml(config: Record<string, unknown>, header: readonly string[], notes: readonly ConfigIssue[] = []): string {
  const comments = [...header, ...(notes.length > 0 ? ["", "Azure's bodies left these out; the configuration sends its default:", ...notes.map(formatIssue)] : [])];
  const head = comments.map((line) => (line ? `# ${line}` : "#")).join("\n");
  return `${head}\n${toYaml({ config })}`;
}

/**
 * YAML with every string that looks like a number, time or date quoted: YAML 1.1 readers would
 * turn `22:00` into 1320 and `2018-01-24` into a timestamp.
 */
export function toYaml(value: unknown): string {
  const doc = new Document(value);
  visit(doc, {
    Scalar(_key, node) {
      if (isScalar(node) && typeof node.value === "string" && /^[-+.:\d]+$/.test(node.value)) node.type = "QUOTE_DOUBLE";
    },
  });
  return doc.toString({ lineWidth: 0 });
}
