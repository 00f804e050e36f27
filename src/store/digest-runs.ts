// The weekly job's decisions: per (week, channel), enqueued or skipped (with the reason). The
// primary key makes a decision once and for all, so the job can run any number of times.
import type { ChannelRef, ChannelPlatform } from '../domain.js';
import type { Db } from './database.js';
import { prepareCached } from './prepared.js';

export type DigestRunStatus = 'enqueued' | 'skipped';

export interface DigestRun {
  week: string;
  channel: ChannelRef;
  status: DigestRunStatus;
  reason: string | null;
  dueAt: string;
  decidedAt: string;
}

interface DigestRunRow {
  week: string;
  platform: string;
  workspace_id: string;
  channel_id: string;
  status: string;
  reason: string | null;
  due_at: string;
  decided_at: string;
}

function toRun(row: DigestRunRow): DigestRun {
  return {
    week: row.week,
    channel: {
      platform: row.platform as ChannelPlatform,
      workspaceId: row.workspace_id,
      channelId: row.channel_id,
    },
    status: row.status as DigestRunStatus,
    reason: row.reason,
    dueAt: row.due_at,
    decidedAt: row.decided_at,
  };
}

/** Records a decision unless one exists. True when this call made it. */
export function recordDigestRun(db: Db, run: DigestRun): boolean {
  return (
    prepareCached<[object], unknown>(
      db,
      `INSERT OR IGNORE INTO digest_runs
         (week, platform, workspace_id, channel_id, status, reason, due_at, decided_at)
       VALUES (@week, @platform, @workspace, @channel, @status, @reason, @dueAt, @decidedAt)`,
    ).run({
      week: run.week,
      platform: run.channel.platform,
      workspace: run.channel.workspaceId,
      channel: run.channel.channelId,
      status: run.status,
      reason: run.reason,
      dueAt: run.dueAt,
      decidedAt: run.decidedAt,
    }).changes === 1
  );
}

export function getDigestRun(db: Db, week: string, channel: ChannelRef): DigestRun | null {
  const row = prepareCached<[object], DigestRunRow>(
    db,
    `SELECT * FROM digest_runs WHERE week = @week AND platform = @platform
       AND workspace_id = @workspace AND channel_id = @channel`,
  ).get({
    week,
    platform: channel.platform,
    workspace: channel.workspaceId,
    channel: channel.channelId,
  });
  return row ? toRun(row) : null;
}

/** Decisions for a week (or all weeks, newest first), for status and tests. */
export function listDigestRuns(db: Db, week?: string): DigestRun[] {
  const rows =
    week === undefined
      ? prepareCached<[], DigestRunRow>(
          db,
          `SELECT * FROM digest_runs ORDER BY week DESC, platform, workspace_id, channel_id`,
        ).all()
      : prepareCached<[string], DigestRunRow>(
          db,
          `SELECT * FROM digest_runs WHERE week = ? ORDER BY platform, workspace_id, channel_id`,
        ).all(week);
  return rows.map(toRun);
}

/** The channel's most recent decision (newest due time: weeks and days do not sort as labels). */
export function getLatestDigestRun(db: Db, channel: ChannelRef): DigestRun | null {
  const row = prepareCached<[object], DigestRunRow>(
    db,
    `SELECT * FROM digest_runs WHERE platform = @platform AND workspace_id = @workspace
       AND channel_id = @channel ORDER BY due_at DESC, week DESC LIMIT 1`,
  ).get({
    platform: channel.platform,
    workspace: channel.workspaceId,
    channel: channel.channelId,
  });
  return row ? toRun(row) : null;
}

/**
 * Whether any channel's digest for the week was enqueued. The weekly job archives the week's
 * digest before its first enqueue, so this also says the archive was written.
 */
export function isWeekEnqueued(db: Db, week: string): boolean {
  return (
    prepareCached<[string], { found: number }>(
      db,
      `SELECT 1 AS found FROM digest_runs WHERE week = ? AND status = 'enqueued' LIMIT 1`,
    ).get(week) !== undefined
  );
}
