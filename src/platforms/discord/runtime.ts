// The Discord side of the plug-in contract (platforms/plugin.ts): a REST-only adapter for
// one-shot commands, the embed payloads for `digest --format discord`, and the gateway bot for
// `briefing run` (the /briefing command and the same adapter for digests).
import type { Env } from '../../config/env.js';
import type { PlatformRuntime, PlatformStartInit } from '../plugin.js';
import { createDeliveryRest, createDiscordDeliveryAdapter } from './delivery-adapter.js';
import { parsePermissionBits } from './discord-deps.js';
import { checkDiscordAccess } from './check-access.js';
import { renderDiscordDigest } from './render-digest.js';
import { startDiscord, type RunningDiscord } from './start.js';

function requireToken(env: Pick<Env, 'DISCORD_TOKEN'>): string {
  if (!env.DISCORD_TOKEN) throw new Error('discord: DISCORD_TOKEN is not set');
  return env.DISCORD_TOKEN;
}

/** The gateway bot from env, for `briefing run` and `briefing discord start|check`. */
export function startDiscordFromEnv(init: PlatformStartInit): Promise<RunningDiscord> {
  const { env } = init;
  return startDiscord({
    token: requireToken(env),
    ...(env.DISCORD_API_URL ? { apiUrl: env.DISCORD_API_URL } : {}),
    deps: {
      commands: init.commands,
      subscribePermission: parsePermissionBits(env.DISCORD_SUBSCRIBE_PERMISSION),
      timeZone: init.timeZone,
    },
    logger: init.logger,
  });
}

export const discordRuntime: PlatformRuntime = {
  checkAccess: (env, channelIds) => checkDiscordAccess(env, channelIds),

  createDeliveryAdapter(env) {
    const rest = createDeliveryRest({
      token: requireToken(env),
      ...(env.DISCORD_API_URL ? { apiUrl: env.DISCORD_API_URL } : {}),
    });
    return createDiscordDeliveryAdapter(rest);
  },

  renderPreview(digest) {
    return `${JSON.stringify(renderDiscordDigest(digest), null, 2)}\n`;
  },

  async start(init) {
    const discord = await startDiscordFromEnv(init);
    return {
      adapter: discord.adapter,
      connected: 'connected to the gateway',
      stop: () => discord.stop(),
    };
  },
};
