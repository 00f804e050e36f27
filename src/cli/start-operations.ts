// The operations side of `briefing run`: the metrics registry (always: polls and deliveries
// report to it) and, when WEB_PORT is set, the web server with /healthz, /readyz, /metrics and
// the web archive (web-archive-deps.ts).
// The server starts before the first poll, so a container runtime sees the process alive while
// a slow first poll runs; /readyz says "not ready" until the scheduler ticks.
import type { AppConfig } from '../config/load.js';
import type { Env } from '../config/env.js';
import type { Scheduler } from '../jobs/scheduler.js';
import type { Logger } from '../logging.js';
import { createBotMetrics, type BotMetrics } from '../metrics/bot-metrics.js';
import { checkReadiness } from '../pipeline/readiness.js';
import type { Db } from '../store/database.js';
import { countOutboxByState, countTagsByTheme } from '../store/operational-counts.js';
import { countStories } from '../store/stories.js';
import { emailTokenDeps } from './email-token-deps.js';
import { buildArchiveDeps } from './web-archive-deps.js';

export interface Operations {
  metrics: BotMetrics;
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
  const metrics = createBotMetrics(() => ({
    stories: countStories(db),
    tagsByTheme: countTagsByTheme(db),
    outbox: countOutboxByState(db),
  }));
  let stopServer: (() => Promise<void>) | null = null;
  return {
    metrics,
    async startWeb(scheduler) {
      if (env.WEB_PORT === undefined) return null;
      // Fastify and the pages are loaded only when the server starts: without WEB_PORT the
      // idle bot does not hold them (issue 17, idle memory).
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
            contentType: metrics.registry.contentType,
            body: await metrics.registry.metrics(),
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
