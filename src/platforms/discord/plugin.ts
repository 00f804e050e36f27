// Discord as a registry entry (src/platforms/index.ts): configured by DISCORD_TOKEN. Subscribing
// always asks the platform: the bot lets a member subscribe or unsubscribe when they hold the
// DISCORD_SUBSCRIBE_PERMISSION bits (default Manage Channels; 0 lets everyone), see
// discord-deps.ts. `briefing discord` registers the command and runs the bot alone.
// discord.js loads only through load().
import type { PlatformPlugin } from '../plugin.js';

export const discordPlugin: PlatformPlugin = {
  id: 'discord',
  label: 'Discord',
  isConfigured: (env) => env.DISCORD_TOKEN !== undefined,
  subscribeRule: () => 'admins',
  configProblems: (env) => (env.DISCORD_TOKEN ? [] : ['discord: DISCORD_TOKEN is not set']),
  load: async () => (await import('./runtime.js')).discordRuntime,
  cli: {
    summary: 'Discord tools: deploy-commands, start',
    load: async () => (await import('./cli.js')).discordCli,
  },
};
