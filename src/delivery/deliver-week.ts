// One channel's parts of one week's digest, in order: the per-part rules written out in the
// header of process-outbox.ts (claim, findSent before any resend, retry and backoff, give up,
// pause on a permanent failure). processOutbox runs this for many channels at once, never twice
// at once for the same channel. Every timestamp is read from `settings.clock` at the write.
import type { ChannelRef } from '../domain.js';
import type { Logger } from '../logging.js';
import type { Db } from '../store/database.js';
import {
  claimPart,
  holdUnsentParts,
  listParts,
  markFailed,
  markRetry,
  markSent,
  type OutboxPart,
} from '../store/outbox.js';
import { pauseSubscription } from '../store/subscriptions.js';
import type { DeliveryAdapter, SendContext, SendOutcome } from './adapter.js';
import type { DeliveryMetrics } from './delivery-metrics.js';
import { describeChannel } from './enqueue-digest.js';
import type { ProcessReport } from './process-report.js';

export interface DeliverySettings {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  leaseMs: number;
  clock: () => Date;
  /** Recorded on every claim, so another process can tell when the claimant is gone. */
  instanceId: string;
  /** Once aborted (shutdown), no further part is claimed; a send in flight finishes. */
  signal?: AbortSignal;
  logger?: Logger;
  metrics?: DeliveryMetrics;
}

/** Retry-After when the platform gave one, else base * 2^(attempt-1); both capped. */
export function retryDelayMs(
  attempt: number,
  retryAfterMs: number | null,
  options: { baseDelayMs: number; maxDelayMs: number },
): number {
  if (retryAfterMs !== null && retryAfterMs >= 0) return Math.min(retryAfterMs, options.maxDelayMs);
  const exponential = options.baseDelayMs * 2 ** Math.max(0, attempt - 1);
  return Math.min(exponential, options.maxDelayMs);
}

export async function deliverWeek(
  db: Db,
  adapter: DeliveryAdapter,
  channel: ChannelRef,
  week: string,
  settings: DeliverySettings,
  report: ProcessReport,
): Promise<void> {
  const { clock } = settings;
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
    if (settings.signal?.aborted) return;
    const claimedAt = clock();
    if (Date.parse(part.nextAttemptAt) > claimedAt.getTime()) return;
    if (part.index > 0 && parentMessageId === null) return;
    const lease = new Date(claimedAt.getTime() + settings.leaseMs);
    if (!claimPart(db, part, lease, claimedAt, settings.instanceId)) return;
    const attempt = part.attempts + 1;
    const context = contextFor(part, week, parentMessageId);
    const outcome = await sendOrFindSent(adapter, channel, part, context);
    if (outcome.status === 'already-sent') {
      markSent(db, part.id, outcome.messageId, clock());
      report.recovered++;
      log?.info(
        { part: part.index, message_id: outcome.messageId },
        'delivery: found already posted',
      );
      if (part.index === 0) parentMessageId = outcome.messageId;
      continue;
    }

    if (outcome.status === 'sent') {
      markSent(db, part.id, outcome.messageId, clock());
      report.sent++;
      log?.info({ part: part.index, message_id: outcome.messageId }, 'delivery: sent');
      if (part.index === 0) parentMessageId = outcome.messageId;
      continue;
    }
    if (outcome.status === 'retry' && outcome.rateLimited === true) {
      settings.metrics?.observeRateLimited(adapter.platform);
    }
    if (outcome.status === 'retry' && attempt < settings.maxAttempts) {
      const delay = retryDelayMs(attempt, outcome.retryAfterMs, settings);
      const at = clock();
      markRetry(db, part.id, outcome.reason, new Date(at.getTime() + delay), at);
      report.retried++;
      log?.warn(
        { part: part.index, attempt, retry_in_ms: delay, reason: outcome.reason },
        'delivery: retry',
      );
      return;
    }
    if (outcome.status === 'retry') {
      const reason = `gave up after ${attempt} attempts: ${outcome.reason}`;
      failRest(db, parts.slice(position), reason, clock());
      report.failed++;
      log?.error({ part: part.index, reason }, 'delivery: failed');
      return;
    }
    pauseChannel(db, channel, part, outcome.reason, clock());
    report.failed++;
    report.paused.push(describeChannel(channel));
    log?.error({ part: part.index, reason: outcome.reason }, 'delivery: channel paused');
    return;
  }
}

/** A part still 'sending' when read was claimed by an attempt that never recorded its end. */
function contextFor(part: OutboxPart, week: string, parentMessageId: string | null): SendContext {
  return {
    key: part.key,
    parentMessageId: part.index === 0 ? null : parentMessageId,
    interrupted: part.status === 'sending',
    week,
  };
}

/**
 * Sends one part, unless an earlier attempt already reached the platform: any earlier attempt
 * may have, including one made before the channel was paused and resumed (requeueing resets
 * `attempts` but keeps `lastError`). An adapter that throws counts as a transient failure.
 */
async function sendOrFindSent(
  adapter: DeliveryAdapter,
  channel: ChannelRef,
  part: OutboxPart,
  context: SendContext,
): Promise<SendOutcome | { status: 'already-sent'; messageId: string }> {
  try {
    const triedBefore = part.attempts > 0 || part.lastError !== null;
    const already = triedBefore ? await adapter.findSent(channel, context) : null;
    if (already !== null) return { status: 'already-sent', messageId: already };
    return await adapter.send(
      channel,
      { index: part.index, total: part.total, payload: part.payload, text: part.text },
      context,
    );
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { status: 'retry', reason: `adapter error: ${message}`, retryAfterMs: null };
  }
}

/** A permanent failure: the part fails, the channel's unsent parts wait, the channel pauses. */
function pauseChannel(
  db: Db,
  channel: ChannelRef,
  part: OutboxPart,
  reason: string,
  at: Date,
): void {
  db.transaction(() => {
    markFailed(db, part.id, reason, at);
    holdUnsentParts(db, channel, at);
    pauseSubscription(db, channel, reason, at);
  })();
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
