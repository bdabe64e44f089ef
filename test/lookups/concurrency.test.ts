import { describe, expect, it } from "vitest";
import { mapConcurrently } from "../../infra/lookups/concurrency";

/** A call that stays pending until the test releases it, counting how many are pending at once. */
function gate() {
  let active = 0;
  let peak = 0;
  const waiting: Array<() => void> = [];
  const fn = async (n: number) => {
    active++;
    peak = Math.max(peak, active);
    await new Promise<void>((resolve) => waiting.push(resolve));
    active--;
    return n * 10;
  };
  const drain = async (done: Promise<unknown>) => {
    let finished = false;
    void done.then(() => (finished = true));
    while (!finished) {
      waiting.splice(0).forEach((release) => release());
      await new Promise((r) => setImmediate(r));
    }
  };
  return { fn, drain, peak: () => peak };
}

describe("mapConcurrently", () => {
  it("keeps at most `limit` calls pending and returns results in the items' order", async () => {
    const g = gate();
    const items = Array.from({ length: 50 }, (_, i) => i);
    const done = mapConcurrently(items, 4, g.fn);
    await g.drain(done);
    expect(await done).toEqual(items.map((n) => n * 10));
    expect(g.peak()).toBe(4);
  });

  it("handles fewer items than the limit, and no items", async () => {
    const g = gate();
    const done = mapConcurrently([1, 2], 16, g.fn);
    await g.drain(done);
    expect(await done).toEqual([10, 20]);
    expect(g.peak()).toBe(2);
    expect(await mapConcurrently([], 16, g.fn)).toEqual([]);
  });

  it("rejects with the first error", async () => {
    await expect(mapConcurrently([1, 2, 3], 2, async (n) => {
      if (n === 2) throw new Error("boom");
      return n;
    })).rejects.toThrow("boom");
  });
});
