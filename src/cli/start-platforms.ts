// `briefing run`'s platforms: starts every one the env configures (platforms/index.ts, or the
// plug-ins a test passes), each with the command deps built over the store; one that fails is
// reported and left out, and the caller learns which failed (main.ts decides what then).
import type { Writable } from 'node:stream';
import type { DeliveryAdapter } from '../delivery/adapter.js';
import type { Platform } from '../domain.js';
import { sayList } from '../digest/fact-words.js';
import { loggerForPrintedEvents } from '../logging.js';
import { buildCommandDeps } from '../pipeline/command-deps.js';
import { buildEmailChatDeps } from '../pipeline/email-chat-deps.js';
import { configuredPlatforms, subscribeRules } from '../platforms/index.js';
import type { PlatformPlugin, PlatformStartInit } from '../platforms/plugin.js';
import type { AppConfig } from '../config/load.js';
import type { Env } from '../config/env.js';
import type { Logger } from '../logging.js';
import type { Db } from '../store/database.js';
import { openPlatformStores } from './platform-stores.js';

/** What main.ts's BotInit gives the platforms (declared here: main.ts imports this file). */
export interface PlatformsInit {
  env: Env;
  config: AppConfig;
  db: Db;
  logger: Logger;
  out: Writable;
  /** The platform registry (default: platforms/index.ts); tests pass their own plug-ins. */
  platforms?: readonly PlatformPlugin[];
}

export interface StartedPlatforms {
  adapters: Map<Platform, DeliveryAdapter>;
  failed: string[];
  stops: (() => Promise<void>)[];
}

/**
 * Starts every platform the env configures, in registry order; a failure is reported and the
 * bot carries on without that platform. A delivery-only platform (no `start`) posts digests.
 */
export async function startPlatforms(init: PlatformsInit): Promise<StartedPlatforms> {
  const { env, config, db, logger, out } = init;
  const printed = loggerForPrintedEvents(logger);
  const started: StartedPlatforms = { adapters: new Map(), stops: [], failed: [] };
  const commands = buildCommandDeps({
    db,
    config,
    logger,
    subscribePermission: subscribeRules(env),
    emailPermission: env.EMAIL_CHAT_PERMISSION,
    ...(await buildEmailChatDeps({ db, env, logger }).then((email) => (email ? { email } : {}))),
    // Filled below as each platform starts; `subscribe ... now` looks its adapter up when asked.
    delivery: { adapters: started.adapters, digestsDir: env.DIGESTS_DIR },
  });
  const configured = init.platforms?.filter((p) => p.isConfigured(env)) ?? configuredPlatforms(env);
  for (const plugin of configured) {
    try {
      await startPlatform(
        plugin,
        {
          env,
          commands,
          timeZone: config.settings.timeZone,
          logger,
          stores: openPlatformStores(env, db),
        },
        started,
        out,
      );
    } catch (error) {
      out.write(`${plugin.label}: could not start: ${(error as Error).message}\n`);
      started.failed.push(plugin.label);
      printed.error({ platform: plugin.id, err: error }, `${plugin.id} start failed`);
    }
  }
  if (started.adapters.size === 0 && started.failed.length > 0) {
    // Configured, but none came up: say so, not "none configured".
    const names = sayList(started.failed);
    out.write(`No chat platform running (${names} failed to start: see above).\n`);
  } else if (started.adapters.size === 0) {
    out.write('No chat platform configured: digests are archived to digests/ only.\n');
  }
  return started;
}

async function startPlatform(
  plugin: PlatformPlugin,
  init: PlatformStartInit,
  started: StartedPlatforms,
  out: Writable,
): Promise<void> {
  const runtime = await plugin.load();
  if (!runtime.start) {
    started.adapters.set(
      plugin.id,
      runtime.createDeliveryAdapter(init.env, init.logger, init.stores),
    );
    out.write(`${plugin.label}: ready to post digests.\n`);
    return;
  }
  const running = await runtime.start(init);
  started.adapters.set(plugin.id, running.adapter);
  started.stops.push(() => running.stop());
  out.write(`${plugin.label}: ${running.connected}.\n`);
}
