// The alert job, run after each poll round (not per story): for every channel with alerts on,
// the stories of the last 24 hours that name an organisation it follows or that three or more
// outlets covered (alert-batch.ts), not yet alerted to it, go out as one batch through the same
// outbox as the digests, so each batch is posted exactly once (the deliver job sends it).
// Rules:
// - at most `alerts.maxPerDay` batches per channel per local day (settings.yaml); once that many
//   were queued, further stories wait for the catch-up;
// - a batch names at most MAX_STORIES stories (the rest wait for the next round);
// - a batch's stories and its outbox parts are recorded in one transaction, keyed by
//   "YYYY-MM-DD alert N" (N counts the channel's batches that day), so a restart between the
//   record and the send neither loses nor repeats a batch;
// - paused channels get no alerts (their parts would only be held).
import type { DeliveryAdapters } from '../delivery/adapter.js';
import { describeChannel, enqueueDigest } from '../delivery/enqueue-digest.js';
import type { Subscription } from '../domain.js';
import { dropFirstPollBacklog } from '../ingest/first-poll-backlog.js';
import type { Logger } from '../logging.js';
import { countAlertBatches, listAlertedStoryIds, recordAlertedStories } from '../store/alerts.js';
import type { Db } from '../store/database.js';
import { listStoriesBetween } from '../store/read-stories.js';
import { listSourceStates } from '../store/source-state.js';
import { listAllSubscriptions } from '../store/subscriptions.js';
import { dayOf } from '../time/day.js';
import { formatIsoDate } from '../time/week.js';
import { buildAlertDigest, findAlertCandidates, type AlertCandidate } from './alert-batch.js';
import type { DigestJobConfig } from './build-week-digest.js';

export const MAX_STORIES = 10;
const DAY_MS = 86_400_000;

export interface AlertJobInput {
  db: Db;
  config: DigestJobConfig;
  adapters: DeliveryAdapters;
  now: Date;
  logger?: Logger;
}

export interface AlertJobReport {
  queued: { channel: string; batch: string; stories: number }[];
  /** Channels with alert-worthy stories left unsent because the day's batches were used up. */
  capped: string[];
}

export function runAlerts(input: AlertJobInput): AlertJobReport {
  const { db, now } = input;
  const report: AlertJobReport = { queued: [], capped: [] };
  const channels = listAllSubscriptions(db).filter((s) => s.alerts && s.pausedReason === null);
  if (channels.length === 0) return report;
  const window = { startsAt: new Date(now.getTime() - DAY_MS), endsAt: now };
  // Undated items found on a source's first poll are its backlog, not news of the day.
  const stories = dropFirstPollBacklog(
    listStoriesBetween(db, window.startsAt.toISOString(), now.toISOString()),
    listSourceStates(db),
  );
  if (stories.length === 0) return report;
  for (const subscription of channels) {
    try {
      queueBatch(input, subscription, stories, window, report);
    } catch (error) {
      // One channel's failure must not stop the others; the next round tries again.
      input.logger?.error(
        { channel: describeChannel(subscription), err: error },
        'alerts: could not queue this channel; will retry',
      );
    }
  }
  return report;
}

function queueBatch(
  input: AlertJobInput,
  subscription: Subscription,
  stories: Parameters<typeof findAlertCandidates>[0],
  window: { startsAt: Date; endsAt: Date },
  report: AlertJobReport,
): void {
  const { db, config, now, logger } = input;
  const { timeZone, alerts } = config.settings;
  const channel = describeChannel(subscription);
  const fresh = freshCandidates(db, subscription, stories, alerts.minOutlets);
  if (fresh.length === 0) return;
  const day = formatIsoDate(dayOf(now, timeZone));
  const used = countAlertBatches(db, subscription, day);
  if (used >= alerts.maxPerDay) {
    report.capped.push(channel);
    return;
  }
  const adapter = input.adapters.get(subscription.platform);
  if (!adapter) {
    logger?.warn({ channel, platform: subscription.platform }, 'alerts: no adapter; will retry');
    return;
  }
  const batch = fresh.slice(0, MAX_STORIES);
  const label = `${day} alert ${used + 1}`;
  const names = new Map(config.sources.map((s) => [s.id, s.name]));
  const digest = buildAlertDigest(batch, {
    label,
    timeZone,
    window,
    sourceName: (id) => names.get(id) ?? id,
  });
  const parts = db.transaction(() => {
    recordAlertedStories(
      db,
      subscription,
      {
        label,
        day,
        stories: batch.flatMap((c) => c.stories.map((s) => ({ storyId: s.id, reason: c.reason }))),
      },
      now,
    );
    // The batch was chosen for this channel already: render it whole, not through its themes.
    const view = { ...subscription, themes: 'all' as const, organisations: [] };
    return enqueueDigest(db, { digest, subscription: view, adapter, now });
  })();
  if (parts.status === 'enqueued') {
    report.queued.push({ channel, batch: label, stories: batch.length });
    logger?.info({ channel, batch: label, stories: batch.length }, 'alerts: queued');
  }
}

/** Candidates none of whose stories was alerted to the channel before. */
function freshCandidates(
  db: Db,
  subscription: Subscription,
  stories: Parameters<typeof findAlertCandidates>[0],
  minOutlets: number,
): AlertCandidate[] {
  const candidates = findAlertCandidates(stories, subscription, minOutlets);
  const alerted = listAlertedStoryIds(
    db,
    subscription,
    candidates.flatMap((c) => c.stories.map((s) => s.id)),
  );
  return candidates.filter((c) => !c.stories.some((s) => alerted.has(s.id)));
}
