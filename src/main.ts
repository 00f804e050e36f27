// Composition root of the long-running bot (`briefing run`, `npm start`): builds everything from
// the validated config and env, polls every enabled source once, starts the platforms of the
// registry (platforms/index.ts) that the env configures, then hands timing to the scheduler.
// Nothing else constructs long-lived parts.
import type { Writable } from 'node:stream';
import type { AppConfig } from './config/load.js';
import type { Env } from './config/env.js';
import { buildPollDeps } from './pipeline/build-poll-deps.js';
import type { DeliveryAdapter } from './delivery/adapter.js';
import { processOutbox } from './delivery/process-outbox.js';
import {
  currentHostProbe,
  startDeliveryInstance,
  type DeliveryInstanceHandle,
} from './delivery/delivery-instance.js';
import { releaseDeadClaims } from './delivery/in-flight-parts.js';
import type { Platform, Source } from './domain.js';
import { pollSources } from './pipeline/poll-all.js';
import type { PollDeps, PollOutcome } from './pipeline/poll-source.js';
import { runAlerts } from './pipeline/run-alerts.js';
import { runDigestJob } from './pipeline/run-digest-job.js';
import { runReminderJob } from './pipeline/run-reminder-job.js';
import { NIGHTLY_RUN, runMaintenance } from './pipeline/run-maintenance.js';
import { createOperations } from './cli/start-operations.js';
import { startPlatforms } from './cli/start-platforms.js';
import { createTracker, type Tracker } from './cli/track-in-flight.js';
import type { BotMetrics } from './metrics/bot-metrics.js';
import { startScheduler, type Scheduler } from './jobs/scheduler.js';
import { loggerForPrintedEvents, type Logger } from './logging.js';
import { formatOutcomeLine, writeSummary } from './cli/progress.js';
import type { Db } from './store/database.js';
import { sourcesDue } from './store/source-state.js';
import type { PlatformPlugin } from './platforms/plugin.js';

export interface BotInit {
  env: Env;
  config: AppConfig;
  db: Db;
  logger: Logger;
  out: Writable;
  now?: () => Date;
  /**
   * Aborted on SIGINT/SIGTERM: fetches in flight are cancelled (a source that never answers must
   * not hold the shutdown), and a start-up still in its first poll stops there.
   */
  signal?: AbortSignal;
  /** The platform registry (default: platforms/index.ts); tests pass their own plug-ins. */
  platforms?: readonly PlatformPlugin[];
}

export interface RunningBot {
  platforms: Platform[];
  /** Labels of the configured platforms that failed to start ("Slack"), in registry order. */
  failedPlatforms: string[];
  initialPoll: PollOutcome[];
  /** The web server's address (WEB_PORT), or null when it is off. */
  webUrl: string | null;
  /** Stops the scheduler, waits for in-flight work (up to `graceMs`), disconnects platforms. */
  stop(graceMs?: number): Promise<void>;
}

/** Promises the shutdown waits for (polls, digest jobs, deliveries in flight). */

export async function startBot(init: BotInit): Promise<RunningBot> {
  const { env, config, db, logger, signal } = init;
  const now = init.now ?? (() => new Date());
  const ops = createOperations({ env, config, db, logger, now });
  let scheduler: Scheduler | null = null;
  const webUrl = await ops.startWeb(() => scheduler);
  const pollDeps = {
    ...buildPollDeps({
      db,
      env,
      config,
      logger,
      now,
      ...(signal ? { fetchOverrides: { signal } } : {}),
    }),
    ...(ops.metrics ? { metrics: ops.metrics } : {}),
  };
  // SIGINT/SIGTERM ends the parse workers at once: a document stuck in a parse never holds the
  // shutdown (its source is not blamed: the read answers "cancelled").
  const closeReader = () => void pollDeps.reader?.close();
  signal?.addEventListener('abort', closeReader, { once: true });
  const enabled = config.sources.filter((s) => s.enabled);
  const tracker = createTracker();

  const initialPoll = await tracker.track(pollAtStart(init, enabled, pollDeps));
  if (signal?.aborted) {
    const stop = async () => (closeReader(), await ops.stop());
    return { platforms: [], failedPlatforms: [], initialPoll, webUrl, stop };
  }

  const { adapters, stops, failed } = await startPlatforms(init);
  if (adapters.size === 0 && failed.length > 0 && webUrl === null) {
    // Every configured platform failed and nothing else delivers or serves: no scheduler; the
    // caller (`briefing run`) exits 69 rather than run on unheard.
    const stop = async () => (closeReader(), await ops.stop());
    return { platforms: [], failedPlatforms: failed, initialPoll, webUrl, stop };
  }
  const instance = startInstance(init, now);
  // Aborted by stop(): deliveries claim nothing new, so shutdown waits for one send at most.
  const stopping = new AbortController();
  scheduler = startJobs(init, {
    enabled,
    pollDeps,
    adapters,
    tracker,
    now,
    stopping,
    instance,
    metrics: ops.metrics,
  });
  const jobs = scheduler;

  return {
    platforms: [...adapters.keys()],
    failedPlatforms: failed,
    initialPoll,
    webUrl,
    async stop(graceMs = 10_000) {
      stopping.abort();
      closeReader();
      await jobs.stop();
      await ops.stop();
      // Finish in-flight writes and deliveries, but never hang shutdown forever.
      const finished = await tracker.drain(graceMs);
      // A clean stop tells other processes nothing of ours is still being sent: only when true.
      instance.stop({ clean: finished });
      for (const stop of stops)
        await stop().catch((error) => logger.warn({ err: error }, 'platform stop failed'));
    },
  };
}

/** The first poll of every enabled source, one line each, then the summary. */
async function pollAtStart(
  init: BotInit,
  enabled: Source[],
  pollDeps: PollDeps,
): Promise<PollOutcome[]> {
  const { out, config, signal } = init;
  out.write(`Polling ${enabled.length} enabled source(s)...\n`);
  const started = Date.now();
  // What start-up prints on `out` (a line per source, platform failures) is not logged again on a
  // terminal; later scheduled polls print nothing, so they log as usual.
  const outcomes = await pollSources(
    enabled,
    { ...pollDeps, logger: loggerForPrintedEvents(init.logger) },
    {
      concurrency: config.settings.poll.concurrency,
      onOutcome: (o, s) => out.write(`${formatOutcomeLine(o, s)}\n`),
      ...(signal ? { signal } : {}),
    },
  );
  writeSummary(out, outcomes, Date.now() - started);
  return outcomes;
}

/**
 * This process as a delivery instance (heartbeat, id on every claim); parts a dead process left
 * in flight are due again now, not after their lease (delivery/in-flight-parts.ts).
 */
function startInstance(init: BotInit, now: () => Date): DeliveryInstanceHandle {
  const { db, logger, out } = init;
  const instance = startDeliveryInstance(db, { clock: now, logger });
  const released = releaseDeadClaims(db, now(), currentHostProbe(), instance.id, logger);
  if (released > 0)
    out.write(
      `Delivery: ${released} part(s) left in flight by a dead process will be retried now.\n`,
    );
  return instance;
}

/** Hands timing to the scheduler: polls of due sources, the digest job, outbox passes. */
function startJobs(
  init: BotInit,
  parts: {
    enabled: Source[];
    pollDeps: PollDeps;
    adapters: ReadonlyMap<Platform, DeliveryAdapter>;
    tracker: Tracker;
    now: () => Date;
    stopping: AbortController;
    instance: DeliveryInstanceHandle;
    /** Only with the web server (WEB_PORT), which serves them. */
    metrics: BotMetrics | null;
  },
): Scheduler {
  const { env, config, db, logger, out, signal } = init;
  const { enabled, pollDeps, adapters, tracker, stopping, instance, metrics } = parts;
  const delivery = { signal: stopping.signal, instance, ...(metrics ? { metrics } : {}) };
  const scheduler = startScheduler(
    {
      // Alerts are checked once per poll round, after it (pipeline/run-alerts.ts).
      poll: (at) =>
        tracker.track(
          pollSources(sourcesDue(db, enabled, at), pollDeps, {
            concurrency: config.settings.poll.concurrency,
            ...(signal ? { signal } : {}),
          }).then(() => runAlerts({ db, config, adapters, now: parts.now(), logger })),
        ),
      digest: (at) =>
        tracker.track(
          runDigestJob({
            db,
            config,
            adapters,
            now: at,
            digestsDir: env.DIGESTS_DIR,
            logger,
            delivery,
            onDigestBuilt: (seconds) => metrics?.observeDigestBuild(seconds),
          }),
        ),
      deliver: (at) => tracker.track(processOutbox(db, adapters, at, { logger, ...delivery })),
      reminders: (at) =>
        tracker.track(runReminderJob({ db, config, adapters, now: at, logger, delivery })),
      maintenance: async (at) => runMaintenance(db, config.settings, at, logger, NIGHTLY_RUN),
    },
    {
      timeZone: config.settings.timeZone,
      pollIntervalMinutes: Math.min(
        ...enabled.map((s) => s.pollIntervalMinutes),
        config.settings.poll.intervalMinutes,
      ),
      reminderTime: config.settings.digest.time,
      logger,
      clock: parts.now,
    },
  );
  out.write(
    `Running: polling due sources every ${config.settings.poll.intervalMinutes} min; digests at ${config.settings.digest.time} (${config.settings.timeZone}). Ctrl-C stops.\n`,
  );
  return scheduler;
}
