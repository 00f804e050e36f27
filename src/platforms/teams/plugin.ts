// Microsoft Teams as two registry entries from this one folder (src/platforms/index.ts):
// - `teams`, the bot (Microsoft 365 Agents SDK): configured by TEAMS_APP_ID; commands as messages
//   to @Briefing; anyone in a conversation may subscribe it (the Bot Connector does not say who
//   owns a team, so there is no admin rule to check);
// - `teams-webhook`, digest-only: channels that cannot have a bot post through a Teams Workflows
//   webhook URL, subscribed from the CLI only (`briefing subscribe --platform teams-webhook
//   --channel <url>`), delivered when TEAMS_WEBHOOKS=on. A second id rather than a mode of
//   `teams`, because subscriptions and the outbox are keyed by platform: the two post in
//   different ways and one must not be mistaken for the other.
// The SDK and MSAL load only through load().
import type { PlatformPlugin } from '../plugin.js';
import { teamsConfigProblems } from './teams-env-problems.js';
import { checkWebhookUrl, WEBHOOK_WORKSPACE } from './webhook-url.js';

export const teamsPlugin: PlatformPlugin = {
  id: 'teams',
  label: 'Microsoft Teams',
  isConfigured: (env) => env.TEAMS_APP_ID !== undefined,
  subscribeRule: () => 'anyone',
  configProblems: teamsConfigProblems,
  load: async () => (await import('./runtime.js')).teamsRuntime,
};

export const teamsWebhookPlugin: PlatformPlugin = {
  id: 'teams-webhook',
  label: 'Teams Workflows webhooks',
  isConfigured: (env) => env.TEAMS_WEBHOOKS === 'on',
  subscribeRule: () => 'admins',
  load: async () => (await import('./runtime.js')).teamsWebhookRuntime,
  cliChannel(channel) {
    const checked = checkWebhookUrl(channel);
    return checked.ok
      ? { ok: true, workspaceId: WEBHOOK_WORKSPACE, channelId: checked.url }
      : { ok: false, message: checked.message };
  },
};
