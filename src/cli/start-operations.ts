// The operations side of `briefing run`: when WEB_PORT is set, the metrics registry (polls and
// deliveries report to it) and the web server with /healthz, /readyz, /metrics and the web
// archive (web-archive-deps.ts). Without WEB_PORT nothing could read the metrics, so prom-client
// is not even loaded (about 2 MB of the idle bot's heap; issue 17, idle memory).
// The server starts before the first poll, so a container runtime sees the process alive while
// a slow first poll runs; /readyz says "not ready" until the scheduler ticks.
import type { AppConfig } from '../config/load.js';
import type { Env } from '../config/env.js';
import type { Scheduler } from '../jobs/scheduler.js';
import type { Logger } from '../logging.js';
import type { BotMetrics } from '../metrics/bot-metrics.js';
import { checkReadiness } from '../pipeline/readiness.js';
import type { Db } from '../store/database.js';
import { countOutboxByState, countTagsByTheme } from '../store/operational-counts.js';
import { countStories } from '../store/stories.js';
import { emailTokenDeps } from './email-token-deps.js';
import { buildArchiveDeps } from './web-archive-deps.js';

export interface Operations {
  /** Made by startWeb when WEB_PORT is set: null before that and without a web server. */
  readonly metrics: BotMetrics | null;
  /** Starts the web server when WEB_PORT is set; returns its address or null. */
  startWeb(scheduler: () => Scheduler | null): Promise<string | null>;
  stop(): Promise<void>;
}

export function createOperations(init: {
  env: Env;
  config: AppConfig;
  db: Db;
  logger: Logger;
  now: () => Date;
}): Operations {
  const { env, config, db } = init;
  const startedAt = init.now();
  let metrics: BotMetrics | null = null;
  let stopServer: (() => Promise<void>) | null = null;
  return {
    get metrics() {
      return metrics;
    },
    async startWeb(scheduler) {
      if (env.WEB_PORT === undefined) return null;
      // Fastify, the pages and prom-client are loaded only when the server starts: without
      // WEB_PORT the idle bot does not hold them (issue 17, idle memory).
      const { createBotMetrics } = await import('../metrics/bot-metrics.js');
      const registry = createBotMetrics(() => ({
        stories: countStories(db),
        tagsByTheme: countTagsByTheme(db),
        outbox: countOutboxByState(db),
      }));
      metrics = registry;
      const { startWebServer } = await import('../web/server.js');
      const enabled = config.sources.filter((s) => s.enabled);
      const { app, url } = await startWebServer(
        {
          readiness: () =>
            checkReadiness({
              db,
              now: init.now(),
              startedAt,
              lastTickAt: scheduler()?.lastTickAt() ?? null,
              pollIntervalMinutes: Math.min(
                config.settings.poll.intervalMinutes,
                ...enabled.map((s) => s.pollIntervalMinutes),
              ),
              enabledSources: enabled.length,
            }),
          metrics: async () => ({
            contentType: registry.registry.contentType,
            body: await registry.registry.metrics(),
          }),
          ...emailTokenDeps(env, db),
          archive: buildArchiveDeps(init),
        },
        {
          host: env.WEB_HOST,
          port: env.WEB_PORT,
          access: { token: env.WEB_TOKEN ?? null, users: env.WEB_USERS },
        },
      );
      stopServer = () => app.close();
      init.logger.info({ url }, 'web: listening');
      return url;
    },
    async stop() {
      await stopServer?.();
    },
  };
}
