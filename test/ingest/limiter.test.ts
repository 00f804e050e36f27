// createFetchLimiter: global and per-host concurrency.
import { describe, expect, it } from 'vitest';
import { createFetchLimiter } from '../../src/ingest/limiter.js';

describe('createFetchLimiter', () => {
  function deferred(): { promise: Promise<void>; resolve: () => void } {
    let resolve!: () => void;
    const promise = new Promise<void>((r) => (resolve = r));
    return { promise, resolve };
  }

  it('holds the global and per-host limits and serves waiters in order', async () => {
    const limiter = createFetchLimiter({ concurrency: 3, perHost: 2 });
    const gates = Array.from({ length: 5 }, deferred);
    const started: string[] = [];
    const hosts = ['a', 'a', 'a', 'b', 'c'];
    const runs = hosts.map((host, i) =>
      limiter.run(host, async () => {
        started.push(`${host}${i}`);
        await gates[i]!.promise;
        return i;
      }),
    );
    await Promise.resolve();
    // a0, a1 start; a2 waits for host a; b3 takes the third global slot; c4 waits globally.
    expect(started).toEqual(['a0', 'a1', 'b3']);
    expect(limiter.active()).toBe(3);
    expect(limiter.active('A')).toBe(2);
    expect(limiter.pending()).toBe(2);
    gates[3]!.resolve(); // b3 done: a2 still blocked by host a, so c4 starts
    await runs[3];
    await Promise.resolve();
    expect(started).toEqual(['a0', 'a1', 'b3', 'c4']);
    gates[0]!.resolve(); // a0 done: a2 starts
    await runs[0];
    await Promise.resolve();
    expect(started).toContain('a2');
    for (const gate of gates) gate.resolve();
    expect(await Promise.all(runs)).toEqual([0, 1, 2, 3, 4]);
    expect(limiter.active()).toBe(0);
  });

  it('releases the slot when the task fails', async () => {
    const limiter = createFetchLimiter({ concurrency: 1, perHost: 1 });
    await expect(limiter.run('h', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await limiter.run('h', async () => 'next')).toBe('next');
  });
});
