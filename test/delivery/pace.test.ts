// The pacer against a virtual clock: sends land on the limits exactly, never inside them.
import { describe, expect, it } from 'vitest';
import {
  createPacer,
  LATE_TOLERANCE_MS,
  type PaceClock,
  type PaceLimits,
} from '../../src/delivery/pace.js';

/** A clock whose sleeps resolve in time order when `runAll` advances it; `lag` delays wake-ups. */
function virtualClock(lag: (at: number) => number = () => 0) {
  let now = 0;
  const timers: { at: number; resolve: () => void }[] = [];
  const clock: PaceClock = {
    now: () => now,
    sleep: (ms) =>
      new Promise<void>((resolve) => {
        timers.push({ at: now + ms, resolve });
      }),
  };
  const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
  return {
    clock,
    set: (t: number) => {
      now = t;
    },
    async runAll(): Promise<void> {
      await settle();
      while (timers.length > 0) {
        timers.sort((a, b) => a.at - b.at);
        const timer = timers.shift()!;
        now = Math.max(now, timer.at + lag(timer.at));
        timer.resolve();
        await settle();
      }
    },
  };
}

/** Sends `parts` messages to each channel (in order per channel, channels concurrently). */
async function fanOut(
  limits: PaceLimits,
  channels: string[],
  parts: number,
  lag?: (at: number) => number,
) {
  const v = virtualClock(lag);
  const pacer = createPacer(limits, v.clock);
  const sends: { channel: string; at: number }[] = [];
  const done = Promise.all(
    channels.map(async (channel) => {
      for (let p = 0; p < parts; p++) {
        await pacer.acquire(channel);
        sends.push({ channel, at: v.clock.now() });
        pacer.release(channel);
      }
    }),
  );
  await v.runAll();
  await done;
  return sends;
}

function minGap(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  let gap = Infinity;
  for (let i = 1; i < sorted.length; i++) gap = Math.min(gap, sorted[i]! - sorted[i - 1]!);
  return gap;
}

describe('createPacer', () => {
  it.each([
    {
      name: 'global limit binds',
      limits: { perChannelIntervalMs: 1000, globalPerSecond: 2 },
      channels: 4,
      parts: 2,
      last: 3500,
    },
    {
      name: 'per-channel limit binds',
      limits: { perChannelIntervalMs: 1000, globalPerSecond: 100 },
      channels: 2,
      parts: 3,
      last: 2010,
    },
    {
      name: 'no global limit',
      limits: { perChannelIntervalMs: 500, globalPerSecond: null },
      channels: 3,
      parts: 2,
      last: 500,
    },
  ])(
    '$name: spacing holds and the last send is at the floor',
    async ({ limits, channels, parts, last }) => {
      const names = Array.from({ length: channels }, (_, i) => `C${i}`);
      const sends = await fanOut(limits, names, parts);
      expect(sends).toHaveLength(channels * parts);
      if (limits.globalPerSecond !== null) {
        expect(minGap(sends.map((s) => s.at))).toBeGreaterThanOrEqual(
          1000 / limits.globalPerSecond,
        );
      }
      for (const name of names) {
        expect(
          minGap(sends.filter((s) => s.channel === name).map((s) => s.at)),
        ).toBeGreaterThanOrEqual(limits.perChannelIntervalMs);
      }
      expect(Math.max(...sends.map((s) => s.at))).toBe(last);
    },
  );

  it('counts the per-channel interval from release, not from the reserved moment', async () => {
    const v = virtualClock();
    const pacer = createPacer({ perChannelIntervalMs: 1000, globalPerSecond: null }, v.clock);
    await pacer.acquire('C1');
    v.set(300); // the send took 300 ms
    pacer.release('C1');
    const second = pacer.acquire('C1');
    await v.runAll();
    await second;
    expect(v.clock.now()).toBe(1300);
  });

  it('backOff holds one channel, or every channel when given null', async () => {
    const v = virtualClock();
    const pacer = createPacer({ perChannelIntervalMs: 0, globalPerSecond: null }, v.clock);
    pacer.backOff('C1', 2000);
    const times: Record<string, number> = {};
    const a = pacer.acquire('C1').then(() => (times.C1 = v.clock.now()));
    const b = pacer.acquire('C2').then(() => (times.C2 = v.clock.now()));
    await v.runAll();
    await Promise.all([a, b]);
    expect(times).toEqual({ C1: 2000, C2: 0 });
    pacer.backOff(null, 5000);
    const c = pacer.acquire('C3').then(() => (times.C3 = v.clock.now()));
    await v.runAll();
    await c;
    expect(times.C3).toBe(7000);
  });

  it('a waiter that wakes far too late takes a fresh slot instead of joining a burst', async () => {
    // The event loop stalls until t=1000: every timer due before then fires at 1000. Without
    // re-queueing, those sends would all go at once after the stall.
    const lag = (at: number): number => (at < 1000 ? 1000 - at : 0);
    const sends = await fanOut(
      { perChannelIntervalMs: 0, globalPerSecond: 10 },
      ['A', 'B', 'C', 'D', 'E'],
      1,
      lag,
    );
    expect(LATE_TOLERANCE_MS).toBeLessThan(900);
    expect(minGap(sends.map((s) => s.at))).toBeGreaterThanOrEqual(100);
  });

  it('refuses a non-positive global rate', () => {
    expect(() => createPacer({ perChannelIntervalMs: 0, globalPerSecond: 0 })).toThrow(/delivery:/);
  });
});
