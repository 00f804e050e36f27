// Which way the Slack app authenticates, from the env, checked once with errors an operator can
// act on (never echoing a value):
// - single: SLACK_BOT_TOKEN, one workspace (the simple default, unchanged);
// - oauth: SLACK_CLIENT_ID + SLACK_CLIENT_SECRET + SLACK_STATE_SECRET + SLACK_INSTALL_KEY, many
//   workspaces installed with "Add to Slack" (Bolt's /slack/install and /slack/oauth_redirect,
//   https://docs.slack.dev/tools/bolt-js/concepts/authenticating-oauth). OAuth needs public
//   HTTP endpoints, so it runs Bolt in HTTP mode (SLACK_SIGNING_SECRET + PORT), and it will not
//   start without the key that seals the tokens at rest.
import { ConfigError } from '../../config/config-error.js';
import type { Env } from '../../config/env.js';
import type { PlatformStores, WorkspaceInstallations } from '../installations.js';

export type SlackAuthEnv = Pick<
  Env,
  | 'SLACK_BOT_TOKEN'
  | 'SLACK_APP_TOKEN'
  | 'SLACK_SIGNING_SECRET'
  | 'SLACK_CLIENT_ID'
  | 'SLACK_CLIENT_SECRET'
  | 'SLACK_STATE_SECRET'
  | 'SLACK_INSTALL_KEY'
>;

export type SlackAuth =
  | { mode: 'single'; botToken: string }
  | {
      mode: 'oauth';
      clientId: string;
      clientSecret: string;
      stateSecret: string;
      installations: WorkspaceInstallations;
    };

const OAUTH_VARS = ['SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET'] as const;

/** Whether the env asks for OAuth mode (any of its variables is set). */
export function wantsSlackOAuth(env: Partial<SlackAuthEnv>): boolean {
  return OAUTH_VARS.some((name) => env[name] !== undefined);
}

/**
 * What is wrong with the auth variables (each a line starting "slack:" naming what to set), or
 * nothing: checked before anything starts, and by `briefing doctor`.
 */
export function slackAuthProblems(env: Partial<SlackAuthEnv>): string[] {
  if (!wantsSlackOAuth(env)) {
    return env.SLACK_BOT_TOKEN ? [] : ['slack: SLACK_BOT_TOKEN is not set'];
  }
  const problems: string[] = [];
  const missing = OAUTH_VARS.filter((name) => env[name] === undefined);
  if (missing.length > 0)
    problems.push(`slack: OAuth mode (many workspaces) also needs ${missing.join(', ')}`);
  if (env.SLACK_INSTALL_KEY === undefined) {
    problems.push(
      "slack: OAuth mode needs SLACK_INSTALL_KEY (32 random bytes, e.g. openssl rand -base64 32) to encrypt each workspace's tokens in the database; not starting without it",
    );
  }
  if (env.SLACK_BOT_TOKEN !== undefined) {
    problems.push(
      'slack: set either SLACK_BOT_TOKEN (one workspace) or SLACK_CLIENT_ID/SECRET (many workspaces), not both',
    );
  }
  if (env.SLACK_APP_TOKEN !== undefined || env.SLACK_SIGNING_SECRET === undefined) {
    problems.push(
      'slack: OAuth mode runs over HTTP: set SLACK_SIGNING_SECRET and PORT, and unset SLACK_APP_TOKEN',
    );
  }
  return problems;
}

/** What stops the Slack app from starting (`run`, `briefing slack`): auth, then the connection mode. */
export function slackStartProblems(env: Partial<SlackAuthEnv>): string[] {
  const problems = slackAuthProblems(env);
  if (!wantsSlackOAuth(env) && !env.SLACK_APP_TOKEN && !env.SLACK_SIGNING_SECRET) {
    problems.push(SLACK_MODE_PROBLEM);
  }
  return problems;
}

export const SLACK_MODE_PROBLEM =
  'slack: set SLACK_APP_TOKEN for Socket Mode (recommended), or SLACK_SIGNING_SECRET and PORT for HTTP mode';

/** The auth mode, or a thrown ConfigError listing every problem (each starting with "slack:"). */
export function chooseSlackAuth(env: SlackAuthEnv, stores: PlatformStores = {}): SlackAuth {
  const problems = slackAuthProblems(env);
  if (problems.length > 0) throw new ConfigError(problems);
  if (!wantsSlackOAuth(env)) return { mode: 'single', botToken: env.SLACK_BOT_TOKEN! };
  if (!stores.installations)
    throw new Error('slack: OAuth mode was given no installation store (composition root)');
  return {
    mode: 'oauth',
    clientId: env.SLACK_CLIENT_ID!,
    clientSecret: env.SLACK_CLIENT_SECRET!,
    stateSecret: env.SLACK_STATE_SECRET!,
    installations: stores.installations,
  };
}
