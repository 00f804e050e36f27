// Records a deadline reminder for a channel in the outbox, like a digest (enqueue-digest.ts):
// rendered by the channel's adapter, written before anything is sent, sent by the same outbox
// pass, so a reminder is posted exactly once whatever restarts happen around it.
// Rules: the outbox group (its `week` column) is "reminder:<closing day>:<kind>:<story id>", so
// one channel gets one reminder per deadline; a second call finds the part and records nothing.
import type { ChannelRef, DeadlineReminder, Subscription } from '../domain.js';
import type { Db } from '../store/database.js';
import { hasParts, insertParts } from '../store/outbox.js';
import type { DeliveryAdapter } from './adapter.js';
import { deliveryKey, describeChannel, type EnqueueResult } from './enqueue-digest.js';

/** The outbox group of one deadline's reminders. */
export function reminderGroup(deadline: { closesOn: string; kind: string; storyId: string }) {
  return `reminder:${deadline.closesOn}:${deadline.kind}:${deadline.storyId}`;
}

export type ReminderEnqueueResult = EnqueueResult | { status: 'no-renderer' };

export function enqueueReminder(
  db: Db,
  input: {
    group: string;
    reminder: DeadlineReminder;
    subscription: Subscription;
    adapter: DeliveryAdapter;
    now: Date;
  },
): ReminderEnqueueResult {
  const { group, reminder, subscription, adapter, now } = input;
  const channel: ChannelRef = {
    platform: subscription.platform,
    workspaceId: subscription.workspaceId,
    channelId: subscription.channelId,
  };
  if (hasParts(db, group, channel)) return { status: 'already-enqueued' };
  if (adapter.renderReminder === undefined) return { status: 'no-renderer' };
  let parts;
  try {
    parts = adapter.renderReminder(reminder);
  } catch (error) {
    throw new Error(`delivery: rendering ${group} for ${describeChannel(channel)} failed`, {
      cause: error,
    });
  }
  const inserted = insertParts(
    db,
    parts.map((part, index) => ({
      week: group,
      channel,
      index,
      total: parts.length,
      payload: part.payload,
      text: part.text,
      key: deliveryKey(group, channel, index),
    })),
    now,
  );
  return inserted === 0 ? { status: 'already-enqueued' } : { status: 'enqueued', parts: inserted };
}
