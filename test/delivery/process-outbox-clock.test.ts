// Time in processOutbox: leases, retry times and stamps come from the injected clock, read at
// each write (a big fan-out may claim a part minutes after the tick began), and the resume rule:
// a part tried before its channel was paused asks the platform before it is posted again.
import { afterEach, describe, expect, it } from 'vitest';
import type { DeliveryAdapter } from '../../src/delivery/adapter.js';
import { enqueueDigest } from '../../src/delivery/enqueue-digest.js';
import { MemoryAdapter } from '../../src/delivery/memory-adapter.js';
import { clockFrom, processOutbox } from '../../src/delivery/process-outbox.js';
import type { ChannelPlatform } from '../../src/domain.js';
import { openDatabase, type Db } from '../../src/store/database.js';
import { listParts, type OutboxPart } from '../../src/store/outbox.js';
import { pauseSubscription, resumeSubscription } from '../../src/store/subscriptions.js';
import { CHANNEL, sampleDigest, subscribe, tick } from './delivery-fixtures.js';

const T0 = new Date('2017-02-20T08:00:00.000Z');
const MINUTE = 60_000;
const at = (ms: number) => new Date(T0.getTime() + ms);
const iso = (ms: number) => at(ms).toISOString();
const adaptersOf = (adapter: DeliveryAdapter) =>
  new Map<ChannelPlatform, DeliveryAdapter>([['memory', adapter]]);

let db: Db;
afterEach(() => db?.close());

function setUp(maxChars: number) {
  db = openDatabase(':memory:');
  const adapter = new MemoryAdapter({ maxChars });
  const digest = sampleDigest();
  enqueueDigest(db, { digest, subscription: subscribe(db, T0), adapter, now: T0 });
  return { adapter, digest };
}

describe('processOutbox time', () => {
  it('takes leases, retry times and stamps from the clock at each write, not the tick', async () => {
    const { adapter, digest } = setUp(340);
    // A slow fan-out: every send takes ten minutes of (fake) time, longer than the lease.
    let clockMs = 0;
    const seenAtSend: OutboxPart[] = [];
    const slow: DeliveryAdapter = {
      platform: 'memory',
      render: (view) => adapter.render(view),
      findSent: (c, ctx) => adapter.findSent(c, ctx),
      send: async (c, part, ctx) => {
        seenAtSend.push(listParts(db, digest.week, CHANNEL)[part.index]!);
        clockMs += 10 * MINUTE;
        if (part.index === 2)
          return { status: 'retry', reason: 'ratelimited', retryAfterMs: 30_000 };
        return adapter.send(c, part, ctx);
      },
    };
    const report = await processOutbox(db, adaptersOf(slow), T0, {
      clock: () => at(clockMs),
      leaseMs: 5 * MINUTE,
    });
    expect(report).toMatchObject({ sent: 2, retried: 1 });

    // each part was claimed when its turn came: lease = claim time + 5 min
    expect(seenAtSend.map((p) => [p.status, p.nextAttemptAt])).toEqual([
      ['sending', iso(5 * MINUTE)],
      ['sending', iso(15 * MINUTE)],
      ['sending', iso(25 * MINUTE)],
    ]);
    const parts = listParts(db, digest.week, CHANNEL);
    expect(parts.map((p) => p.sentAt)).toEqual([iso(10 * MINUTE), iso(20 * MINUTE), null]);
    // Retry-After counts from when the platform answered
    expect(parts[2]).toMatchObject({ status: 'pending', nextAttemptAt: iso(30 * MINUTE + 30_000) });
  });

  it('defaults to the tick time advanced by the real time elapsed', () => {
    let elapsed = 1_000.25;
    const clock = clockFrom(T0, () => elapsed);
    expect(clock()).toEqual(T0);
    elapsed += 90_000.5;
    expect(clock()).toEqual(at(90_000));
  });
});

describe('resuming a paused channel', () => {
  it('a part whose response was lost before the pause is found, not posted again', async () => {
    const { adapter, digest } = setUp(10_000);
    adapter.failNext({ kind: 'crash-after-accept' });
    expect(await tick(db, adaptersOf(adapter), T0)).toMatchObject({ retried: 1 });
    expect(adapter.chat.messages).toHaveLength(1);

    // an operator pauses the channel; the due part is held
    pauseSubscription(db, CHANNEL, 'paused by an admin', at(MINUTE));
    await tick(db, adaptersOf(adapter), at(MINUTE));
    expect(listParts(db, digest.week, CHANNEL)[0]).toMatchObject({ status: 'paused', attempts: 1 });

    // resuming resets attempts to 0 but keeps lastError: that alone must trigger findSent
    expect(resumeSubscription(db, CHANNEL, at(2 * MINUTE))).toBe(true);
    const [requeued] = listParts(db, digest.week, CHANNEL);
    expect(requeued).toMatchObject({ status: 'pending', attempts: 0 });
    expect(requeued!.lastError).toContain('connection lost');
    const report = await tick(db, adaptersOf(adapter), at(2 * MINUTE));
    expect(report).toMatchObject({ sent: 0, recovered: 1 });
    expect(adapter.chat.messagesIn(CHANNEL)).toHaveLength(1);
    expect(adapter.calls.map((c) => `${c.op}:${c.outcome}`)).toEqual([
      'send:crash-after-accept',
      'findSent:found',
    ]);
  });

  it('a part that failed a try, then paused the channel, asks findSent first after resuming', async () => {
    const { adapter, digest } = setUp(10_000);
    adapter
      .failNext({ kind: 'retry', reason: 'ratelimited', retryAfterMs: 1_000 })
      .failNext({ kind: 'permanent', reason: 'not_in_channel' });
    await tick(db, adaptersOf(adapter), T0);
    const paused = await tick(db, adaptersOf(adapter), at(1_000));
    expect(paused).toMatchObject({ failed: 1, paused: ['memory:T1:C1'] });

    expect(resumeSubscription(db, CHANNEL, at(MINUTE))).toBe(true);
    expect(listParts(db, digest.week, CHANNEL)[0]).toMatchObject({
      status: 'pending',
      attempts: 0,
      lastError: 'not_in_channel',
    });
    expect(await tick(db, adaptersOf(adapter), at(MINUTE))).toMatchObject({ sent: 1 });
    expect(adapter.calls.map((c) => `${c.op}:${c.outcome}`)).toEqual([
      'send:retry',
      'findSent:none',
      'send:permanent',
      'findSent:none',
      'send:sent',
    ]);
    expect(adapter.chat.messagesIn(CHANNEL)).toHaveLength(1);
  });
});
