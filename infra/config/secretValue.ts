/**
 * A `secure:` value as the configuration reads it offline, where there is no key to decrypt it: an
 * opaque placeholder that stays secret (the plan shows it as is).
 */
export const SECRET_VALUE_PLACEHOLDER = "[secret]";

/** Said wherever a secret stands for a value Azure shows anyway (a name, a region, a setting). */
export const SECRET_CANNOT_SERVE =
  "is a secret (secure:) value, which cannot serve here: Azure shows this value to anyone who can read the resource, so encrypting it hides nothing, and offline it cannot be checked; write it in plain text";

/** Settings whose values are secret whether or not the stack file encrypts them: Linux script parameters. */
const SECRET_SETTINGS = new Set(["preScriptParams", "postScriptParams"]);

function maskIn(value: unknown): { value: unknown; masked: boolean } {
  if (Array.isArray(value)) {
    const items = value.map(maskIn);
    return { value: items.map((i) => i.value), masked: items.some((i) => i.masked) };
  }
  if (value === null || typeof value !== "object") return { value, masked: false };
  let masked = false;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (SECRET_SETTINGS.has(k) && Array.isArray(v)) {
      out[k] = v.map(() => SECRET_VALUE_PLACEHOLDER);
      masked = masked || v.length > 0;
    } else {
      const inner = maskIn(v);
      out[k] = inner.value;
      masked = masked || inner.masked;
    }
  }
  return { value: out, masked };
}

/**
 * A configuration value as outputs may show it: script parameters, at any depth of a JSON-encoded
 * value, as `[secret]`; any other value unchanged, byte for byte.
 */
export function maskSecretSettings(value: string): string {
  // Stryker disable next-line ConditionalExpression,StringLiteral: a shortcut only; without it nothing is masked and the value comes back unchanged
  if (!value.includes("ScriptParams")) return value;
  try {
    const result = maskIn(JSON.parse(value));
    return result.masked ? JSON.stringify(result.value) : value;
  } catch {
    return value;
  }
}
