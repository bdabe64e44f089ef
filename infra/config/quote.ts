/** Characters of a value a message quotes: enough to recognise it, never a whole 10 MB blob. */
export const QUOTE_LIMIT = 100;

/** A value as messages quote it: JSON, cut to about QUOTE_LIMIT characters with the full length said. */
export function quote(value: unknown): string {
  if (typeof value === "string" && value.length > QUOTE_LIMIT) return `${JSON.stringify(value.slice(0, QUOTE_LIMIT))}... (${value.length} characters)`;
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > QUOTE_LIMIT + 2 ? `${text.slice(0, QUOTE_LIMIT)}... (${text.length} characters)` : text;
}

/** A message with every overlong run of text cut, whatever built it. */
export function clipMessage(message: string): string {
  if (message.length <= 4 * QUOTE_LIMIT) return message;
  return message.replace(/("(?:[^"\\]|\\.){100,}")|([^\s"]{120,})/g, (run) => `${run.slice(0, QUOTE_LIMIT)}... (${run.length} characters)`);
}
