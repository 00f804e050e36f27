// Runs one task per item with at most `limit` tasks in flight, starting them in item order.
// Used by pollSources (sources fetched within the configured concurrency) and processOutbox (a
// fan-out to many channels overlaps their sends, on Slack each channel waiting about a second
// between its own parts, without starting every channel at once).
// Every item's task runs even when another one throws; the first error is rethrown once all
// have settled, so nothing is still running when the caller sees it.

export async function forEachBounded<T>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<void>,
): Promise<void> {
  if (!Number.isInteger(limit) || limit < 1) {
    throw new Error(`forEachBounded: the limit must be a whole number of at least 1, got ${limit}`);
  }
  const errors: unknown[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next++] as T;
      try {
        await task(item);
      } catch (error) {
        errors.push(error);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (errors.length > 0) throw errors[0];
}
