// The weekly catch-up job: for every channel whose digest is due, build the week's digest from
// the archive, write it to digests/ (before anything is posted), record the channel's parts in the
// outbox, then send what is due. Safe to run as often as you like (the scheduler runs it every
// few minutes; `briefing digest --post` runs it by hand).
// Rules:
// - a channel's digest for a week is decided once (digest_runs): enqueued, or skipped with the
//   reason; the outbox's unique keys make the enqueue itself idempotent too;
// - due = digestDueAt(week, the channel's schedule or the default); a week is considered only if
//   its due time has passed and came after the channel subscribed;
// - after downtime, a due digest is still sent when the job runs within graceHours of the due
//   time, and skipped (recorded, with the reason) beyond that; never sent twice;
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
import { candidateWeeks, digestDueAt } from '../time/digest-schedule.js';
import { weekDigestOnce } from './week-digest-archive.js';

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
  const graceMs = defaults.graceHours * 3_600_000;
  const report: DigestJobReport = {
    enqueued: [],
    skipped: [],
    archived: [],
    delivery: emptyProcessReport(),
  };
  const digests = new Map<string, Digest>();

  for (const week of candidateWeeks(now, timeZone)) {
    const label = formatWeek(week);
    for (const subscription of listAllSubscriptions(db)) {
      const channel: ChannelRef = subscription;
      const dueAt = digestDueAt(week, subscription.schedule ?? defaults, timeZone);
      if (dueAt.getTime() > now.getTime()) continue;
      if (dueAt.getTime() < Date.parse(subscription.createdAt)) continue;
      if (getDigestRun(db, label, channel)) continue;
      const decide = (status: 'enqueued' | 'skipped', reason: string | null) =>
        recordDigestRun(db, {
          week: label,
          channel,
          status,
          reason,
          dueAt: dueAt.toISOString(),
          decidedAt: now.toISOString(),
        });

      const skipReason = reasonToSkip(subscription, dueAt, now, graceMs, defaults.graceHours);
      if (skipReason !== null) {
        decide('skipped', skipReason);
        report.skipped.push({ week: label, channel: describeChannel(channel), reason: skipReason });
        logger?.warn(
          { iso_week: label, channel: describeChannel(channel), reason: skipReason },
          'digest: skipped',
        );
        continue;
      }
      const adapter = input.adapters.get(subscription.platform);
      if (!adapter) {
        logger?.warn(
          { iso_week: label, platform: subscription.platform },
          'digest: no adapter; will retry',
        );
        continue;
      }
      // One channel that cannot be rendered or recorded must not block every other channel's
      // digest (nor the delivery below): log it and leave it undecided, so the next tick retries.
      let result: ReturnType<typeof enqueueDigest>;
      try {
        const digest = digestOfWeek(input, week, digests, report);
        result = enqueueDigest(db, { digest, subscription, adapter, now });
      } catch (error) {
        logger?.error(
          { iso_week: label, channel: describeChannel(channel), err: error },
          'digest: could not enqueue this channel; will retry',
        );
        continue;
      }
      decide('enqueued', null);
      if (result.status === 'enqueued') {
        report.enqueued.push({
          week: label,
          channel: describeChannel(channel),
          parts: result.parts,
        });
        logger?.info(
          { iso_week: label, channel: describeChannel(channel), parts: result.parts },
          'digest: enqueued',
        );
      }
    }
  }
  report.delivery = await processOutbox(db, input.adapters, now, {
    ...input.delivery,
    ...(logger ? { logger } : {}),
  });
  return report;
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
  dueAt: Date,
  now: Date,
  graceMs: number,
  graceHours: number,
): string | null {
  if (subscription.pausedReason !== null) return `channel paused: ${subscription.pausedReason}`;
  const lateMs = now.getTime() - dueAt.getTime();
  if (lateMs > graceMs) {
    const hours = Math.floor(lateMs / 3_600_000);
    return `missed: due ${dueAt.toISOString()}, the bot was back ${hours} h later (grace ${graceHours} h)`;
  }
  return null;
}
