/**
 * Maps `items` through `fn` with at most `limit` calls pending at once; results keep the items' order.
 * Look-ups use it rather than one `Promise.all` over every VM: thousands of pending invokes at once
 * cost more than they save (see `lookUpVms`).
 */
export async function mapConcurrently<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}
