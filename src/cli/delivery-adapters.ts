// Delivery adapters for one-shot CLI commands (`digest --post`, `deliver`): Slack and/or Discord
// when their tokens are set, built like main.ts builds them but without starting the apps (no
// Socket Mode, no gateway: posting needs only the Web API / REST). Imported lazily per platform.
import type { Env } from '../config/env.js';
import type { DeliveryAdapter } from '../delivery/adapter.js';
import type { Platform } from '../domain.js';
import type { Logger } from '../logging.js';

export async function createCliAdapters(
  env: Env,
  logger: Logger,
): Promise<Map<Platform, DeliveryAdapter>> {
  const adapters = new Map<Platform, DeliveryAdapter>();
  if (env.SLACK_BOT_TOKEN) {
    const slack = await import('../platforms/slack/delivery-adapter.js');
    const client = slack.createSlackDeliveryClient({
      token: env.SLACK_BOT_TOKEN,
      ...(env.SLACK_API_URL ? { apiUrl: env.SLACK_API_URL } : {}),
    });
    adapters.set(
      'slack',
      slack.createSlackDeliveryAdapter({ client, logger, commandName: env.SLACK_COMMAND }),
    );
  }
  if (env.DISCORD_TOKEN) {
    const discord = await import('../platforms/discord/delivery-adapter.js');
    const rest = discord.createDeliveryRest({
      token: env.DISCORD_TOKEN,
      ...(env.DISCORD_API_URL ? { apiUrl: env.DISCORD_API_URL } : {}),
    });
    adapters.set('discord', discord.createDiscordDeliveryAdapter(rest));
  }
  return adapters;
}

/** "slack:T123:C456" -> a channel reference (the workspace is a Slack team or Discord guild id). */
export function parseChannelArg(
  text: string,
): { platform: Platform; workspaceId: string; channelId: string } | null {
  const match = /^(slack|discord|memory):([^:\s]+):([^:\s]+)$/.exec(text.trim());
  if (!match) return null;
  return { platform: match[1] as Platform, workspaceId: match[2]!, channelId: match[3]! };
}
