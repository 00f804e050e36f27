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
// A 'sending' part left by a crashed run is due again once its lease has expired, or at once when
// the delivery instance that claimed it is known to be dead (in-flight-parts.ts): each pass first
// releases such parts; they still go through findSent before any resend.
// Concurrency: different channels are delivered at once (at most `concurrency` channels in flight
// per platform, each platform with its own pool because their rate limits are separate), so a
// fan-out takes about as long as the platform's limits allow instead of the sum of every
// channel's own pacing; one channel's parts (and weeks) are still sent one after another, in
// order. Each channel is handled by one loop only, and every write touches that channel's rows
// alone (claims are conditional anyway), so the loops cannot step on each other; better-sqlite3
// is synchronous, so each write runs whole between two awaits.
// Time: the tick's `now` only selects what is due. Leases, retry times and the sent/updated
// stamps come from `clock`, read at the moment of each write: in a large fan-out a part may be
// claimed minutes after the tick started, and a lease computed from the tick's `now` could
// already have expired (letting another run take the part over while it is being sent).
import type { ChannelPlatform, ChannelRef } from '../domain.js';
import type { Logger } from '../logging.js';
import type { Db } from '../store/database.js';
import { cancelUnsentParts, holdUnsentParts, listDueGroups, listParts } from '../store/outbox.js';
import { getSubscription } from '../store/subscriptions.js';
import type { DeliveryAdapters } from './adapter.js';
import { deliverWeek, type DeliverySettings } from './deliver-week.js';
import type { DeliveryMetrics } from './delivery-metrics.js';
import { describeChannel } from './enqueue-digest.js';
import { forEachBounded } from '../for-each-bounded.js';
import type { HostProbe } from './claimant-state.js';
import {
  currentHostProbe,
  startDeliveryInstance,
  type DeliveryInstanceHandle,
} from './delivery-instance.js';
import { releaseDeadClaims } from './in-flight-parts.js';
import { emptyProcessReport, type ProcessReport } from './process-report.js';

export { emptyProcessReport, type ProcessReport } from './process-report.js';

export { retryDelayMs } from './deliver-week.js';

export interface ProcessOptions {
  /** Attempts before a transiently failing part is given up (default 8). */
  maxAttempts?: number;
  /** First retry delay without Retry-After (default 30 s); doubles each attempt. */
  baseDelayMs?: number;
  /** Cap on the backoff delay (default 6 h). */
  maxDelayMs?: number;
  /** How long a claimed part may be in flight before another run may take it over (5 min). */
  leaseMs?: number;
  /**
   * Channels of one platform delivered at once (default 64). Enough to keep Slack's global budget
   * busy while each channel waits a second between its parts; small enough that a claimed part
   * never queues in an adapter's pacer for anywhere near `leaseMs` (64 slots at Slack's default
   * 5/s is under 13 s).
   */
  concurrency?: number;
  /**
   * The time of leases, retry times and sent/updated stamps, read at each write. Default: the
   * tick's `now` advanced by the real (monotonic) time elapsed since the call, which is the
   * system clock when `now` is the current time, as the scheduler and the CLI pass it, and keeps
   * a caller that passes a simulated `now` (the crash harness, the demo) on one timeline.
   */
  clock?: () => Date;
  /**
   * Shutdown: once aborted, no channel is started and no part is claimed; sends already in
   * flight finish and are recorded, so stopping takes one send, not a whole fan-out.
   */
  signal?: AbortSignal;
  /**
   * This process as a delivery instance (main.ts keeps one for its whole life); its id is recorded
   * on every claim. Without one, the pass registers its own and records its stop at the end.
   */
  instance?: DeliveryInstanceHandle;
  /** How other instances' pids are checked (default: this host; tests pretend otherwise). */
  hostProbe?: HostProbe;
  logger?: Logger;
  /** Counts 429s by platform for the metrics endpoint (src/metrics/). */
  metrics?: DeliveryMetrics;
}

const DEFAULTS = {
  maxAttempts: 8,
  baseDelayMs: 30_000,
  maxDelayMs: 6 * 3_600_000,
  leaseMs: 5 * 60_000,
  concurrency: 64,
};

type Settings = typeof DEFAULTS & DeliverySettings;

/** `now`, advancing with the real time elapsed since this call (see ProcessOptions.clock). */
export function clockFrom(now: Date, elapsedMs: () => number = () => performance.now()) {
  const start = elapsedMs();
  return (): Date => new Date(now.getTime() + Math.floor(elapsedMs() - start));
}

export async function processOutbox(
  db: Db,
  adapters: DeliveryAdapters,
  now: Date,
  options: ProcessOptions = {},
): Promise<ProcessReport> {
  const clock = options.clock ?? clockFrom(now);
  const concurrency = options.concurrency ?? DEFAULTS.concurrency;
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new Error(
      `delivery: concurrency must be a whole number of at least 1, got ${concurrency}`,
    );
  }
  const instance =
    options.instance ??
    startDeliveryInstance(db, { clock, ...(options.logger ? { logger: options.logger } : {}) });
  if (options.instance) instance.beat();
  try {
    const settings: Settings = {
      ...DEFAULTS,
      ...withoutUndefined(options),
      clock,
      instanceId: instance.id,
    };
    return await processDue(db, adapters, now, settings, options.hostProbe ?? currentHostProbe());
  } finally {
    if (!options.instance) instance.stop();
  }
}

async function processDue(
  db: Db,
  adapters: DeliveryAdapters,
  now: Date,
  settings: Settings,
  probe: HostProbe,
): Promise<ProcessReport> {
  const report = emptyProcessReport();
  report.released = releaseDeadClaims(db, now, probe, settings.instanceId, settings.logger);
  const byPlatform = new Map<ChannelPlatform, DueChannel[]>();
  for (const due of listDueChannels(db, now)) {
    const pool = byPlatform.get(due.channel.platform);
    if (pool) pool.push(due);
    else byPlatform.set(due.channel.platform, [due]);
  }
  const pools = await Promise.allSettled(
    [...byPlatform.values()].map((channels) =>
      forEachBounded(channels, settings.concurrency, async (due) => {
        if (settings.signal?.aborted) return;
        await deliverChannel(db, adapters, due, settings, report);
      }),
    ),
  );
  report.paused.sort();
  const broken = pools.find((p) => p.status === 'rejected');
  if (broken) throw broken.reason;
  return report;
}

interface DueChannel {
  channel: ChannelRef;
  /** Weeks with a part due, oldest first. */
  weeks: string[];
}

function listDueChannels(db: Db, now: Date): DueChannel[] {
  const byChannel = new Map<string, DueChannel>();
  for (const group of listDueGroups(db, now)) {
    const key = describeChannel(group.channel);
    const due = byChannel.get(key);
    if (due) due.weeks.push(group.week);
    else byChannel.set(key, { channel: group.channel, weeks: [group.week] });
  }
  return [...byChannel.values()];
}

/** One channel's due weeks, in order. Throws only on unexpected errors (e.g. the database). */
async function deliverChannel(
  db: Db,
  adapters: DeliveryAdapters,
  { channel, weeks }: DueChannel,
  settings: Settings,
  report: ProcessReport,
): Promise<void> {
  try {
    for (const week of weeks) {
      // Read at this channel's turn: an earlier week's permanent failure may have paused it.
      const subscription = getSubscription(db, channel);
      if (subscription === null) {
        cancelUnsentParts(db, channel, 'unsubscribed', settings.clock());
        return;
      }
      if (subscription.pausedReason !== null) {
        holdUnsentParts(db, channel, settings.clock());
        return;
      }
      const adapter = adapters.get(channel.platform);
      if (!adapter) {
        report.noAdapter += listParts(db, week, channel).filter(
          (p) => p.status === 'pending' || p.status === 'sending',
        ).length;
        continue;
      }
      await deliverWeek(db, adapter, channel, week, settings, report);
    }
  } catch (error) {
    settings.logger?.error(
      { platform: channel.platform, channel: describeChannel(channel), err: error },
      'delivery: channel failed unexpectedly',
    );
    throw new Error(`delivery: delivering to ${describeChannel(channel)} failed unexpectedly`, {
      cause: error,
    });
  }
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
