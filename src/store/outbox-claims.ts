// Parts in flight (outbox rows with status 'sending') and who claimed them: listed for `deliver`
// and `status`, and released early when their claimant is gone. A release only makes the part due
// now (next_attempt_at); it stays 'sending' with its attempts, so the next claim goes through the
// usual "ask the platform before resending" step (src/delivery/deliver-week.ts).
import type { ChannelRef, Platform } from '../domain.js';
import type { Db } from './database.js';
import { prepareCached } from './prepared.js';

export interface SendingPart {
  id: number;
  week: string;
  channel: ChannelRef;
  index: number;
  total: number;
  attempts: number;
  /** Null for a part claimed before migration 0006 (only its lease can free it). */
  claimedBy: string | null;
  /** When the claim (or the last release) was written. */
  updatedAt: string;
  /** The lease: due again from then (or now, once released). */
  nextAttemptAt: string;
}

interface SendingRow {
  id: number;
  week: string;
  platform: string;
  workspace_id: string;
  channel_id: string;
  part_index: number;
  part_total: number;
  attempts: number;
  claimed_by: string | null;
  updated_at: string;
  next_attempt_at: string;
}

export type SendingFilter =
  | { scope: 'all' }
  | { scope: 'workspace'; platform: Platform; workspaceId: string }
  | { scope: 'channel'; channel: ChannelRef };

const SELECT = `SELECT id, week, platform, workspace_id, channel_id, part_index, part_total, attempts,
  claimed_by, updated_at, next_attempt_at FROM outbox WHERE status = 'sending'`;
const ORDER = 'ORDER BY week, platform, workspace_id, channel_id, part_index';

/** Parts marked in flight, by week, channel and part. */
export function listSendingParts(db: Db, filter: SendingFilter): SendingPart[] {
  let rows: SendingRow[];
  if (filter.scope === 'all') {
    rows = prepareCached<[], SendingRow>(db, `${SELECT} ${ORDER}`).all();
  } else if (filter.scope === 'workspace') {
    rows = prepareCached<[object], SendingRow>(
      db,
      `${SELECT} AND platform = @platform AND workspace_id = @workspace ${ORDER}`,
    ).all({ platform: filter.platform, workspace: filter.workspaceId });
  } else {
    rows = prepareCached<[object], SendingRow>(
      db,
      `${SELECT} AND platform = @platform AND workspace_id = @workspace
         AND channel_id = @channel ${ORDER}`,
    ).all({
      platform: filter.channel.platform,
      workspace: filter.channel.workspaceId,
      channel: filter.channel.channelId,
    });
  }
  return rows.map((r) => ({
    id: r.id,
    week: r.week,
    channel: {
      platform: r.platform as Platform,
      workspaceId: r.workspace_id,
      channelId: r.channel_id,
    },
    index: r.part_index,
    total: r.part_total,
    attempts: r.attempts,
    claimedBy: r.claimed_by,
    updatedAt: r.updated_at,
    nextAttemptAt: r.next_attempt_at,
  }));
}

/**
 * Makes a part whose claimant is gone due at `now`, with the reason as its last error. Only if it
 * is still that claim (same claimant and attempts: nobody took it over meanwhile) and its lease
 * has not already run out. True when it was released.
 */
export function releaseClaim(db: Db, part: SendingPart, reason: string, now: Date): boolean {
  return (
    prepareCached<[object], unknown>(
      db,
      `UPDATE outbox SET next_attempt_at = @at, last_error = @reason, updated_at = @at
       WHERE id = @id AND status = 'sending' AND claimed_by = @claimedBy
         AND attempts = @attempts AND next_attempt_at > @at`,
    ).run({
      id: part.id,
      claimedBy: part.claimedBy,
      attempts: part.attempts,
      reason,
      at: now.toISOString(),
    }).changes === 1
  );
}
