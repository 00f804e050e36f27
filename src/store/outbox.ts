// The delivery outbox: one row per (week, channel, part), written before anything is sent.
// Rules: a part is claimed (status 'sending', attempts + 1) in its own committed statement before
// the platform is called, conditionally on the status and attempts read, so two processes cannot
// both claim it; every later change is a single-row update. See migrations/0003-delivery.sql for
// the status life cycle.
import type { ChannelRef, ChannelPlatform } from '../domain.js';
import type { Db } from './database.js';
import { prepareCached } from './prepared.js';

export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'paused' | 'cancelled';

export interface OutboxPart {
  id: number;
  week: string;
  channel: ChannelRef;
  index: number;
  total: number;
  payload: unknown;
  text: string;
  key: string;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: string;
  messageId: string | null;
  lastError: string | null;
  sentAt: string | null;
  /** The delivery instance that last claimed it (null: never claimed, or before migration 0006). */
  claimedBy: string | null;
}

interface OutboxRow {
  id: number;
  week: string;
  platform: string;
  workspace_id: string;
  channel_id: string;
  part_index: number;
  part_total: number;
  payload: string;
  text: string;
  idempotency_key: string;
  status: string;
  attempts: number;
  next_attempt_at: string;
  message_id: string | null;
  last_error: string | null;
  sent_at: string | null;
  claimed_by: string | null;
}

export interface NewPart {
  week: string;
  channel: ChannelRef;
  index: number;
  total: number;
  payload: unknown;
  text: string;
  key: string;
}

const channelArgs = (c: ChannelRef) => ({
  platform: c.platform,
  workspace: c.workspaceId,
  channel: c.channelId,
});

// Deadline reminders share the outbox under groups "reminder:..." (delivery/enqueue-reminder.ts):
// "the channel's latest week" (status, requeue after a pause) means its latest digest, not one.
const NOT_REMINDER = "week NOT LIKE 'reminder:%'";

const CHANNEL_WHERE =
  'platform = @platform AND workspace_id = @workspace AND channel_id = @channel';

function toPart(row: OutboxRow): OutboxPart {
  return {
    id: row.id,
    week: row.week,
    channel: {
      platform: row.platform as ChannelPlatform,
      workspaceId: row.workspace_id,
      channelId: row.channel_id,
    },
    index: row.part_index,
    total: row.part_total,
    payload: JSON.parse(row.payload) as unknown,
    text: row.text,
    key: row.idempotency_key,
    status: row.status as OutboxStatus,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    messageId: row.message_id,
    lastError: row.last_error,
    sentAt: row.sent_at,
    claimedBy: row.claimed_by,
  };
}

/** Whether any part of this week's digest was ever recorded for the channel. */
export function hasParts(db: Db, week: string, channel: ChannelRef): boolean {
  return (
    prepareCached<[object], { n: number }>(
      db,
      `SELECT count(*) AS n FROM outbox WHERE week = @week AND ${CHANNEL_WHERE}`,
    ).get({ week, ...channelArgs(channel) })!.n > 0
  );
}

/** Records parts as pending (due at `now`); parts already recorded are left alone. */
export function insertParts(db: Db, parts: readonly NewPart[], now: Date): number {
  const at = now.toISOString();
  const insert = prepareCached<[object], unknown>(
    db,
    `INSERT OR IGNORE INTO outbox (week, platform, workspace_id, channel_id, part_index, part_total,
       payload, text, idempotency_key, status, attempts, next_attempt_at, created_at, updated_at)
     VALUES (@week, @platform, @workspace, @channel, @index, @total, @payload, @text, @key,
       'pending', 0, @at, @at, @at)`,
  );
  return db.transaction(() => {
    let inserted = 0;
    for (const p of parts) {
      inserted += insert.run({
        week: p.week,
        ...channelArgs(p.channel),
        index: p.index,
        total: p.total,
        payload: JSON.stringify(p.payload ?? null),
        text: p.text,
        key: p.key,
        at,
      }).changes;
    }
    return inserted;
  })();
}

/**
 * (week, channel) groups with a part due at `now`, oldest first. "week" is the label of what was
 * enqueued: an ISO week, a day ("2026-12-07"), an alert batch ("2026-12-07 alert 1") or a deadline
 * reminder ("reminder:2021-12-10:consultation:<story id>"); labels of different kinds do not
 * sort in time order, so "oldest" is the order they were recorded in.
 */
export function listDueGroups(db: Db, now: Date): { week: string; channel: ChannelRef }[] {
  return prepareCached<
    [string],
    { week: string; platform: string; workspace_id: string; channel_id: string }
  >(
    db,
    `SELECT week, platform, workspace_id, channel_id, min(next_attempt_at) AS due,
       min(id) AS first_id FROM outbox
     WHERE status IN ('pending', 'sending') AND next_attempt_at <= ?
     GROUP BY week, platform, workspace_id, channel_id
     ORDER BY first_id`,
  )
    .all(now.toISOString())
    .map((r) => ({
      week: r.week,
      channel: {
        platform: r.platform as ChannelPlatform,
        workspaceId: r.workspace_id,
        channelId: r.channel_id,
      },
    }));
}

export function listParts(db: Db, week: string, channel: ChannelRef): OutboxPart[] {
  return prepareCached<[object], OutboxRow>(
    db,
    `SELECT * FROM outbox WHERE week = @week AND ${CHANNEL_WHERE} ORDER BY part_index`,
  )
    .all({ week, ...channelArgs(channel) })
    .map(toPart);
}

/**
 * Claims a part for sending: status 'sending', attempts + 1, the claiming delivery instance, and a
 * lease (next_attempt_at) after which another run treats the attempt as abandoned (sooner when the
 * instance is known to be gone: src/delivery/release-dead-claims.ts). False if someone else
 * changed it first.
 */
export function claimPart(
  db: Db,
  part: OutboxPart,
  leaseUntil: Date,
  now: Date,
  instanceId: string | null = null,
): boolean {
  return (
    prepareCached<[object], unknown>(
      db,
      `UPDATE outbox SET status = 'sending', attempts = attempts + 1, next_attempt_at = @lease,
         claimed_by = @instance, updated_at = @at
       WHERE id = @id AND status = @status AND attempts = @attempts`,
    ).run({
      id: part.id,
      status: part.status,
      attempts: part.attempts,
      lease: leaseUntil.toISOString(),
      instance: instanceId,
      at: now.toISOString(),
    }).changes === 1
  );
}

export function markSent(db: Db, id: number, messageId: string, now: Date): void {
  prepareCached<[object], unknown>(
    db,
    `UPDATE outbox SET status = 'sent', message_id = @messageId, sent_at = @at, updated_at = @at
     WHERE id = @id`,
  ).run({ id, messageId, at: now.toISOString() });
}

export function markRetry(db: Db, id: number, error: string, nextAt: Date, now: Date): void {
  prepareCached<[object], unknown>(
    db,
    `UPDATE outbox SET status = 'pending', last_error = @error, next_attempt_at = @next,
       updated_at = @at
     WHERE id = @id`,
  ).run({ id, error, next: nextAt.toISOString(), at: now.toISOString() });
}

export function markFailed(db: Db, id: number, error: string, now: Date): void {
  prepareCached<[object], unknown>(
    db,
    `UPDATE outbox SET status = 'failed', last_error = @error, updated_at = @at WHERE id = @id`,
  ).run({ id, error, at: now.toISOString() });
}

/** Holds back every unsent part of a channel (after a permanent failure paused it). */
export function holdUnsentParts(db: Db, channel: ChannelRef, now: Date): number {
  return prepareCached<[object], unknown>(
    db,
    `UPDATE outbox SET status = 'paused', updated_at = @at
     WHERE ${CHANNEL_WHERE} AND status IN ('pending', 'sending')`,
  ).run({ ...channelArgs(channel), at: now.toISOString() }).changes;
}

export function cancelUnsentParts(db: Db, channel: ChannelRef, reason: string, now: Date): number {
  return prepareCached<[object], unknown>(
    db,
    `UPDATE outbox SET status = 'cancelled', last_error = @reason, updated_at = @at
     WHERE ${CHANNEL_WHERE} AND status IN ('pending', 'sending', 'paused', 'failed')`,
  ).run({ ...channelArgs(channel), reason, at: now.toISOString() }).changes;
}

/**
 * After a pause is lifted: the held and failed parts of the channel's latest week go back to
 * pending with fresh attempts (older weeks stay as they are: too late to be news).
 */
export function requeueHeldParts(db: Db, channel: ChannelRef, now: Date): number {
  return prepareCached<[object], unknown>(
    db,
    `UPDATE outbox SET status = 'pending', attempts = 0, next_attempt_at = @at, updated_at = @at
     WHERE ${CHANNEL_WHERE} AND status IN ('paused', 'failed')
       AND week = (SELECT week FROM outbox WHERE ${CHANNEL_WHERE} AND ${NOT_REMINDER}
         ORDER BY id DESC LIMIT 1)`,
  ).run({ ...channelArgs(channel), at: now.toISOString() }).changes;
}

export interface ChannelDeliverySummary {
  lastDeliveredWeek: string | null;
  lastDeliveredAt: string | null;
  pendingParts: number;
  lastError: string | null;
}

/** What `status` shows for one channel's deliveries. */
export function summariseChannelDeliveries(db: Db, channel: ChannelRef): ChannelDeliverySummary {
  const args = channelArgs(channel);
  const delivered = prepareCached<[object], { week: string; sent_at: string }>(
    db,
    `SELECT week, max(sent_at) AS sent_at FROM outbox WHERE ${CHANNEL_WHERE} AND status = 'sent'
       AND week NOT LIKE '% alert %' AND ${NOT_REMINDER}
     GROUP BY week ORDER BY max(id) DESC LIMIT 1`,
  ).get(args);
  const pending = prepareCached<[object], { n: number }>(
    db,
    `SELECT count(*) AS n FROM outbox
     WHERE ${CHANNEL_WHERE} AND status IN ('pending', 'sending', 'paused')`,
  ).get(args)!;
  const error = prepareCached<[object], { last_error: string }>(
    db,
    `SELECT last_error FROM outbox WHERE ${CHANNEL_WHERE} AND last_error IS NOT NULL
       AND status IN ('pending', 'sending', 'paused', 'failed')
     ORDER BY updated_at DESC, id DESC LIMIT 1`,
  ).get(args);
  return {
    lastDeliveredWeek: delivered?.week ?? null,
    lastDeliveredAt: delivered?.sent_at ?? null,
    pendingParts: pending.n,
    lastError: error?.last_error ?? null,
  };
}
