// Slack's settings read from the env in one place, so `run` (startSlack) and the one-shot
// commands (`deliver`, `digest --post`, `digest --format slack`) cannot drift apart again.
// The slash command's name has one form, with its leading "/": Slack sends
// `command: "/briefing"` in every slash-command payload and Bolt's app.command() matches that
// string exactly (https://api.slack.com/interactivity/slash-commands#app_command_handling), so
// SLACK_COMMAND=briefing means "/briefing" in the listener and in every digest's hints alike.
import type { Env } from '../../config/env.js';
import type { DeliveryAdapter } from '../../delivery/adapter.js';
import type { Logger } from '../../logging.js';
import { createSlackDeliveryAdapter, createSlackDeliveryClient } from './delivery-adapter.js';

export function slackCommandName(env: Pick<Env, 'SLACK_COMMAND'>): string {
  const name = env.SLACK_COMMAND.trim();
  return name.startsWith('/') ? name : `/${name}`;
}

/** The posting adapter (Web API only: no Socket Mode, no HTTP listener). */
export function createSlackAdapterFromEnv(
  env: Pick<Env, 'SLACK_BOT_TOKEN' | 'SLACK_API_URL' | 'SLACK_COMMAND'>,
  logger: Logger,
  /** With a running app: the themes for the "Correct themes" menu on each digest entry. */
  themes?: readonly { id: string; label: string }[],
): DeliveryAdapter {
  if (!env.SLACK_BOT_TOKEN) throw new Error('slack: SLACK_BOT_TOKEN is not set');
  const client = createSlackDeliveryClient({
    token: env.SLACK_BOT_TOKEN,
    ...(env.SLACK_API_URL ? { apiUrl: env.SLACK_API_URL } : {}),
  });
  return createSlackDeliveryAdapter({
    client,
    logger,
    commandName: slackCommandName(env),
    ...(themes ? { themes } : {}),
  });
}
