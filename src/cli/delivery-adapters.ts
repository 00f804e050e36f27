// Delivery adapters for one-shot CLI commands (`digest --post`, `deliver`): one per registry
// platform the environment configures, posting-only (no Socket Mode, no gateway: posting needs
// only the Web API / REST). Each platform's code loads only when its token is set.
import type { Env } from '../config/env.js';
import type { DeliveryAdapter } from '../delivery/adapter.js';
import type { ChannelPlatform } from '../domain.js';
import type { Logger } from '../logging.js';
import type { PlatformStores } from '../platforms/installations.js';
import { PLATFORMS, configuredPlatforms } from '../platforms/index.js';

export async function createCliAdapters(
  env: Env,
  logger: Logger,
  /** Slack's OAuth installations (cli/platform-stores.ts), for posting in many workspaces. */
  stores: PlatformStores = {},
): Promise<Map<ChannelPlatform, DeliveryAdapter>> {
  const adapters = new Map<ChannelPlatform, DeliveryAdapter>();
  for (const plugin of configuredPlatforms(env)) {
    const runtime = await plugin.load();
    adapters.set(plugin.id, runtime.createDeliveryAdapter(env, logger, stores));
  }
  return adapters;
}

/** The channel platforms `--channel P:W:C` accepts: the registry's, and the demo's `memory`. */
export const CHANNEL_PLATFORMS: readonly ChannelPlatform[] = [
  ...PLATFORMS.map((p) => p.id),
  'memory',
];

/**
 * "slack:T123:C456" -> a channel reference (the workspace is a Slack team, Discord guild or Teams
 * tenant id). The channel is the rest after the second colon: Teams conversation ids
 * ("19:abc@thread.tacv2") and webhook URLs contain colons themselves.
 */
export function parseChannelArg(
  text: string,
): { platform: ChannelPlatform; workspaceId: string; channelId: string } | null {
  const match = /^([a-z][a-z0-9-]*):([^:\s]+):(\S+)$/.exec(text.trim());
  const platform = CHANNEL_PLATFORMS.find((p) => p === match?.[1]);
  if (!match || !platform) return null;
  return { platform, workspaceId: match[2]!, channelId: match[3]! };
}
