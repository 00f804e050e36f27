// The platform registry: every chat platform the bot ships, listed once. main.ts (`briefing run`)
// and the CLI (`deliver`, `digest --post`, `digest --format`, `briefing <platform>`) loop over
// it; nothing else names a platform. Adding one (Teams, email) = a folder implementing
// PlatformPlugin (plugin.ts) + one line here + its id in domain.ts's Platform (the Record below
// then refuses to compile until the line is added). The in-memory test adapter is not here.
import type { Env } from '../config/env.js';
import type { Platform } from '../domain.js';
import { discordPlugin } from './discord/plugin.js';
import { emailPlugin } from './email/plugin.js';
import type { PlatformPlugin, SubscribeRule } from './plugin.js';
import { slackPlugin } from './slack/plugin.js';
import { teamsPlugin, teamsWebhookPlugin } from './teams/plugin.js';

const REGISTRY: Readonly<Record<Platform, PlatformPlugin>> = {
  slack: slackPlugin,
  discord: discordPlugin,
  teams: teamsPlugin,
  // Digest-only Teams channels (Workflows webhooks), same folder, second id (see teams/plugin.ts).
  'teams-webhook': teamsWebhookPlugin,
  email: emailPlugin,
};

export const PLATFORMS: readonly PlatformPlugin[] = Object.values(REGISTRY);

export function findPlatform(id: string): PlatformPlugin | undefined {
  return PLATFORMS.find((p) => p.id === id);
}

/** The platforms the environment asks for (their tokens are set), in registry order. */
export function configuredPlatforms(env: Env): PlatformPlugin[] {
  return PLATFORMS.filter((p) => p.isConfigured(env));
}

/** Who may change subscriptions on each platform, for buildCommandDeps. */
export function subscribeRules(env: Env): Record<Platform, SubscribeRule> {
  const rules = {} as Record<Platform, SubscribeRule>;
  for (const [id, plugin] of Object.entries(REGISTRY) as [Platform, PlatformPlugin][])
    rules[id] = plugin.subscribeRule(env);
  return rules;
}
