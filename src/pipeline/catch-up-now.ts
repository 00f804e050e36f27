// Last week's catch-up, asked for at subscribe time (`subscribe ... now`, or the button): the
// complete ISO week before the current one, as the weekly job would post it, queued in the outbox
// for this channel now. The delivery job (every minute) posts it.
// Rules: once per (week, channel), like a scheduled digest: the outbox's parts say whether it was
// queued before, and the decision is recorded in digest_runs, so the weekly job never posts that
// week to the channel again (subscribing on a Monday before the digest time asks for the very
// week about to fall due). The week's archive is shared with the weekly job (week-digest-archive).
import type { CatchUpOutcome, FirstDigest } from '../commands/types.js';
import type { DeliveryAdapters } from '../delivery/adapter.js';
import { enqueueDigest } from '../delivery/enqueue-digest.js';
import type { Subscription } from '../domain.js';
import type { Logger } from '../logging.js';
import type { Db } from '../store/database.js';
import { recordDigestRun } from '../store/digest-runs.js';
import { hasParts } from '../store/outbox.js';
import { nextDigestPeriod } from '../time/digest-schedule.js';
import { formatWeek, previousWeek, weekOf } from '../time/week.js';
import { buildWeekDigest, type DigestJobConfig } from './build-week-digest.js';
import { weekDigestOnce } from './week-digest-archive.js';

export interface CatchUpDeps {
  db: Db;
  config: DigestJobConfig;
  /** Looked up when asked (the platforms register theirs as they start). */
  adapters: DeliveryAdapters;
  digestsDir: string;
  logger?: Logger;
}

export function queueCatchUpNow(
  deps: CatchUpDeps,
  subscription: Subscription,
  now: Date,
): CatchUpOutcome {
  const { db, config } = deps;
  const week = previousWeek(weekOf(now, config.settings.timeZone));
  const label = formatWeek(week);
  const adapter = deps.adapters.get(subscription.platform);
  if (!adapter) {
    return { status: 'unavailable', week: label, reason: 'this platform is not posting yet' };
  }
  if (hasParts(db, label, subscription)) return { status: 'already', week: label };
  const once = weekDigestOnce({
    db,
    week: label,
    digestsDir: deps.digestsDir,
    build: () => buildWeekDigest(db, config, week),
    ...(deps.logger ? { logger: deps.logger } : {}),
  });
  const result = db.transaction(() => {
    const queued = enqueueDigest(db, { digest: once.digest, subscription, adapter, now });
    recordDigestRun(db, {
      week: label,
      channel: subscription,
      status: 'enqueued',
      reason: 'asked for at subscribe',
      dueAt: now.toISOString(),
      decidedAt: now.toISOString(),
    });
    return queued;
  })();
  deps.logger?.info(
    { iso_week: label, platform: subscription.platform, channel: subscription.channelId },
    'digest: catch-up queued on request',
  );
  return { status: result.status === 'enqueued' ? 'queued' : 'already', week: label };
}

/** The channel's first scheduled catch-up due at or after `from` (its cadence and schedule). */
export function nextScheduledDigest(
  config: DigestJobConfig,
  subscription: Subscription,
  from: Date,
): FirstDigest {
  const cadence = subscription.cadence ?? 'weekly';
  const { day, time } = config.settings.digest;
  const period = nextDigestPeriod(
    cadence,
    subscription.schedule ?? { day, time },
    from,
    config.settings.timeZone,
  );
  return { cadence, label: period.label, at: period.dueAt.toISOString() };
}
