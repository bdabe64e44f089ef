import { describe, expect, it } from "vitest";
import { didYouMean, nearest } from "../../infra/config/didYouMean";

describe("didYouMean", () => {
  it("suggests the allowed name within a third of the length in edits, in its own spelling", () => {
    expect(nearest("retension", ["schedule", "Retention"])).toBe("Retention");
    expect(didYouMean("retension", ["retention"])).toBe(' (did you mean "retention"?)');
    expect(nearest("ab", ["ac"])).toBe("ac");
    expect(nearest("abc", ["xyz"])).toBeUndefined();
    expect(nearest("abcdef", ["abcxyz"])).toBeUndefined();
    expect(nearest("abcdef", ["abcdxy"])).toBe("abcdxy");
    expect(nearest("x", [])).toBeUndefined();
    expect(didYouMean("zzzz", ["retention"])).toBe("");
  });
});
