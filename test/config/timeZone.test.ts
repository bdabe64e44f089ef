import { describe, expect, it } from "vitest";
import { resolveTimeZone, windowsTimeZoneIds } from "../../infra/config/timeZone";

describe("time zones", () => {
  it("resolves Windows IDs in any case and IANA names, trimming spaces", () => {
    expect(resolveTimeZone(" w. europe standard time ")).toEqual({ ok: true, windowsId: "W. Europe Standard Time" });
    expect(resolveTimeZone(" Europe/Berlin ")).toEqual({ ok: true, windowsId: "W. Europe Standard Time" });
    expect(resolveTimeZone("Mars/Olympus")).toEqual({
      ok: false,
      message: 'must be a Windows time zone ID such as UTC, W. Europe Standard Time or Pacific Standard Time, or an IANA name such as Europe/Berlin (got "Mars/Olympus")',
    });
  });

  it("lists each Windows ID once, sorted", () => {
    const ids = windowsTimeZoneIds();
    expect(ids).toContain("UTC");
    expect(ids).toContain("W. Europe Standard Time");
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });
});
