// The two ways the fan-out benchmark drives delivery to many channels:
// - deliverThroughOutbox: the product path. Every subscription's digest is recorded with
//   enqueueDigest, then processOutbox runs; whenever parts are left waiting (Retry-After,
//   backoff) it runs again as soon as the earliest one is due. That is the most favourable
//   scheduler possible: the real one ticks every minute (src/jobs/scheduler.ts), so each extra
//   round costs up to a minute more in production.
// - deliverPaced: the reference. All channels at once, each channel's parts in order, straight
//   through the adapter (optionally behind a pacer of its own), with no outbox: what the limits
//   let through, to compare the product path with.
import type { DeliveryAdapter } from '../../src/delivery/adapter.js';
import { enqueueDigest } from '../../src/delivery/enqueue-digest.js';
import type { Pacer } from '../../src/delivery/pace.js';
import { selectForSubscription } from '../../src/digest/select-for-subscription.js';
import { processOutbox } from '../../src/delivery/process-outbox.js';
import type { ChannelRef, Digest, ChannelPlatform, Subscription } from '../../src/domain.js';
import { openDatabase } from '../../src/store/database.js';
import { upsertSubscription } from '../../src/store/subscriptions.js';

export interface DriveResult {
  /** Parts delivered. */
  messages: number;
  /** Parts the outbox gave up on (never delivered). */
  failed: number;
  /** Rounds of processOutbox (outbox driver) or 1 (paced driver). */
  rounds: number;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export function subscriptionFor(channel: ChannelRef, id: number): Subscription {
  return {
    ...channel,
    id,
    themes: 'all',
    organisations: [],
    schedule: null,
    createdBy: null,
    createdAt: '2026-09-01T00:00:00.000Z',
    pausedReason: null,
  };
}

export async function deliverThroughOutbox(
  adapter: DeliveryAdapter,
  digest: Digest,
  channels: readonly ChannelRef[],
  maxRounds = 200,
): Promise<DriveResult> {
  const db = openDatabase(':memory:');
  try {
    const now = new Date();
    for (const channel of channels) {
      const { subscription } = upsertSubscription(
        db,
        { ...channel, themes: 'all', organisations: [], schedule: null, createdBy: null },
        now,
      );
      enqueueDigest(db, { digest, subscription, adapter, now });
    }
    const adapters = new Map<ChannelPlatform, DeliveryAdapter>([[adapter.platform, adapter]]);
    let messages = 0;
    let failed = 0;
    for (let round = 1; round <= maxRounds; round++) {
      const report = await processOutbox(db, adapters, new Date());
      messages += report.sent;
      failed += report.failed;
      const next = db
        .prepare(
          `SELECT min(next_attempt_at) AS due FROM outbox WHERE status IN ('pending', 'sending')`,
        )
        .get() as { due: string | null };
      if (next.due === null) return { messages, failed, rounds: round };
      const wait = Date.parse(next.due) - Date.now();
      if (wait > 0) await sleep(wait);
    }
    throw new Error(`bench: outbox still had parts due after ${maxRounds} rounds`);
  } finally {
    db.close();
  }
}

export async function deliverPaced(
  adapter: DeliveryAdapter,
  digest: Digest,
  channels: readonly ChannelRef[],
  pacer: Pacer | null,
): Promise<DriveResult> {
  let messages = 0;
  await Promise.all(
    channels.map(async (channel, i) => {
      const parts = adapter.render(selectForSubscription(digest, subscriptionFor(channel, i + 1)));
      let parent: string | null = null;
      for (const part of parts) {
        for (let attempt = 0; ; attempt++) {
          if (attempt > 20)
            throw new Error(`bench: ${channel.channelId} part ${part.index} kept failing`);
          if (pacer) await pacer.acquire(channel.channelId);
          const key = `${digest.week}:${channel.platform}:${channel.channelId}:${part.index}`;
          const outcome = await adapter.send(channel, part, { key, parentMessageId: parent });
          pacer?.release(channel.channelId);
          if (outcome.status === 'sent') {
            if (part.index === 0) parent = outcome.messageId;
            messages++;
            break;
          }
          if (outcome.status === 'permanent') {
            throw new Error(`bench: ${channel.channelId} refused: ${outcome.reason}`);
          }
          const wait = outcome.retryAfterMs ?? 1000;
          if (pacer) pacer.backOff(channel.channelId, wait);
          else await sleep(wait);
        }
      }
    }),
  );
  return { messages, failed: 0, rounds: 1 };
}
