// processOutbox delivers different channels at once, up to a bound per platform, while each
// channel's parts go strictly in order; one channel's failure leaves the others alone.
import { afterEach, describe, expect, it } from 'vitest';
import { enqueueDigest } from '../../src/delivery/enqueue-digest.js';
import type { DeliveryAdapter } from '../../src/delivery/adapter.js';
import type { ChannelRef, ChannelPlatform } from '../../src/domain.js';
import { openDatabase, type Db } from '../../src/store/database.js';
import { listParts } from '../../src/store/outbox.js';
import { getSubscription, upsertSubscription } from '../../src/store/subscriptions.js';
import { sampleDigest, tick } from './delivery-fixtures.js';
import { driveOutbox, GatedAdapter } from './gated-adapter.js';

const T0 = new Date('2017-02-20T08:00:00.000Z');
const digest = sampleDigest();

let db: Db;
afterEach(() => db?.close());

const channelOf = (channelId: string, platform: ChannelPlatform = 'memory'): ChannelRef => ({
  platform,
  workspaceId: 'T1',
  channelId,
});

/** Subscribes the channels and records their digests (three parts each at maxChars 340: the lead, then "Also this week"). */
function enqueue(adapter: GatedAdapter, channelIds: string[]): ChannelRef[] {
  return channelIds.map((id) => {
    const channel = channelOf(id, adapter.platform);
    const { subscription } = upsertSubscription(
      db,
      { ...channel, themes: 'all', organisations: [], schedule: null, createdBy: 'U1' },
      T0,
    );
    enqueueDigest(db, { digest, subscription, adapter, now: T0 });
    return channel;
  });
}

const adaptersOf = (...adapters: GatedAdapter[]) =>
  new Map<ChannelPlatform, DeliveryAdapter>(adapters.map((a) => [a.platform, a]));

/** The channel's messages are its parts in order, later ones threaded under part 0. */
function expectDeliveredInOrder(adapter: GatedAdapter, channel: ChannelRef): void {
  const messages = adapter.inner.chat.messagesIn(channel);
  const parts = listParts(db, digest.week, channel);
  expect(parts.length).toBe(3);
  expect(messages.map((m) => m.index)).toEqual([0, 1, 2]);
  expect(messages[0]!.parentMessageId).toBeNull();
  expect(messages.slice(1).map((m) => m.parentMessageId)).toEqual([
    messages[0]!.messageId,
    messages[0]!.messageId,
  ]);
  expect(parts.map((p) => [p.status, p.messageId])).toEqual(
    messages.map((m) => ['sent', m.messageId]),
  );
}

describe('processOutbox across channels', () => {
  it('has two channels in flight at once, each channel part after part', async () => {
    db = openDatabase(':memory:');
    const adapter = new GatedAdapter();
    const [c1, c2] = enqueue(adapter, ['C1', 'C2']);
    const report = await driveOutbox([adapter], tick(db, adaptersOf(adapter), T0));

    expect(report).toMatchObject({ sent: 6, retried: 0, failed: 0, paused: [] });
    // both channels' first parts were sent before either had finished
    expect(adapter.events.slice(0, 2)).toEqual(['start C1#0', 'start C2#0']);
    expect(adapter.waves).toEqual([2, 2, 2]);
    for (const id of ['C1', 'C2']) {
      expect(adapter.eventsOf(id)).toEqual(
        [0, 1, 2].flatMap((i) => [`start ${id}#${i}`, `end ${id}#${i}`]),
      );
    }
    expectDeliveredInOrder(adapter, c1!);
    expectDeliveredInOrder(adapter, c2!);
  });

  it.each([1, 2, 4])('keeps at most %d channels in flight', async (concurrency) => {
    db = openDatabase(':memory:');
    const adapter = new GatedAdapter();
    const channels = enqueue(adapter, ['C1', 'C2', 'C3', 'C4', 'C5']);
    const report = await driveOutbox([adapter], tick(db, adaptersOf(adapter), T0, { concurrency }));
    expect(report.sent).toBe(15);
    expect(adapter.maxInFlight).toBe(concurrency);
    expect(Math.max(...adapter.waves)).toBe(concurrency);
    for (const channel of channels) expectDeliveredInOrder(adapter, channel);
    // channels start in the order their parts fell due
    expect(adapter.events.filter((e) => e.endsWith('#0') && e.startsWith('start'))).toEqual(
      ['C1', 'C2', 'C3', 'C4', 'C5'].map((id) => `start ${id}#0`),
    );
  });

  it('gives each platform its own bound, so one platform cannot hold up another', async () => {
    db = openDatabase(':memory:');
    const slack = new GatedAdapter('slack');
    const memory = new GatedAdapter('memory');
    enqueue(slack, ['S1', 'S2']);
    enqueue(memory, ['M1', 'M2']);
    const report = await driveOutbox(
      [slack, memory],
      tick(db, adaptersOf(slack, memory), T0, { concurrency: 1 }),
    );
    expect(report.sent).toBe(12);
    expect([slack.maxInFlight, memory.maxInFlight]).toEqual([1, 1]);
    // the first wave had one send of each platform waiting
    expect([slack.waves[0], memory.waves[0]]).toEqual([1, 1]);
  });

  it("one channel's permanent failure or thrown adapter error does not touch the others", async () => {
    db = openDatabase(':memory:');
    const adapter = new GatedAdapter().fail('C2', 'permanent').fail('C3', 'throw');
    const [c1, c2, c3, c4] = enqueue(adapter, ['C1', 'C2', 'C3', 'C4']);
    const report = await driveOutbox([adapter], tick(db, adaptersOf(adapter), T0));

    expect(report).toEqual({
      sent: 6,
      recovered: 0,
      retried: 1,
      failed: 1,
      paused: ['memory:T1:C2'],
      noAdapter: 0,
      released: 0,
    });
    expectDeliveredInOrder(adapter, c1!);
    expectDeliveredInOrder(adapter, c4!);
    // C2: paused with the reason, its later parts held
    expect(getSubscription(db, c2!)!.pausedReason).toBe('channel_not_found');
    expect(listParts(db, digest.week, c2!).map((p) => p.status)).toEqual([
      'failed',
      'paused',
      'paused',
    ]);
    // C3: retried later (findSent first), its later parts still waiting behind part 0
    expect(listParts(db, digest.week, c3!).map((p) => [p.status, p.attempts, p.lastError])).toEqual(
      [
        ['pending', 1, 'adapter error: socket hang up'],
        ['pending', 0, null],
        ['pending', 0, null],
      ],
    );
    expect(getSubscription(db, c1!)!.pausedReason).toBeNull();
    expect(getSubscription(db, c4!)!.pausedReason).toBeNull();
  });

  it('rejects a concurrency below one', async () => {
    db = openDatabase(':memory:');
    const adapter = new GatedAdapter();
    enqueue(adapter, ['C1']);
    await expect(tick(db, adaptersOf(adapter), T0, { concurrency: 0 })).rejects.toThrow(
      'delivery: concurrency must be a whole number of at least 1, got 0',
    );
    expect(adapter.events).toEqual([]);
  });

  it('claims nothing once shut down: sends in flight finish and the rest wait for next time', async () => {
    db = openDatabase(':memory:');
    const adapter = new GatedAdapter();
    const [c1, c2, c3] = enqueue(adapter, ['C1', 'C2', 'C3']);
    const stopping = new AbortController();
    const run = tick(db, adaptersOf(adapter), T0, { concurrency: 2, signal: stopping.signal });
    // Let the first wave (C1#0 and C2#0) reach the platform, then shut down.
    await new Promise<void>((resolve) => setImmediate(resolve));
    expect(adapter.inFlight).toBe(2);
    stopping.abort();
    const report = await driveOutbox([adapter], run);

    expect(report.sent).toBe(2);
    expect(adapter.events).toEqual(['start C1#0', 'start C2#0', 'end C1#0', 'end C2#0']);
    expect(listParts(db, digest.week, c1!).map((p) => p.status)).toEqual([
      'sent',
      'pending',
      'pending',
    ]);
    expect(listParts(db, digest.week, c3!).every((p) => p.status === 'pending')).toBe(true);
    // The next run, not shut down, delivers the rest in order.
    const rest = await driveOutbox([adapter], tick(db, adaptersOf(adapter), T0));
    expect(rest.sent).toBe(7);
    for (const channel of [c1!, c2!, c3!]) expectDeliveredInOrder(adapter, channel);
  });
});
