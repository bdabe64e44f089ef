import { WINDOWS_TO_IANA_MAP, findWindows } from "windows-iana";

/**
 * Azure Backup takes Windows time zone IDs (`W. Europe Standard Time`). The list comes from the
 * CLDR windowsZones table that the `windows-iana` package ships, so it follows Windows updates
 * without a hand-kept copy here.
 */
const WINDOWS_ZONES: ReadonlyMap<string, string> = new Map(
  WINDOWS_TO_IANA_MAP.map((entry) => [entry.windowsName.toLowerCase(), entry.windowsName] as const),
);

export type TimeZoneResolution = { ok: true; windowsId: string } | { ok: false; message: string };

/**
 * Resolves a configured time zone to the Windows ID Azure expects. Windows IDs match
 * case-insensitively; IANA names (`Europe/Berlin`) are converted, because Azure would reject them
 * with an opaque `BMSUserErrorInvalidPolicyInput`.
 */
export function resolveTimeZone(value: string): TimeZoneResolution {
  const windowsId = WINDOWS_ZONES.get(value.trim().toLowerCase());
  if (windowsId) return { ok: true, windowsId };
  const fromIana = findWindows(value.trim() as Parameters<typeof findWindows>[0]);
  if (fromIana && fromIana.length > 0) return { ok: true, windowsId: fromIana[0]! };
  return {
    ok: false,
    message: `must be a Windows time zone ID such as UTC, W. Europe Standard Time or Pacific Standard Time, or an IANA name such as Europe/Berlin (got ${JSON.stringify(value)})`,
  };
}
