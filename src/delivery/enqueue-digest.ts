// Records a channel's digest in the outbox: select the channel's sections (once, here, for every
// platform), render the result through the platform adapter, then write every part (pending) in
// one transaction before anything is sent ("recorded before sent").
// Rules: once per (week, channel): a second call finds the parts and records nothing, whatever
// the digest or subscription look like by then. The idempotency key of each part is derived from
// (week, channel, part) and is short enough for a Discord nonce (25 characters).
import { createHash } from 'node:crypto';
import { viewForChannel } from '../digest/view-for-channel.js';
import type { ChannelRef, Digest, Subscription } from '../domain.js';
import type { Db } from '../store/database.js';
import { hasParts, insertParts } from '../store/outbox.js';
import type { DeliveryAdapter } from './adapter.js';

/** "d" + 24 hex characters of SHA-256 over (week, channel, part): 25 characters in all. */
export function deliveryKey(week: string, channel: ChannelRef, index: number): string {
  const hash = createHash('sha256')
    .update([week, channel.platform, channel.workspaceId, channel.channelId, index].join('\u0000'))
    .digest('hex');
  return `d${hash.slice(0, 24)}`;
}

export type EnqueueResult = { status: 'enqueued'; parts: number } | { status: 'already-enqueued' };

export function enqueueDigest(
  db: Db,
  input: { digest: Digest; subscription: Subscription; adapter: DeliveryAdapter; now: Date },
): EnqueueResult {
  const { digest, subscription, adapter, now } = input;
  if (adapter.platform !== subscription.platform) {
    throw new Error(
      `delivery: adapter for ${adapter.platform} cannot deliver to ${subscription.platform}`,
    );
  }
  if (hasParts(db, digest.week, subscription)) return { status: 'already-enqueued' };
  const channel: ChannelRef = {
    platform: subscription.platform,
    workspaceId: subscription.workspaceId,
    channelId: subscription.channelId,
  };
  let parts;
  try {
    // The neutral step runs before any platform code: adapters only lay out the channel's view.
    parts = adapter.render(viewForChannel(digest, subscription));
  } catch (error) {
    throw new Error(`delivery: rendering ${digest.week} for ${describeChannel(channel)} failed`, {
      cause: error,
    });
  }
  if (parts.length === 0) throw new Error(`delivery: ${adapter.platform} rendered no parts`);
  const inserted = insertParts(
    db,
    parts.map((part, index) => ({
      week: digest.week,
      channel,
      index,
      total: parts.length,
      payload: part.payload,
      text: part.text,
      key: deliveryKey(digest.week, channel, index),
    })),
    now,
  );
  return inserted === 0 ? { status: 'already-enqueued' } : { status: 'enqueued', parts: inserted };
}

export function describeChannel(channel: ChannelRef): string {
  return `${channel.platform}:${channel.workspaceId}:${channel.channelId}`;
}
