import { describe, expect, it } from 'vitest';
import { forEachBounded } from '../src/for-each-bounded.js';

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('forEachBounded', () => {
  it('runs every item, at most `limit` at once, starting them in order', async () => {
    let running = 0;
    let most = 0;
    const started: number[] = [];
    await forEachBounded([1, 2, 3, 4, 5, 6, 7], 3, async (n) => {
      started.push(n);
      most = Math.max(most, ++running);
      await nextTurn();
      running--;
    });
    expect(started).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(most).toBe(3);
  });

  it('keeps going past a task that throws, then rethrows its error once all have settled', async () => {
    const finished: number[] = [];
    const run = forEachBounded([1, 2, 3, 4], 2, async (n) => {
      await nextTurn();
      if (n === 1) throw new Error('task 1 broke');
      finished.push(n);
    });
    await expect(run).rejects.toThrow('task 1 broke');
    expect(finished).toEqual([2, 3, 4]);
  });

  it('does nothing for no items', async () => {
    await expect(forEachBounded([], 4, () => Promise.reject(new Error('no')))).resolves.toBe(
      undefined,
    );
  });
});
