// Slack's settings read from the env in one place, so `run` (startSlack) and the one-shot
// commands (`deliver`, `digest --post`, `digest --format slack`) cannot drift apart again.
// The slash command's name has one form, with its leading "/": Slack sends
// `command: "/briefing"` in every slash-command payload and Bolt's app.command() matches that
// string exactly (https://api.slack.com/interactivity/slash-commands#app_command_handling), so
// SLACK_COMMAND=briefing means "/briefing" in the listener and in every digest's hints alike.
// Tokens: SLACK_BOT_TOKEN, or in OAuth mode each workspace's own (oauth-env.ts).
import type { Env } from '../../config/env.js';
import type { DeliveryAdapter } from '../../delivery/adapter.js';
import type { Logger } from '../../logging.js';
import type { PlatformStores } from '../installations.js';
import { createSlackDeliveryAdapter, createSlackDeliveryClient } from './delivery-adapter.js';
import { chooseSlackAuth, type SlackAuthEnv } from './oauth-env.js';
import { createWorkspaceClients } from './workspace-clients.js';

export function slackCommandName(env: Pick<Env, 'SLACK_COMMAND'>): string {
  const name = env.SLACK_COMMAND.trim();
  return name.startsWith('/') ? name : `/${name}`;
}

export type SlackDeliveryEnv = Pick<Env, 'SLACK_API_URL' | 'SLACK_COMMAND'> & Partial<SlackAuthEnv>;

/** The posting adapter (Web API only: no Socket Mode, no HTTP listener). */
export function createSlackAdapterFromEnv(
  env: SlackDeliveryEnv,
  logger: Logger,
  extras: {
    /** With a running app: the themes for the "Correct themes" menu on each digest entry. */
    themes?: readonly { id: string; label: string }[];
    /** OAuth mode: the workspaces' installations (tokens). */
    stores?: PlatformStores;
  } = {},
): DeliveryAdapter {
  const auth = chooseSlackAuth(authEnv(env), extras.stores);
  const createClient = (token: string) =>
    createSlackDeliveryClient({
      token,
      ...(env.SLACK_API_URL ? { apiUrl: env.SLACK_API_URL } : {}),
    });
  return createSlackDeliveryAdapter({
    ...(auth.mode === 'single'
      ? { client: createClient(auth.botToken) }
      : { clients: createWorkspaceClients(auth.installations, createClient) }),
    logger,
    commandName: slackCommandName(env),
    ...(extras.themes ? { themes: extras.themes } : {}),
  });
}

/** The auth variables with the ones a caller left out as unset. */
export function authEnv(env: Partial<SlackAuthEnv>): SlackAuthEnv {
  return {
    SLACK_BOT_TOKEN: env.SLACK_BOT_TOKEN,
    SLACK_APP_TOKEN: env.SLACK_APP_TOKEN,
    SLACK_SIGNING_SECRET: env.SLACK_SIGNING_SECRET,
    SLACK_CLIENT_ID: env.SLACK_CLIENT_ID,
    SLACK_CLIENT_SECRET: env.SLACK_CLIENT_SECRET,
    SLACK_STATE_SECRET: env.SLACK_STATE_SECRET,
    SLACK_INSTALL_KEY: env.SLACK_INSTALL_KEY,
  };
}
