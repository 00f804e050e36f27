// Sends due outbox parts: per (week, channel) in part order, part 0 first and later parts with
// its message id as parent (Slack posts them in its thread).
// Rules, in the order they apply to a part:
// - claimed first: 'sending', attempts + 1 and a lease, committed before the platform is called;
// - if any earlier attempt existed (a crash or a lost response may have let the platform accept
//   it), ask the platform (adapter.findSent with the part's key) and record what it found as sent
//   instead of posting again;
// - sent -> record the message id; retry -> back to pending after Retry-After when the platform
//   gave one, else exponential backoff (base * 2^(attempt-1), capped), until maxAttempts, then
//   failed; permanent -> the part fails, the channel's unsent parts are held (paused) and the
//   subscription is paused with the reason, which `status` shows;
// - an adapter that throws is treated like a lost response: retried later, findSent first.
// A 'sending' part left by a crashed run is due again once its lease has expired.
import type { ChannelRef, Platform } from '../domain.js';
import type { Logger } from '../logging.js';
import type { Db } from '../store/database.js';
import {
  cancelUnsentParts,
  claimPart,
  holdUnsentParts,
  listDueGroups,
  listParts,
  markFailed,
  markRetry,
  markSent,
  type OutboxPart,
} from '../store/outbox.js';
import { getSubscription, pauseSubscription } from '../store/subscriptions.js';
import type { DeliveryAdapter, SendContext, SendOutcome } from './adapter.js';
import { describeChannel } from './enqueue-digest.js';

export interface ProcessOptions {
  /** Attempts before a transiently failing part is given up (default 8). */
  maxAttempts?: number;
  /** First retry delay without Retry-After (default 30 s); doubles each attempt. */
  baseDelayMs?: number;
  /** Cap on the backoff delay (default 6 h). */
  maxDelayMs?: number;
  /** How long a claimed part may be in flight before another run may take it over (5 min). */
  leaseMs?: number;
  logger?: Logger;
}

export interface ProcessReport {
  sent: number;
  /** Parts found already posted (after a crash or lost response) and recorded, not re-sent. */
  recovered: number;
  retried: number;
  failed: number;
  /** Channels paused by a permanent failure, as platform:workspace:channel. */
  paused: string[];
  /** Parts left waiting because no adapter for their platform was given. */
  noAdapter: number;
}

const DEFAULTS = {
  maxAttempts: 8,
  baseDelayMs: 30_000,
  maxDelayMs: 6 * 3_600_000,
  leaseMs: 5 * 60_000,
};

export function retryDelayMs(
  attempt: number,
  retryAfterMs: number | null,
  options: { baseDelayMs: number; maxDelayMs: number },
): number {
  if (retryAfterMs !== null && retryAfterMs >= 0) return Math.min(retryAfterMs, options.maxDelayMs);
  const exponential = options.baseDelayMs * 2 ** Math.max(0, attempt - 1);
  return Math.min(exponential, options.maxDelayMs);
}

export async function processOutbox(
  db: Db,
  adapters: ReadonlyMap<Platform, DeliveryAdapter>,
  now: Date,
  options: ProcessOptions = {},
): Promise<ProcessReport> {
  const settings = { ...DEFAULTS, ...withoutUndefined(options) };
  const report: ProcessReport = {
    sent: 0,
    recovered: 0,
    retried: 0,
    failed: 0,
    paused: [],
    noAdapter: 0,
  };
  for (const group of listDueGroups(db, now)) {
    const subscription = getSubscription(db, group.channel);
    if (subscription === null) {
      cancelUnsentParts(db, group.channel, 'unsubscribed', now);
      continue;
    }
    if (subscription.pausedReason !== null) {
      holdUnsentParts(db, group.channel, now);
      continue;
    }
    const adapter = adapters.get(group.channel.platform);
    if (!adapter) {
      report.noAdapter += listParts(db, group.week, group.channel).filter(
        (p) => p.status === 'pending' || p.status === 'sending',
      ).length;
      continue;
    }
    await deliverGroup(db, adapter, group.channel, group.week, now, settings, report);
  }
  return report;
}

async function deliverGroup(
  db: Db,
  adapter: DeliveryAdapter,
  channel: ChannelRef,
  week: string,
  now: Date,
  settings: typeof DEFAULTS & { logger?: Logger },
  report: ProcessReport,
): Promise<void> {
  const log = settings.logger?.child({
    platform: channel.platform,
    channel: describeChannel(channel),
    iso_week: week,
  });
  const parts = listParts(db, week, channel);
  let parentMessageId: string | null = null;
  for (const [position, part] of parts.entries()) {
    if (part.status === 'sent') {
      if (part.index === 0) parentMessageId = part.messageId;
      continue;
    }
    if (part.status !== 'pending' && part.status !== 'sending') return;
    if (Date.parse(part.nextAttemptAt) > now.getTime()) return;
    if (part.index > 0 && parentMessageId === null) return;
    if (!claimPart(db, part, new Date(now.getTime() + settings.leaseMs), now)) return;
    const attempt = part.attempts + 1;
    const context: SendContext = {
      key: part.key,
      parentMessageId: part.index === 0 ? null : parentMessageId,
    };

    let outcome: SendOutcome;
    try {
      // Any earlier attempt may have reached the platform, including one made before the
      // channel was paused and resumed (requeueing resets `attempts` but keeps `lastError`).
      const triedBefore = part.attempts > 0 || part.lastError !== null;
      const already = triedBefore ? await adapter.findSent(channel, context) : null;
      if (already !== null) {
        markSent(db, part.id, already, now);
        report.recovered++;
        log?.info({ part: part.index, message_id: already }, 'delivery: found already posted');
        if (part.index === 0) parentMessageId = already;
        continue;
      }
      outcome = await adapter.send(
        channel,
        { index: part.index, total: part.total, payload: part.payload, text: part.text },
        context,
      );
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      outcome = { status: 'retry', reason: `adapter error: ${message}`, retryAfterMs: null };
    }

    if (outcome.status === 'sent') {
      markSent(db, part.id, outcome.messageId, now);
      report.sent++;
      log?.info({ part: part.index, message_id: outcome.messageId }, 'delivery: sent');
      if (part.index === 0) parentMessageId = outcome.messageId;
      continue;
    }
    if (outcome.status === 'retry' && attempt < settings.maxAttempts) {
      const delay = retryDelayMs(attempt, outcome.retryAfterMs, settings);
      markRetry(db, part.id, outcome.reason, new Date(now.getTime() + delay), now);
      report.retried++;
      log?.warn(
        { part: part.index, attempt, retry_in_ms: delay, reason: outcome.reason },
        'delivery: retry',
      );
      return;
    }
    if (outcome.status === 'retry') {
      const reason = `gave up after ${attempt} attempts: ${outcome.reason}`;
      failRest(db, parts.slice(position), reason, now);
      report.failed++;
      log?.error({ part: part.index, reason }, 'delivery: failed');
      return;
    }
    const reason = outcome.reason;
    db.transaction(() => {
      markFailed(db, part.id, reason, now);
      holdUnsentParts(db, channel, now);
      pauseSubscription(db, channel, reason, now);
    })();
    report.failed++;
    report.paused.push(describeChannel(channel));
    log?.error({ part: part.index, reason }, 'delivery: channel paused');
    return;
  }
}

/** Marks a part and every unsent part after it failed (a digest without its start is useless). */
function failRest(db: Db, rest: OutboxPart[], reason: string, now: Date): void {
  db.transaction(() => {
    for (const part of rest) {
      if (part.status === 'sent') continue;
      markFailed(db, part.id, part === rest[0] ? reason : `an earlier part failed: ${reason}`, now);
    }
  })();
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
