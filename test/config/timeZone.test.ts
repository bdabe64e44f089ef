import { describe, expect, it } from "vitest";
import { resolveTimeZone } from "../../infra/config/timeZone";

describe("time zones", () => {
  it("resolves Windows IDs in any case and IANA names, trimming spaces", () => {
    expect(resolveTimeZone(" w. europe standard time ")).toEqual({ ok: true, windowsId: "W. Europe Standard Time" });
    expect(resolveTimeZone(" Europe/Berlin ")).toEqual({ ok: true, windowsId: "W. Europe Standard Time" });
    expect(resolveTimeZone("Mars/Olympus")).toEqual({
      ok: false,
      message: 'must be a Windows time zone ID such as UTC, W. Europe Standard Time or Pacific Standard Time, or an IANA name such as Europe/Berlin (got "Mars/Olympus")',
    });
  });

});
