// Starts the Slack side from validated env: the Bolt app for commands and the delivery adapter
// for digests. The composition root (`briefing run`, `briefing slack`) builds CommandDeps from
// the store, with the registry's subscribe rule (SLACK_SUBSCRIBE_PERMISSION, see plugin.ts), and
// passes them in: platforms never open the database themselves.
// Mode: Socket Mode when SLACK_APP_TOKEN is set (the default, no public URL), otherwise HTTP mode
// with SLACK_SIGNING_SECRET on PORT. OAuth mode (SLACK_CLIENT_ID..., oauth-env.ts) is HTTP mode
// with "Add to Slack" and per-workspace tokens from `stores.installations`.
import type { CommandDeps } from '../../commands/types.js';
import { ConfigError } from '../../config/config-error.js';
import type { Env } from '../../config/env.js';
import type { DeliveryAdapter } from '../../delivery/adapter.js';
import type { Logger } from '../../logging.js';
import { createSlackApp, type SlackAppOptions } from './app.js';
import type { PlatformStores } from '../installations.js';
import { chooseSlackAuth, SLACK_MODE_PROBLEM, type SlackAuthEnv } from './oauth-env.js';
import { authEnv, createSlackAdapterFromEnv, slackCommandName } from './slack-env.js';

export type SlackEnv = Pick<
  Env,
  | 'SLACK_BOT_TOKEN'
  | 'SLACK_APP_TOKEN'
  | 'SLACK_SIGNING_SECRET'
  | 'SLACK_API_URL'
  | 'SLACK_COMMAND'
  | 'SLACK_SUBSCRIBE_PERMISSION'
  | 'PORT'
> &
  Partial<SlackAuthEnv>;

export interface StartSlackOptions {
  env: SlackEnv;
  commands: CommandDeps;
  /** settings.timeZone, for dates in replies. */
  timeZone: string;
  logger: Logger;
  /** HTTP mode bind address (default all interfaces). */
  host?: string;
  retryConfig?: SlackAppOptions['retryConfig'];
  /** OAuth mode: the workspaces' installations, opened by the composition root. */
  stores?: PlatformStores;
  /** The clock commands see (tests); the wall clock by default. */
  now?: () => Date;
}

export interface RunningSlack {
  adapter: DeliveryAdapter;
  mode: 'socket' | 'http';
  port: number | null;
  teamId: string | null;
  /** one: SLACK_BOT_TOKEN; many: OAuth mode, workspaces install at /slack/install. */
  workspaces: 'one' | 'many';
  stop(): Promise<void>;
}

export function chooseSlackMode(env: SlackEnv): 'socket' | 'http' {
  if (env.SLACK_APP_TOKEN) return 'socket';
  if (env.SLACK_SIGNING_SECRET) return 'http';
  throw new ConfigError([SLACK_MODE_PROBLEM]);
}

export async function startSlack(options: StartSlackOptions): Promise<RunningSlack> {
  const { env } = options;
  const auth = chooseSlackAuth(authEnv(env), options.stores);
  const mode = chooseSlackMode(env);
  const commandName = slackCommandName(env);
  const slack = createSlackApp({
    ...(auth.mode === 'single' ? { botToken: auth.botToken } : { oauth: auth }),
    appToken: env.SLACK_APP_TOKEN,
    signingSecret: env.SLACK_SIGNING_SECRET,
    socketMode: mode === 'socket',
    apiUrl: env.SLACK_API_URL,
    commandName,
    deps: {
      commands: options.commands,
      timeZone: options.timeZone,
      ...(options.now ? { now: options.now } : {}),
    },
    logger: options.logger,
    port: env.PORT,
    host: options.host,
    retryConfig: options.retryConfig,
  });
  const started = await slack.start();
  return {
    // The app is running, so it can answer the digest entries' "Correct themes" menus.
    adapter: createSlackAdapterFromEnv(env, options.logger, {
      themes: options.commands.themes(),
      ...(options.stores ? { stores: options.stores } : {}),
    }),
    mode,
    port: started.port,
    teamId: started.teamId,
    workspaces: auth.mode === 'oauth' ? 'many' : 'one',
    stop: () => slack.stop(),
  };
}
