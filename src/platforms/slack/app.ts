// The Slack app: the real @slack/bolt App wired to our command handlers.
// Socket Mode (SLACK_APP_TOKEN) is the default and needs no public URL; HTTP mode
// (SLACK_SIGNING_SECRET + PORT) serves POST /slack/events and Bolt rejects requests whose
// signature or timestamp (older than 5 minutes) does not verify, with 401.
// `apiUrl` (SLACK_API_URL) replaces https://slack.com/api/ for every Web API call, including
// apps.connections.open, for proxies, Slack's GovSlack instance and tests.
// OAuth mode (`oauth`, many workspaces): HTTP mode without a bot token; Bolt also serves
// /slack/install and /slack/oauth_redirect (oauth-app.ts) and authorizes each request with the
// workspace's stored token; app_uninstalled / tokens_revoked pause that workspace's channels.
// Bolt's App is loaded from its own module, not the package index: the index also loads
// ExpressReceiver and with it Express, body-parser, send and their dependencies (about 4 MB of
// RSS), which neither Socket Mode nor our HTTP mode use (App itself builds an HTTPReceiver or a
// SocketModeReceiver; issue 17, idle memory). Bolt's package has no `exports` map, so the path is
// public to Node; test/platforms/slack/bolt-without-express.test.ts keeps it honest.
import { createRequire } from 'node:module';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { App, webApi } from '@slack/bolt';
import type { Logger } from '../../logging.js';
import { createBoltLogger } from './bolt-logger.js';
import { slackErrorName } from './classify-slack-error.js';
import { withTrailingSlash } from './delivery-adapter.js';
import { handleMoreResults, handleSlashCommand, type SlackDeps } from './handle-command.js';
import { handleCorrectMenu, type CorrectMenuArgs } from './handle-correct-menu.js';
import { CORRECT_MENU_ACTION_ID } from './render-corrections.js';
import { MORE_RESULTS_ACTION_ID } from './render-search.js';
import { CATCH_UP_ACTION_ID } from './render-subscribed.js';
import { handleCatchUpButton } from './handle-catch-up.js';
import { PlatformStartError } from '../start-error.js';
import { registerInstallEvents } from './handle-install-events.js';
import { oauthAppOptions, type SlackOAuthOptions } from './oauth-app.js';

// A CommonJS module whose `exports.default` is the class: require() reads it the same way under
// node, tsx and vitest (an ESM default import of CommonJS gives module.exports in one and the
// class in another).
const BoltApp = (
  createRequire(import.meta.url)('@slack/bolt/dist/App.js') as { default: typeof App }
).default;

export interface SlackAppOptions {
  /** Single-token mode; absent in OAuth mode. */
  botToken?: string;
  /** OAuth mode (HTTP only): "Add to Slack" and per-workspace tokens. */
  oauth?: SlackOAuthOptions;
  appToken?: string;
  signingSecret?: string;
  socketMode: boolean;
  apiUrl?: string;
  /** The slash command, with its slash, e.g. `/briefing`. */
  commandName: string;
  deps: SlackDeps;
  logger: Logger;
  /** HTTP mode only. Port 0 picks a free port (tests). */
  port?: number;
  host?: string;
  /** How long start() may take to connect (Socket Mode handshake) before it gives up. */
  startTimeoutMs?: number;
  /** Web API retries for interactive calls; small by default so a handler never hangs. */
  retryConfig?: webApi.WebClientOptions['retryConfig'];
}

export interface SlackApp {
  app: App;
  /** Connects (Socket Mode) or listens (HTTP); verifies the bot token with auth.test first. */
  start(): Promise<{ port: number | null; teamId: string | null; botUserId: string | null }>;
  stop(): Promise<void>;
}

export function createSlackApp(options: SlackAppOptions): SlackApp {
  checkModeCredentials(options);
  const app = buildBoltApp(options);
  const state = { botName: null as string | null, started: false };
  registerListeners(app, options, () => state.botName);
  if (options.oauth) {
    const { installations } = options.oauth;
    registerInstallEvents(app, { installations, logger: options.logger, now: clockOf(options) });
  }
  return {
    app,
    async start() {
      // OAuth mode has no token of its own to check: each workspace's is checked by Slack.
      const auth = options.oauth
        ? (await app.init(), {} as webApi.AuthTestResponse)
        : await verifyBotToken(app);
      state.botName = typeof auth.user === 'string' ? auth.user : null;
      const port = await connect(app, options);
      state.started = true;
      options.logger.info(
        {
          platform: 'slack',
          mode: options.socketMode ? 'socket' : 'http',
          port,
          team: auth.team_id,
        },
        'slack: app started',
      );
      return { port, teamId: auth.team_id ?? null, botUserId: auth.user_id ?? null };
    },
    async stop() {
      if (!state.started) return;
      state.started = false;
      await app.stop();
    },
  };
}

/** The commands' clock (tests set it), also for install bookkeeping (pauses, resumes). */
function clockOf(options: SlackAppOptions): () => Date {
  return options.deps.now ?? (() => new Date());
}

function checkModeCredentials(options: SlackAppOptions): void {
  if (options.oauth && options.socketMode) {
    throw new Error('slack: OAuth mode (many workspaces) runs over HTTP, not Socket Mode');
  }
  if (!options.oauth && !options.botToken) throw new Error('slack: SLACK_BOT_TOKEN is not set');
  if (options.socketMode && !options.appToken) {
    throw new Error(
      'slack: Socket Mode needs SLACK_APP_TOKEN (an xapp- token with connections:write)',
    );
  }
  if (!options.socketMode && !options.signingSecret) {
    throw new Error(
      'slack: HTTP mode needs SLACK_SIGNING_SECRET (Basic Information > App Credentials)',
    );
  }
}

function buildBoltApp(options: SlackAppOptions): App {
  const clientOptions: webApi.WebClientOptions = {
    retryConfig: options.retryConfig ?? {
      retries: 2,
      factor: 2,
      minTimeout: 500,
      maxTimeout: 4000,
    },
    timeout: 20_000,
    ...(options.apiUrl ? { slackApiUrl: withTrailingSlash(options.apiUrl) } : {}),
  };
  const apiUrl = options.apiUrl ? withTrailingSlash(options.apiUrl) : undefined;
  return new BoltApp({
    ...(options.oauth
      ? oauthAppOptions(options.oauth, apiUrl, options.logger, clockOf(options))
      : { token: options.botToken }),
    ...(options.socketMode
      ? { socketMode: true, appToken: options.appToken }
      : { signingSecret: options.signingSecret, port: options.port ?? 3000 }),
    clientOptions,
    logger: createBoltLogger(options.logger),
    deferInitialization: true,
  });
}

/**
 * The slash command, the "More results" and catch-up buttons, the "Correct themes" menu, and
 * Bolt's catch-all error handler.
 */
function registerListeners(app: App, options: SlackAppOptions, botName: () => string | null): void {
  const context = {
    deps: options.deps,
    commandName: options.commandName,
    logger: options.logger,
    botName,
  };
  app.command(options.commandName, (args) => handleSlashCommand(context, args));
  app.action({ type: 'block_actions', action_id: MORE_RESULTS_ACTION_ID }, (args) =>
    handleMoreResults(context, args as Parameters<typeof handleMoreResults>[1]),
  );
  app.action({ type: 'block_actions', action_id: CATCH_UP_ACTION_ID }, (args) =>
    handleCatchUpButton(context, args as Parameters<typeof handleCatchUpButton>[1]),
  );
  app.action({ type: 'block_actions', action_id: CORRECT_MENU_ACTION_ID }, (args) =>
    handleCorrectMenu(context, args as CorrectMenuArgs),
  );
  app.error(async (error) => {
    options.logger.error({ platform: 'slack', err: error }, 'slack: unhandled error in Bolt');
  });
}

/** auth.test before connecting: a refused token is a PlatformStartError, not a hang. */
async function verifyBotToken(app: App): Promise<webApi.AuthTestResponse> {
  try {
    await app.init();
    return await app.client.auth.test();
  } catch (error) {
    throw new PlatformStartError(describeStartError('SLACK_BOT_TOKEN', error), { cause: error });
  }
}

/** Opens the Socket Mode connection or the HTTP listener; returns the HTTP port (or null). */
async function connect(app: App, options: SlackAppOptions): Promise<number | null> {
  const connecting = options.socketMode
    ? app.start()
    : app.start({ port: options.port ?? 3000, host: options.host });
  let server: unknown;
  try {
    server = await withTimeout(connecting, options.startTimeoutMs ?? 30_000);
  } catch (error) {
    await app.stop().catch(() => undefined);
    throw new PlatformStartError(describeStartError('SLACK_APP_TOKEN', error), { cause: error });
  }
  return options.socketMode ? null : ((server as Server).address() as AddressInfo).port;
}

const TIMED_OUT = Symbol('timed out');

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(TIMED_OUT), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** A start-up failure in words an operator can act on; never includes a token. */
function describeStartError(tokenName: string, error: unknown): string {
  if (error === TIMED_OUT) {
    return 'slack: no connection to Slack within the start-up time limit (is Socket Mode enabled for the app?)';
  }
  const name = slackErrorName(error);
  if (name !== null) return `slack: ${tokenName} was not accepted (${name})`;
  const e = error as { message?: unknown };
  const detail = typeof e?.message === 'string' ? e.message : String(error);
  return `slack: could not reach the Slack API (${detail})`;
}
