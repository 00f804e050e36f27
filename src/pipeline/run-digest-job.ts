// The catch-up job: for every channel whose digest is due (a week's, or a day's for channels with
// the daily cadence), build the digest from the archive, write a week's to digests/ (before
// anything is posted), record the channel's parts in the outbox, then send what is due. Safe to run as often as you like (the scheduler runs it every
// few minutes; `briefing digest --post` runs it by hand).
// Rules:
// - a channel's digest for a week is decided once (digest_runs): enqueued, or skipped with the
//   reason; the outbox's unique keys make the enqueue itself idempotent too;
// - due = digestDueAt(week, the channel's schedule or the default), or for a daily channel the
//   next day at its time (time/digest-schedule.ts); a period is considered only if its due time
//   has passed and came after the channel subscribed; a day's key is its date ("2026-12-07");
// - a daily channel's quiet day (nothing for its themes) is skipped, not posted;
// - after downtime, a due digest is still sent when the job runs within graceHours of the due
//   time (at most 24 hours for a day's), and skipped (recorded, with the reason) beyond that; never sent twice;
// - a paused channel's digest is skipped with the pause reason;
// - the week's digest is built and archived once, when its first channel falls due; channels
//   due later in the week get the archived one (week-digest-archive.ts).
import { buildWeekDigest, type DigestJobConfig } from './build-week-digest.js';
import type { ChannelRef, Digest, IsoWeek, Subscription } from '../domain.js';
import type { DeliveryAdapters } from '../delivery/adapter.js';
import { describeChannel, enqueueDigest } from '../delivery/enqueue-digest.js';
import {
  emptyProcessReport,
  processOutbox,
  type ProcessOptions,
  type ProcessReport,
} from '../delivery/process-outbox.js';
import type { ArchivedDigest } from '../digest/archive-digest.js';
import { formatWeek } from '../time/week.js';
import type { Logger } from '../logging.js';
import type { Db } from '../store/database.js';
import { getDigestRun, recordDigestRun } from '../store/digest-runs.js';
import { listAllSubscriptions } from '../store/subscriptions.js';
import { candidatePeriods, type DigestPeriod } from '../time/digest-schedule.js';
import { selectForSubscription } from '../digest/select-for-subscription.js';
import { buildDayDigest } from './build-day-digest.js';
import { weekDigestOnce } from './week-digest-archive.js';
import { digestForWorkspace } from './workspace-digest.js';

export interface DigestJobInput {
  db: Db;
  config: DigestJobConfig;
  adapters: DeliveryAdapters;
  now: Date;
  digestsDir: string;
  logger?: Logger;
  delivery?: ProcessOptions;
  /** Seconds each week's digest took to build (the metrics endpoint's histogram). */
  onDigestBuilt?: (seconds: number) => void;
}

export interface DigestJobReport {
  enqueued: { week: string; channel: string; parts: number }[];
  skipped: { week: string; channel: string; reason: string }[];
  archived: ArchivedDigest[];
  delivery: ProcessReport;
}

export async function runDigestJob(input: DigestJobInput): Promise<DigestJobReport> {
  const { db, config, now, logger } = input;
  const { timeZone, digest: defaults } = config.settings;
  const report: DigestJobReport = {
    enqueued: [],
    skipped: [],
    archived: [],
    delivery: emptyProcessReport(),
  };
  const digests = new Map<string, Digest>();
  for (const subscription of listAllSubscriptions(db)) {
    const cadence = subscription.cadence ?? 'weekly';
    const schedule = subscription.schedule ?? defaults;
    for (const period of candidatePeriods(cadence, schedule, now, timeZone)) {
      decidePeriod(input, subscription, period, digests, report);
    }
  }
  report.delivery = await processOutbox(db, input.adapters, now, {
    ...input.delivery,
    ...(logger ? { logger } : {}),
  });
  return report;
}

/** One channel's digest for one period, decided once: enqueued, skipped, or left for later. */
function decidePeriod(
  input: DigestJobInput,
  subscription: Subscription,
  period: DigestPeriod,
  digests: Map<string, Digest>,
  report: DigestJobReport,
): void {
  const { db, now, logger } = input;
  const { label, dueAt } = period;
  const channel: ChannelRef = subscription;
  const where = { iso_week: label, channel: describeChannel(channel) };
  if (dueAt.getTime() > now.getTime()) return;
  if (dueAt.getTime() < Date.parse(subscription.createdAt)) return;
  if (getDigestRun(db, label, channel)) return;
  const decide = (status: 'enqueued' | 'skipped', reason: string | null) =>
    recordDigestRun(db, {
      week: label,
      channel,
      status,
      reason,
      dueAt: dueAt.toISOString(),
      decidedAt: now.toISOString(),
    });
  const skip = (reason: string) => {
    decide('skipped', reason);
    report.skipped.push({ week: label, channel: where.channel, reason });
    logger?.warn({ ...where, reason }, 'digest: skipped');
  };

  const skipReason = reasonToSkip(subscription, period, now, input.config.settings.digest);
  if (skipReason !== null) return skip(skipReason);
  const adapter = input.adapters.get(subscription.platform);
  if (!adapter) {
    logger?.warn(
      { iso_week: label, platform: subscription.platform },
      'digest: no adapter; will retry',
    );
    return;
  }
  // One channel that cannot be rendered or recorded must not block every other channel's
  // digest (nor the delivery): log it and leave it undecided, so the next tick retries.
  let result: ReturnType<typeof enqueueDigest>;
  try {
    const digest = digestForChannel(input, period, subscription, digests, report);
    // A quiet day is not worth a message; an empty week still is (it says so plainly).
    if (period.cadence === 'daily' && !hasEntries(selectForSubscription(digest, subscription))) {
      return skip('no stories for this channel that day');
    }
    result = enqueueDigest(db, { digest, subscription, adapter, now });
  } catch (error) {
    logger?.error({ ...where, err: error }, 'digest: could not enqueue this channel; will retry');
    return;
  }
  decide('enqueued', null);
  if (result.status === 'enqueued') {
    report.enqueued.push({ week: label, channel: where.channel, parts: result.parts });
    logger?.info({ ...where, parts: result.parts }, 'digest: enqueued');
  }
}

function hasEntries(view: Digest): boolean {
  return view.sections.some((s) => s.entries.length > 0);
}

/**
 * The digest a channel gets: the period's shared digest, or, when its workspace has corrected
 * stories of that period, the same period built with those corrections (workspace-digest.ts; not
 * archived: digests/ holds the rules' view; the workspace's corrections are in the database).
 * The shared digest is built (and a week's archived) first, whatever the channel gets.
 */
function digestForChannel(
  input: DigestJobInput,
  period: DigestPeriod,
  subscription: Subscription,
  digests: Map<string, Digest>,
  report: DigestJobReport,
): Digest {
  const shared = digestOfPeriod(input, period, digests, report);
  const { db, config } = input;
  return digestForWorkspace({
    db,
    workspace: subscription,
    period,
    shared: () => shared,
    rebuild: (overrides) =>
      period.cadence === 'weekly'
        ? buildWeekDigest(db, config, period.week, undefined, undefined, overrides)
        : buildDayDigest(db, config, period.day, overrides),
    cache: digests,
  });
}

/** A day's digest is built for this run only (not archived: build-day-digest.ts says why). */
function digestOfPeriod(
  input: DigestJobInput,
  period: DigestPeriod,
  digests: Map<string, Digest>,
  report: DigestJobReport,
): Digest {
  if (period.cadence === 'weekly') return digestOfWeek(input, period.week, digests, report);
  const known = digests.get(period.label);
  if (known) return known;
  const digest = buildDayDigest(input.db, input.config, period.day);
  digests.set(period.label, digest);
  return digest;
}

/**
 * The week's digest, built and archived when its first channel falls due (or read back from the
 * archive after that), then shared by every channel in this run.
 */
function digestOfWeek(
  input: DigestJobInput,
  week: IsoWeek,
  digests: Map<string, Digest>,
  report: DigestJobReport,
): Digest {
  const label = formatWeek(week);
  const known = digests.get(label);
  if (known) return known;
  const { db, config, logger } = input;
  const once = weekDigestOnce({
    db,
    week: label,
    digestsDir: input.digestsDir,
    build: () => {
      const started = performance.now();
      const digest = buildWeekDigest(db, config, week);
      input.onDigestBuilt?.((performance.now() - started) / 1000);
      return digest;
    },
    ...(logger ? { logger } : {}),
  });
  if (once.archived) report.archived.push(once.archived);
  digests.set(label, once.digest);
  return once.digest;
}

function reasonToSkip(
  subscription: Subscription,
  period: DigestPeriod,
  now: Date,
  defaults: { graceHours: number },
): string | null {
  if (subscription.pausedReason !== null) return `channel paused: ${subscription.pausedReason}`;
  // A day's catch-up is stale once the next one is due: its grace is at most a day.
  const graceHours =
    period.cadence === 'daily' ? Math.min(defaults.graceHours, 24) : defaults.graceHours;
  const lateMs = now.getTime() - period.dueAt.getTime();
  if (lateMs > graceHours * 3_600_000) {
    const hours = Math.floor(lateMs / 3_600_000);
    return `missed: due ${period.dueAt.toISOString()}, the bot was back ${hours} h later (grace ${graceHours} h)`;
  }
  return null;
}
