// The daily maintenance run: fired by the scheduler at 03:30 local time (BST and GMT), once a
// day, in the same queue as the digest and delivery so it never runs beside them.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startScheduler, type Scheduler } from '../../src/jobs/scheduler.js';

const MINUTE = 60_000;
let scheduler: Scheduler | null = null;

afterEach(async () => {
  await scheduler?.stop();
  scheduler = null;
  vi.useRealTimers();
});

describe('maintenance schedule', () => {
  it('runs once a day at 03:30 Europe/London, across the October clock change', async () => {
    vi.useFakeTimers({ now: new Date('2017-10-27T12:00:00.000Z') });
    const runs: string[] = [];
    scheduler = startScheduler(
      { maintenance: async (now) => void runs.push(now.toISOString()) },
      { timeZone: 'Europe/London', pollIntervalMinutes: 30 },
    );
    await vi.advanceTimersByTimeAsync(3 * 24 * 60 * MINUTE);
    // 03:30 BST is 02:30Z; after the clocks go back on the 29th, 03:30 GMT is 03:30Z.
    expect(runs).toEqual([
      '2017-10-28T02:30:00.000Z',
      '2017-10-29T03:30:00.000Z',
      '2017-10-30T03:30:00.000Z',
    ]);
  });
});
