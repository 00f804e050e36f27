// Which stories each channel was alerted to (migrations/0008-cadence.sql, alerted_stories).
// Rules: a story is named in at most one alert batch per channel (the primary key); the rows of a
// batch are written in the same transaction as the batch's outbox parts (pipeline/run-alerts.ts),
// so a batch is either wholly recorded and queued or not at all.
import type { ChannelRef } from '../domain.js';
import type { Db } from './database.js';
import { prepareCached } from './prepared.js';

export type AlertReason = 'organisation' | 'coverage';

export interface AlertedStory {
  storyId: string;
  reason: AlertReason;
}

const channelArgs = (c: ChannelRef) => ({
  platform: c.platform,
  workspace: c.workspaceId,
  channel: c.channelId,
});

const CHANNEL_WHERE =
  'platform = @platform AND workspace_id = @workspace AND channel_id = @channel';

/** The ids among `storyIds` already named in an alert to this channel. */
export function listAlertedStoryIds(
  db: Db,
  channel: ChannelRef,
  storyIds: readonly string[],
): Set<string> {
  const found = new Set<string>();
  const select = prepareCached<[object], { story_id: string }>(
    db,
    `SELECT story_id FROM alerted_stories WHERE ${CHANNEL_WHERE} AND story_id = @story`,
  );
  for (const story of new Set(storyIds)) {
    if (select.get({ ...channelArgs(channel), story })) found.add(story);
  }
  return found;
}

/** Alert batches recorded for the channel on a local day ("2026-12-07"). */
export function countAlertBatches(db: Db, channel: ChannelRef, day: string): number {
  return prepareCached<[object], { n: number }>(
    db,
    `SELECT count(DISTINCT batch) AS n FROM alerted_stories WHERE ${CHANNEL_WHERE} AND day = @day`,
  ).get({ ...channelArgs(channel), day })!.n;
}

/** Records a batch's stories; those already alerted to the channel are left as they were. */
export function recordAlertedStories(
  db: Db,
  channel: ChannelRef,
  batch: { label: string; day: string; stories: readonly AlertedStory[] },
  now: Date,
): number {
  const insert = prepareCached<[object], unknown>(
    db,
    `INSERT OR IGNORE INTO alerted_stories
       (platform, workspace_id, channel_id, story_id, day, batch, reason, alerted_at)
     VALUES (@platform, @workspace, @channel, @story, @day, @batch, @reason, @at)`,
  );
  let inserted = 0;
  for (const story of batch.stories) {
    inserted += insert.run({
      ...channelArgs(channel),
      story: story.storyId,
      day: batch.day,
      batch: batch.label,
      reason: story.reason,
      at: now.toISOString(),
    }).changes;
  }
  return inserted;
}
