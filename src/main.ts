// Composition root of the long-running bot (`briefing run`, `npm start`): builds everything from
// the validated config and env, polls every enabled source once, starts the chat platforms that
// have tokens, then hands timing to the scheduler. Nothing else constructs long-lived parts.
import type { Writable } from 'node:stream';
import { buildCommandDeps, subscribePermissionFromEnv } from './pipeline/command-deps.js';
import type { AppConfig } from './config/load.js';
import type { Env } from './config/env.js';
import { buildPollDeps } from './pipeline/build-poll-deps.js';
import type { DeliveryAdapter } from './delivery/adapter.js';
import { processOutbox } from './delivery/process-outbox.js';
import { currentHostProbe, startDeliveryInstance } from './delivery/delivery-instance.js';
import { releaseDeadClaims } from './delivery/in-flight-parts.js';
import type { Platform } from './domain.js';
import { pollSources } from './pipeline/poll-all.js';
import type { PollOutcome } from './pipeline/poll-source.js';
import { runDigestJob } from './pipeline/run-digest-job.js';
import { startScheduler, type Scheduler } from './jobs/scheduler.js';
import { loggerForPrintedEvents, type Logger } from './logging.js';
import { formatOutcomeLine, writeSummary } from './cli/progress.js';
import type { Db } from './store/database.js';
import { sourcesDue } from './store/source-state.js';

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
}

export interface RunningBot {
  platforms: Platform[];
  initialPoll: PollOutcome[];
  /** Stops the scheduler, waits for in-flight work (up to `graceMs`), disconnects platforms. */
  stop(graceMs?: number): Promise<void>;
}

export async function startBot(init: BotInit): Promise<RunningBot> {
  const { env, config, db, logger, out } = init;
  const now = init.now ?? (() => new Date());
  const signal = init.signal;
  const pollDeps = buildPollDeps({
    db,
    env,
    config,
    logger,
    now,
    ...(signal ? { fetchOverrides: { signal } } : {}),
  });
  // SIGINT/SIGTERM ends the parse workers at once: a document stuck in a parse never holds the
  // shutdown (its source is not blamed: the read answers "cancelled").
  const closeReader = () => void pollDeps.reader?.close();
  signal?.addEventListener('abort', closeReader, { once: true });
  const enabled = config.sources.filter((s) => s.enabled);
  const inFlight = new Set<Promise<unknown>>();
  const track = <T>(p: Promise<T>): Promise<T> => {
    inFlight.add(p);
    void p.finally(() => inFlight.delete(p)).catch(() => undefined);
    return p;
  };

  // What start-up prints on `out` (a line per source, platform failures) is not logged again on a
  // terminal; later scheduled polls print nothing, so they log as usual.
  const printed = loggerForPrintedEvents(logger);
  out.write(`Polling ${enabled.length} enabled source(s)...\n`);
  const started = Date.now();
  const initialPoll = await track(
    pollSources(
      enabled,
      { ...pollDeps, logger: printed },
      {
        concurrency: config.settings.poll.concurrency,
        onOutcome: (o, s) => out.write(`${formatOutcomeLine(o, s)}\n`),
        ...(signal ? { signal } : {}),
      },
    ),
  );
  writeSummary(out, initialPoll, Date.now() - started);
  if (signal?.aborted) return { platforms: [], initialPoll, stop: async () => closeReader() };

  // Chat platforms start only when their tokens are set; each failure is reported, not fatal.
  const adapters = new Map<Platform, DeliveryAdapter>();
  const stops: (() => Promise<void>)[] = [];
  const commands = buildCommandDeps({
    db,
    config,
    logger,
    subscribePermission: subscribePermissionFromEnv(env),
  });
  if (env.SLACK_BOT_TOKEN) {
    try {
      const { startSlack } = await import('./platforms/slack/start.js');
      const slack = await startSlack({ env, commands, timeZone: config.settings.timeZone, logger });
      adapters.set('slack', slack.adapter);
      stops.push(() => slack.stop());
      out.write(
        `Slack: connected (${slack.mode === 'http' ? `HTTP on port ${slack.port}` : 'Socket Mode'}).\n`,
      );
    } catch (error) {
      out.write(`Slack: could not start: ${(error as Error).message}\n`);
      printed.error({ platform: 'slack', err: error }, 'slack start failed');
    }
  }
  if (env.DISCORD_TOKEN) {
    try {
      const { startDiscord } = await import('./platforms/discord/start.js');
      const { parsePermissionBits } = await import('./platforms/discord/discord-deps.js');
      const discord = await startDiscord({
        token: env.DISCORD_TOKEN,
        apiUrl: env.DISCORD_API_URL,
        deps: {
          commands,
          subscribePermission: parsePermissionBits(env.DISCORD_SUBSCRIBE_PERMISSION),
          timeZone: config.settings.timeZone,
        },
        logger,
      });
      adapters.set('discord', discord.adapter);
      stops.push(() => discord.stop());
      out.write('Discord: connected to the gateway.\n');
    } catch (error) {
      out.write(`Discord: could not start: ${(error as Error).message}\n`);
      printed.error({ platform: 'discord', err: error }, 'discord start failed');
    }
  }
  if (adapters.size === 0) {
    out.write('No chat platform configured: digests are archived to digests/ only.\n');
  }

  // This process as a delivery instance (heartbeat, id on every claim); parts a dead process left
  // in flight are due again now, not after their lease (delivery/in-flight-parts.ts).
  const instance = startDeliveryInstance(db, { clock: now, logger });
  const released = releaseDeadClaims(db, now(), currentHostProbe(), instance.id, logger);
  if (released > 0)
    out.write(
      `Delivery: ${released} part(s) left in flight by a dead process will be retried now.\n`,
    );
  // Aborted by stop(): deliveries claim nothing new, so shutdown waits for one send at most.
  const stopping = new AbortController();
  const scheduler: Scheduler = startScheduler(
    {
      poll: (at) =>
        track(
          pollSources(sourcesDue(db, enabled, at), pollDeps, {
            concurrency: config.settings.poll.concurrency,
            ...(signal ? { signal } : {}),
          }),
        ),
      digest: (at) =>
        track(
          runDigestJob({
            db,
            config,
            adapters,
            now: at,
            digestsDir: env.DIGESTS_DIR,
            logger,
            delivery: { signal: stopping.signal, instance },
          }),
        ),
      deliver: (at) =>
        track(processOutbox(db, adapters, at, { logger, signal: stopping.signal, instance })),
    },
    {
      timeZone: config.settings.timeZone,
      pollIntervalMinutes: Math.min(
        ...enabled.map((s) => s.pollIntervalMinutes),
        config.settings.poll.intervalMinutes,
      ),
      logger,
      clock: now,
    },
  );
  out.write(
    `Running: polling due sources every ${config.settings.poll.intervalMinutes} min; digests at ${config.settings.digest.time} (${config.settings.timeZone}). Ctrl-C stops.\n`,
  );

  return {
    platforms: [...adapters.keys()],
    initialPoll,
    async stop(graceMs = 10_000) {
      stopping.abort();
      closeReader();
      await scheduler.stop();
      // Finish in-flight writes and deliveries, but never hang shutdown forever.
      let timer: NodeJS.Timeout | undefined;
      const finished = await Promise.race([
        Promise.allSettled([...inFlight]).then(() => true),
        new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), graceMs))),
      ]);
      if (timer) clearTimeout(timer);
      // A clean stop tells other processes nothing of ours is still being sent: only when true.
      instance.stop({ clean: finished });
      for (const stop of stops)
        await stop().catch((error) => logger.warn({ err: error }, 'platform stop failed'));
    },
  };
}
