// Slack as a registry entry (src/platforms/index.ts): configured by SLACK_BOT_TOKEN (one
// workspace) or the OAuth variables (many workspaces, oauth-env.ts); who may
// subscribe follows SLACK_SUBSCRIBE_PERMISSION (admins: workspace admins and owners only);
// `briefing slack` runs the app alone. Bolt loads only through load().
import type { PlatformPlugin } from '../plugin.js';
import { slackStartProblems, wantsSlackOAuth } from './oauth-env.js';

export const slackPlugin: PlatformPlugin = {
  id: 'slack',
  label: 'Slack',
  isConfigured: (env) => env.SLACK_BOT_TOKEN !== undefined || wantsSlackOAuth(env),
  subscribeRule: (env) => env.SLACK_SUBSCRIBE_PERMISSION,
  configProblems: slackStartProblems,
  load: async () => (await import('./runtime.js')).slackRuntime,
  cli: {
    summary: 'Run the Slack app alone',
    load: async () => (await import('./cli.js')).slackCli,
  },
};
