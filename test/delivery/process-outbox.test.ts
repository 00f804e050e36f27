import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listDeliveryHealth } from '../../src/delivery/delivery-health.js';
import { deliveryKey, enqueueDigest } from '../../src/delivery/enqueue-digest.js';
import { MemoryAdapter, MemoryPlatform } from '../../src/delivery/memory-adapter.js';
import { retryDelayMs } from '../../src/delivery/process-outbox.js';
import type { DeliveryAdapter } from '../../src/delivery/adapter.js';
import type { ChannelPlatform } from '../../src/domain.js';
import { openDatabase, type Db } from '../../src/store/database.js';
import { claimPart, listParts } from '../../src/store/outbox.js';
import {
  getSubscription,
  removeSubscription,
  resumeSubscription,
} from '../../src/store/subscriptions.js';
import { CHANNEL, sampleDigest, subscribe, tick } from './delivery-fixtures.js';

const T0 = new Date('2017-02-20T08:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
const adaptersOf = (adapter: DeliveryAdapter) =>
  new Map<ChannelPlatform, DeliveryAdapter>([['memory', adapter]]);

let db: Db;
let dir: string | null = null;
afterEach(() => {
  if (db?.open) db.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = null;
});

/** Three parts: the small maxChars splits the sample digest. */
function setUp(maxChars = 300, platform?: MemoryPlatform) {
  db = openDatabase(':memory:');
  const adapter = new MemoryAdapter({ maxChars, ...(platform ? { platform } : {}) });
  const subscription = subscribe(db, T0);
  const digest = sampleDigest();
  return { adapter, subscription, digest };
}

describe('enqueueDigest', () => {
  it('records every part before anything is sent, once per week and channel', () => {
    const { adapter, subscription, digest } = setUp();
    const first = enqueueDigest(db, { digest, subscription, adapter, now: T0 });
    expect(first.status).toBe('enqueued');
    const parts = listParts(db, digest.week, CHANNEL);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.every((p) => p.status === 'pending' && p.attempts === 0)).toBe(true);
    expect(parts.map((p) => p.key)).toEqual(
      parts.map((_, i) => deliveryKey('2017-W07', CHANNEL, i)),
    );
    expect(parts.every((p) => p.key.length === 25)).toBe(true);
    expect(adapter.calls).toEqual([]);
    expect(enqueueDigest(db, { digest, subscription, adapter, now: T0 })).toEqual({
      status: 'already-enqueued',
    });
    expect(listParts(db, digest.week, CHANNEL)).toHaveLength(parts.length);
  });
});

describe('processOutbox', () => {
  it('sends parts in order, later ones under part 0, and records their ids', async () => {
    const { adapter, subscription, digest } = setUp();
    enqueueDigest(db, { digest, subscription, adapter, now: T0 });
    const report = await tick(db, adaptersOf(adapter), T0);
    const messages = adapter.chat.messagesIn(CHANNEL);
    expect(report.sent).toBe(messages.length);
    expect(messages.map((m) => m.index)).toEqual(messages.map((_, i) => i));
    expect(messages[0]!.parentMessageId).toBeNull();
    expect(messages.slice(1).every((m) => m.parentMessageId === messages[0]!.messageId)).toBe(true);
    expect(messages.map((m) => m.text).join('\n\n')).toContain(
      '# Catch up: week of 13 February 2017',
    );
    const parts = listParts(db, digest.week, CHANNEL);
    expect(parts.map((p) => [p.status, p.messageId])).toEqual(
      messages.map((m) => ['sent', m.messageId]),
    );
    // nothing left to do
    expect(await tick(db, adaptersOf(adapter), at(3_600_000))).toMatchObject({ sent: 0 });
    expect(adapter.chat.messagesIn(CHANNEL)).toHaveLength(messages.length);
  });

  it('honours Retry-After on a transient failure', async () => {
    const { adapter, subscription, digest } = setUp(10_000);
    enqueueDigest(db, { digest, subscription, adapter, now: T0 });
    adapter.failNext({ kind: 'retry', reason: 'ratelimited', retryAfterMs: 90_000 });
    expect(await tick(db, adaptersOf(adapter), T0)).toMatchObject({ retried: 1, sent: 0 });
    const [part] = listParts(db, digest.week, CHANNEL);
    expect(part).toMatchObject({ status: 'pending', attempts: 1, lastError: 'ratelimited' });
    expect(part!.nextAttemptAt).toBe(at(90_000).toISOString());
    expect(await tick(db, adaptersOf(adapter), at(89_999))).toMatchObject({ sent: 0 });
    expect(await tick(db, adaptersOf(adapter), at(90_000))).toMatchObject({ sent: 1 });
    // the retry looked for an earlier copy first, found none, then posted once
    expect(adapter.calls.map((c) => `${c.op}:${c.outcome}`)).toEqual([
      'send:retry',
      'findSent:none',
      'send:sent',
    ]);
  });

  it.each([
    [1, null, 30_000],
    [2, null, 60_000],
    [3, null, 120_000],
    [20, null, 6 * 3_600_000],
    [1, 5_000, 5_000],
    [4, 0, 0],
  ])('attempt %d with Retry-After %s waits %d ms', (attempt, retryAfter, expected) => {
    expect(
      retryDelayMs(attempt, retryAfter, { baseDelayMs: 30_000, maxDelayMs: 6 * 3_600_000 }),
    ).toBe(expected);
  });

  it('backs off exponentially without Retry-After and gives up after maxAttempts', async () => {
    const { adapter, subscription, digest } = setUp(10_000);
    enqueueDigest(db, { digest, subscription, adapter, now: T0 });
    adapter.failNext({ kind: 'retry', reason: 'HTTP 503' }, 3);
    let now = T0;
    const waits: number[] = [];
    for (let i = 0; i < 3; i++) {
      await tick(db, adaptersOf(adapter), now, { maxAttempts: 3 });
      const [part] = listParts(db, digest.week, CHANNEL);
      if (part!.status !== 'pending') break;
      const next = new Date(part!.nextAttemptAt);
      waits.push(next.getTime() - now.getTime());
      now = next;
    }
    expect(waits).toEqual([30_000, 60_000]);
    const [part] = listParts(db, digest.week, CHANNEL);
    expect(part).toMatchObject({ status: 'failed', attempts: 3 });
    expect(part!.lastError).toBe('gave up after 3 attempts: HTTP 503');
    expect(adapter.chat.messages).toHaveLength(0);
  });

  it('pauses the subscription on a permanent failure, and resumes', async () => {
    const { adapter, subscription, digest } = setUp();
    enqueueDigest(db, { digest, subscription, adapter, now: T0 });
    adapter.failNext({ kind: 'permanent', reason: 'channel_not_found' });
    const report = await tick(db, adaptersOf(adapter), T0);
    expect(report).toMatchObject({ failed: 1, sent: 0, paused: ['memory:T1:C1'] });
    expect(getSubscription(db, CHANNEL)!.pausedReason).toBe('channel_not_found');
    const statuses = listParts(db, digest.week, CHANNEL).map((p) => p.status);
    expect(statuses[0]).toBe('failed');
    expect(statuses.slice(1).every((s) => s === 'paused')).toBe(true);
    const [health] = listDeliveryHealth(db, 'memory', 'T1', null);
    expect(health).toMatchObject({ lastError: 'channel_not_found', lastDeliveredWeek: null });
    expect(health!.pendingParts).toBe(statuses.length - 1);

    // nothing is sent while paused
    expect(await tick(db, adaptersOf(adapter), at(86_400_000))).toMatchObject({ sent: 0 });
    expect(adapter.chat.messages).toHaveLength(0);

    // resuming requeues the week's held parts
    expect(resumeSubscription(db, CHANNEL, at(86_400_000))).toBe(true);
    const after = await tick(db, adaptersOf(adapter), at(86_400_000));
    expect(after.sent).toBe(statuses.length);
    const [healed] = listDeliveryHealth(db, 'memory', 'T1', 'C1');
    expect(healed).toMatchObject({
      lastDeliveredWeek: '2017-W07',
      pendingParts: 0,
      lastError: null,
    });
  });

  it('cancels what is unsent when the channel unsubscribes', async () => {
    const { adapter, subscription, digest } = setUp();
    enqueueDigest(db, { digest, subscription, adapter, now: T0 });
    expect(removeSubscription(db, CHANNEL, T0)).toBe(true);
    expect(await tick(db, adaptersOf(adapter), T0)).toMatchObject({ sent: 0 });
    expect(listParts(db, digest.week, CHANNEL).every((p) => p.status === 'cancelled')).toBe(true);
    // subscribing again the same week does not bring the week back
    const again = subscribe(db, T0);
    expect(enqueueDigest(db, { digest, subscription: again, adapter, now: T0 }).status).toBe(
      'already-enqueued',
    );
  });

  it('leaves parts waiting when no adapter is given for their platform', async () => {
    const { adapter, subscription, digest } = setUp(10_000);
    enqueueDigest(db, { digest, subscription, adapter, now: T0 });
    expect(await tick(db, new Map(), T0)).toMatchObject({ noAdapter: 1, sent: 0 });
    expect(listParts(db, digest.week, CHANNEL)[0]!.status).toBe('pending');
  });

  it('lets only one claimant take a part', () => {
    const { adapter, subscription, digest } = setUp(10_000);
    enqueueDigest(db, { digest, subscription, adapter, now: T0 });
    const [part] = listParts(db, digest.week, CHANNEL);
    expect(claimPart(db, part!, at(300_000), T0)).toBe(true);
    expect(claimPart(db, part!, at(300_000), T0)).toBe(false);
  });
});

describe('exactly once across failures after the platform accepted', () => {
  it('a lost response: the retry finds the message instead of posting again', async () => {
    const { adapter, subscription, digest } = setUp();
    enqueueDigest(db, { digest, subscription, adapter, now: T0 });
    adapter.failNext({ kind: 'crash-after-accept' });
    const first = await tick(db, adaptersOf(adapter), T0);
    expect(first).toMatchObject({ sent: 0, retried: 1 });
    expect(adapter.chat.messages).toHaveLength(1);
    const second = await tick(db, adaptersOf(adapter), at(30_000));
    expect(second.recovered).toBe(1);
    const messages = adapter.chat.messagesIn(CHANNEL);
    const parts = listParts(db, digest.week, CHANNEL);
    expect(messages).toHaveLength(parts.length);
    expect(new Set(messages.map((m) => m.key)).size).toBe(parts.length);
    expect(parts[0]!.messageId).toBe(messages[0]!.messageId);
  });

  it('a crash between the platform accepting and the outbox recording: reopen, process, one message', async () => {
    dir = mkdtempSync(join(tmpdir(), 'briefing-outbox-'));
    const path = join(dir, 'briefing.db');
    const chat = new MemoryPlatform();
    db = openDatabase(path);
    const subscription = subscribe(db, T0);
    const digest = sampleDigest();
    const before = new MemoryAdapter({ platform: chat, maxChars: 10_000 });
    enqueueDigest(db, { digest, subscription, adapter: before, now: T0 });
    // The process "dies" right after the platform accepted: nothing more reaches the database.
    const dying = db;
    before.failNext({ kind: 'crash-after-accept', crash: () => dying.close() });
    await expect(tick(dying, adaptersOf(before), T0)).rejects.toThrow();
    expect(chat.messages).toHaveLength(1);

    // Restart: a new process, a new adapter, the same database file and the same platform.
    db = openDatabase(path);
    const [left] = listParts(db, digest.week, CHANNEL);
    expect(left).toMatchObject({ status: 'sending', attempts: 1, messageId: null });
    const after = new MemoryAdapter({ platform: chat, maxChars: 10_000 });
    // within the lease another run leaves the part alone (the first might still be sending)
    expect(await tick(db, adaptersOf(after), at(60_000))).toMatchObject({
      sent: 0,
      recovered: 0,
    });
    const report = await tick(db, adaptersOf(after), at(5 * 60_000));
    expect(report).toMatchObject({ sent: 0, recovered: 1 });
    expect(after.calls.map((c) => c.op)).toEqual(['findSent']);
    expect(chat.messagesIn(CHANNEL)).toHaveLength(1);
    expect(listParts(db, digest.week, CHANNEL)[0]).toMatchObject({
      status: 'sent',
      messageId: chat.messages[0]!.messageId,
    });
    await tick(db, adaptersOf(after), at(86_400_000));
    expect(chat.messagesIn(CHANNEL)).toHaveLength(1);
  });
});
