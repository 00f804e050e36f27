// Starts the Slack side from validated env: the Bolt app for commands and the delivery adapter
// for digests. The composition root (cli `run`, cli `slack`) builds CommandDeps from the store and
// passes them in: platforms never open the database themselves.
// Mode: Socket Mode when SLACK_APP_TOKEN is set (the default, no public URL), otherwise HTTP mode
// with SLACK_SIGNING_SECRET on PORT. SLACK_SUBSCRIBE_PERMISSION decides whether subscribe and
// unsubscribe need a workspace admin.
import type { CommandDeps } from '../../commands/types.js';
import type { Env } from '../../config/env.js';
import type { DeliveryAdapter } from '../../delivery/adapter.js';
import type { Platform } from '../../domain.js';
import type { Logger } from '../../logging.js';
import { createSlackApp, type SlackAppOptions } from './app.js';
import { createSlackDeliveryAdapter, createSlackDeliveryClient } from './delivery-adapter.js';

export type SlackEnv = Pick<
  Env,
  | 'SLACK_BOT_TOKEN'
  | 'SLACK_APP_TOKEN'
  | 'SLACK_SIGNING_SECRET'
  | 'SLACK_API_URL'
  | 'SLACK_COMMAND'
  | 'SLACK_SUBSCRIBE_PERMISSION'
  | 'PORT'
>;

export interface StartSlackOptions {
  env: SlackEnv;
  commands: CommandDeps;
  /** settings.timeZone, for dates in replies. */
  timeZone: string;
  logger: Logger;
  /** HTTP mode bind address (default all interfaces). */
  host?: string;
  retryConfig?: SlackAppOptions['retryConfig'];
}

export interface RunningSlack {
  adapter: DeliveryAdapter;
  mode: 'socket' | 'http';
  port: number | null;
  teamId: string | null;
  stop(): Promise<void>;
}

/** Whether the env asks for Slack at all (the `run` command starts Slack only then). */
export function isSlackConfigured(env: Pick<Env, 'SLACK_BOT_TOKEN'>): boolean {
  return env.SLACK_BOT_TOKEN !== undefined;
}

export function chooseSlackMode(env: SlackEnv): 'socket' | 'http' {
  if (env.SLACK_APP_TOKEN) return 'socket';
  if (env.SLACK_SIGNING_SECRET) return 'http';
  throw new Error(
    'slack: set SLACK_APP_TOKEN for Socket Mode (recommended), or SLACK_SIGNING_SECRET and PORT for HTTP mode',
  );
}

/** CommandDeps with the Slack subscribe permission taken from SLACK_SUBSCRIBE_PERMISSION. */
export function withSlackPermission(commands: CommandDeps, env: SlackEnv): CommandDeps {
  const wrapped = Object.create(commands) as CommandDeps;
  wrapped.subscribeNeedsAdmin = (platform: Platform) =>
    platform === 'slack'
      ? env.SLACK_SUBSCRIBE_PERMISSION === 'admins'
      : commands.subscribeNeedsAdmin(platform);
  return wrapped;
}

export async function startSlack(options: StartSlackOptions): Promise<RunningSlack> {
  const { env } = options;
  if (!env.SLACK_BOT_TOKEN) throw new Error('slack: SLACK_BOT_TOKEN is not set');
  const mode = chooseSlackMode(env);
  const commandName = env.SLACK_COMMAND.startsWith('/')
    ? env.SLACK_COMMAND
    : `/${env.SLACK_COMMAND}`;
  const slack = createSlackApp({
    botToken: env.SLACK_BOT_TOKEN,
    appToken: env.SLACK_APP_TOKEN,
    signingSecret: env.SLACK_SIGNING_SECRET,
    socketMode: mode === 'socket',
    apiUrl: env.SLACK_API_URL,
    commandName,
    deps: { commands: withSlackPermission(options.commands, env), timeZone: options.timeZone },
    logger: options.logger,
    port: env.PORT,
    host: options.host,
    retryConfig: options.retryConfig,
  });
  const started = await slack.start();
  const adapter = createSlackDeliveryAdapter({
    client: createSlackDeliveryClient({ token: env.SLACK_BOT_TOKEN, apiUrl: env.SLACK_API_URL }),
    logger: options.logger,
    commandName,
  });
  return {
    adapter,
    mode,
    port: started.port,
    teamId: started.teamId,
    stop: () => slack.stop(),
  };
}
