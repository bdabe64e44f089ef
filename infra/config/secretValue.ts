/**
 * A `secure:` value as the configuration reads it offline, where there is no key to decrypt it: an
 * opaque placeholder that stays secret (the plan shows it as is).
 */
export const SECRET_VALUE_PLACEHOLDER = "[secret]";

/** Said wherever a secret stands for a value Azure shows anyway (a name, a region, a setting). */
export const SECRET_CANNOT_SERVE =
  "is a secret (secure:) value, which cannot serve here: Azure shows this value to anyone who can read the resource, so encrypting it hides nothing, and offline it cannot be checked; write it in plain text";
