// The discord.js client: the gateway with only the Guilds intent (no privileged intents: the bot
// reads no messages, it answers interactions and posts), allowed_mentions { parse: [] } as the
// client default, and an optional REST base (DISCORD_API_URL) that gateway discovery follows,
// because discord.js asks GET /gateway/bot on that base for the websocket URL.
import { Client, Events, GatewayIntentBits } from 'discord.js';
import type { Logger } from '../../logging.js';
import type { DiscordDeps } from './discord-deps.js';
import { handleInteraction } from './handle-interaction.js';
import { createSearchQueryCache } from './search-paging.js';
import { PlatformStartError } from '../start-error.js';

export interface DiscordBotInput {
  token: string;
  /** REST base such as `http://127.0.0.1:PORT/api` (discord.js appends /v10). */
  apiUrl?: string;
  deps: DiscordDeps;
  logger: Logger;
  /** How long to wait for READY and every GUILD_CREATE before giving up. */
  readyTimeoutMs?: number;
}

export interface DiscordBot {
  client: Client;
  /** Logs in and resolves once the client is ready (all guilds received). */
  start(): Promise<void>;
  /** Closes the gateway connection and REST timers. Safe to call twice. */
  stop(): Promise<void>;
}

export function createDiscordBot(input: DiscordBotInput): DiscordBot {
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: { parse: [] },
    ...(input.apiUrl ? { rest: { api: input.apiUrl } } : {}),
  });
  const cache = createSearchQueryCache();
  const { logger } = input;
  const ctx = { deps: input.deps, cache, logger };

  client.on(Events.InteractionCreate, (interaction) => {
    void handleInteraction(interaction, ctx);
  });
  client.on(Events.Error, (error) =>
    logger.error({ err: error, platform: 'discord' }, 'discord: client error'),
  );
  client.on(Events.Warn, (message) => logger.warn({ platform: 'discord' }, message));
  client.on(Events.ShardDisconnect, (event, shard) =>
    logger.warn({ platform: 'discord', shard, code: event.code }, 'discord: gateway disconnected'),
  );
  client.on(Events.ShardResume, (shard, replayed) =>
    logger.info({ platform: 'discord', shard, replayed }, 'discord: gateway resumed'),
  );

  let stopped = false;
  return {
    client,
    async start() {
      let timer: NodeJS.Timeout | undefined;
      const ready = new Promise<void>((resolve, reject) => {
        timer = setTimeout(
          () => reject(new Error('discord: the gateway did not become ready in time')),
          input.readyTimeoutMs ?? 60_000,
        );
        client.once(Events.ClientReady, (c) => {
          logger.info(
            { platform: 'discord', guilds: c.guilds.cache.size, user: c.user.tag },
            'discord: ready',
          );
          resolve();
        });
      });
      ready.catch(() => undefined); // observed below; avoids an unhandled rejection on login failure
      try {
        await client.login(input.token);
        await ready;
      } catch (error) {
        await client.destroy().catch(() => undefined);
        const reason = error instanceof Error ? error.message : String(error);
        throw new PlatformStartError(`discord: could not connect: ${reason}`, { cause: error });
      } finally {
        clearTimeout(timer);
      }
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      await client.destroy();
    },
  };
}
