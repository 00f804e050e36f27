// Channel subscriptions: which themes and organisations a channel follows and when its digest is
// due. Keyed by (platform, workspace_id, channel_id): the workspace (Slack team, Discord guild) is
// part of the key because channel ids are only unique within one.
// Rules: subscribing again updates in place and lifts a pause (someone in the channel asked
// again, so the next delivery tries again); unsubscribing cancels the channel's unsent parts.
// Cadence, alerts and includeOffTopic left out of an upsert (undefined) keep their stored values
// (weekly, off, off).
import type { Cadence, ChannelRef, ChannelPlatform, Subscription } from '../domain.js';
import type { Db } from './database.js';
import { cancelUnsentParts, requeueHeldParts } from './outbox.js';
import { prepareCached } from './prepared.js';

interface SubscriptionRow {
  id: number;
  platform: string;
  workspace_id: string;
  channel_id: string;
  themes: string;
  organisations: string;
  schedule_day: number | null;
  schedule_time: string | null;
  created_by: string | null;
  created_at: string;
  paused_reason: string | null;
  cadence: string;
  alerts: number;
  include_off_topic: number;
}

export type SubscriptionInput = Omit<Subscription, 'id' | 'createdAt' | 'pausedReason'>;

const COLUMNS = `id, platform, workspace_id, channel_id, themes, organisations, schedule_day,
  schedule_time, created_by, created_at, paused_reason, cadence, alerts, include_off_topic`;

function toSubscription(row: SubscriptionRow): Subscription {
  const themes = row.themes === 'all' ? 'all' : (JSON.parse(row.themes) as string[]);
  return {
    id: row.id,
    platform: row.platform as ChannelPlatform,
    workspaceId: row.workspace_id,
    channelId: row.channel_id,
    themes,
    organisations: JSON.parse(row.organisations) as string[],
    schedule:
      row.schedule_day !== null && row.schedule_time !== null
        ? { day: row.schedule_day, time: row.schedule_time }
        : null,
    createdBy: row.created_by,
    createdAt: row.created_at,
    pausedReason: row.paused_reason,
    cadence: row.cadence === 'daily' ? 'daily' : 'weekly',
    alerts: row.alerts === 1,
    ...(row.include_off_topic === 1 ? { includeOffTopic: true } : {}),
  };
}

const channelArgs = (c: ChannelRef) => ({
  platform: c.platform,
  workspace: c.workspaceId,
  channel: c.channelId,
});

export function getSubscription(db: Db, channel: ChannelRef): Subscription | null {
  const row = prepareCached<[ReturnType<typeof channelArgs>], SubscriptionRow>(
    db,
    `SELECT ${COLUMNS} FROM subscriptions
     WHERE platform = @platform AND workspace_id = @workspace AND channel_id = @channel`,
  ).get(channelArgs(channel));
  return row ? toSubscription(row) : null;
}

export function upsertSubscription(
  db: Db,
  input: SubscriptionInput,
  now: Date,
): { subscription: Subscription; created: boolean } {
  return db.transaction(() => {
    const existing = getSubscription(db, input);
    const at = now.toISOString();
    const values = {
      ...channelArgs(input),
      themes: input.themes === 'all' ? 'all' : JSON.stringify([...new Set(input.themes)]),
      organisations: JSON.stringify([...new Set(input.organisations)]),
      day: input.schedule?.day ?? null,
      time: input.schedule?.time ?? null,
      createdBy: input.createdBy,
      at,
      cadence: input.cadence ?? existing?.cadence ?? ('weekly' satisfies Cadence),
      alerts: (input.alerts ?? existing?.alerts ?? false) ? 1 : 0,
      offTopic: (input.includeOffTopic ?? existing?.includeOffTopic ?? false) ? 1 : 0,
    };
    if (existing) {
      prepareCached<[typeof values], unknown>(
        db,
        `UPDATE subscriptions SET themes = @themes, organisations = @organisations,
           schedule_day = @day, schedule_time = @time, updated_at = @at,
           cadence = @cadence, alerts = @alerts, include_off_topic = @offTopic,
           paused_reason = NULL, paused_at = NULL
         WHERE platform = @platform AND workspace_id = @workspace AND channel_id = @channel`,
      ).run(values);
      if (existing.pausedReason !== null) requeueHeldParts(db, input, now);
    } else {
      prepareCached<[typeof values], unknown>(
        db,
        `INSERT INTO subscriptions (platform, workspace_id, channel_id, themes, organisations,
           schedule_day, schedule_time, created_by, created_at, updated_at, cadence, alerts,
           include_off_topic)
         VALUES (@platform, @workspace, @channel, @themes, @organisations, @day, @time,
           @createdBy, @at, @at, @cadence, @alerts, @offTopic)`,
      ).run(values);
    }
    return { subscription: getSubscription(db, input)!, created: existing === null };
  })();
}

export function removeSubscription(db: Db, channel: ChannelRef, now: Date = new Date()): boolean {
  return db.transaction(() => {
    const result = prepareCached<[ReturnType<typeof channelArgs>], unknown>(
      db,
      `DELETE FROM subscriptions
       WHERE platform = @platform AND workspace_id = @workspace AND channel_id = @channel`,
    ).run(channelArgs(channel));
    if (result.changes > 0) cancelUnsentParts(db, channel, 'unsubscribed', now);
    return result.changes > 0;
  })();
}

/** A workspace's subscriptions, by channel id. */
export function listSubscriptions(
  db: Db,
  platform: ChannelPlatform,
  workspaceId: string,
): Subscription[] {
  return prepareCached<[{ platform: string; workspace: string }], SubscriptionRow>(
    db,
    `SELECT ${COLUMNS} FROM subscriptions WHERE platform = @platform AND workspace_id = @workspace
     ORDER BY channel_id`,
  )
    .all({ platform, workspace: workspaceId })
    .map(toSubscription);
}

/** Every subscription, in a stable order (the weekly job's input). */
export function listAllSubscriptions(db: Db): Subscription[] {
  return prepareCached<[], SubscriptionRow>(
    db,
    `SELECT ${COLUMNS} FROM subscriptions ORDER BY platform, workspace_id, channel_id`,
  )
    .all()
    .map(toSubscription);
}

export function pauseSubscription(db: Db, channel: ChannelRef, reason: string, now: Date): void {
  prepareCached<[ReturnType<typeof channelArgs> & { reason: string; at: string }], unknown>(
    db,
    `UPDATE subscriptions SET paused_reason = @reason, paused_at = @at, updated_at = @at
     WHERE platform = @platform AND workspace_id = @workspace AND channel_id = @channel`,
  ).run({ ...channelArgs(channel), reason, at: now.toISOString() });
}

/** Lifts a pause and requeues the parts it held back. False when the channel was not paused. */
export function resumeSubscription(db: Db, channel: ChannelRef, now: Date): boolean {
  return db.transaction(() => {
    const result = prepareCached<[ReturnType<typeof channelArgs> & { at: string }], unknown>(
      db,
      `UPDATE subscriptions SET paused_reason = NULL, paused_at = NULL, updated_at = @at
       WHERE platform = @platform AND workspace_id = @workspace AND channel_id = @channel
         AND paused_reason IS NOT NULL`,
    ).run({ ...channelArgs(channel), at: now.toISOString() });
    if (result.changes > 0) requeueHeldParts(db, channel, now);
    return result.changes > 0;
  })();
}

/** The shape CommandDeps.subscriptions expects, over this database. */
export function createSubscriptionStore(db: Db) {
  return {
    get: (platform: ChannelPlatform, workspaceId: string, channelId: string) =>
      getSubscription(db, { platform, workspaceId, channelId }),
    upsert: (input: SubscriptionInput, now: Date) => upsertSubscription(db, input, now),
    remove: (platform: ChannelPlatform, workspaceId: string, channelId: string) =>
      removeSubscription(db, { platform, workspaceId, channelId }),
    list: (platform: ChannelPlatform, workspaceId: string) =>
      listSubscriptions(db, platform, workspaceId),
  };
}
