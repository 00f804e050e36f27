// The `/briefing` slash command and the "More results" button, over the platform-neutral commands.
// Rules: acknowledge first (Slack allows 3 seconds); parse errors and help go back in the ack
// itself, everything else is answered through respond() (response_url), which also works in
// channels the bot is not in. Nothing throws out of a handler: an unexpected error is logged and
// the user gets a short apology. Store keys use the team id (workspaceId), so one database can
// serve several workspaces.
import type {
  AllMiddlewareArgs,
  BlockAction,
  ButtonAction,
  RespondArguments,
  SlackActionMiddlewareArgs,
  SlackCommandMiddlewareArgs,
} from '@slack/bolt';
import { checkSubscribePermission } from '../../commands/check-permission.js';
import { parseCommandText } from '../../commands/parse-command-text.js';
import { runCommand, runCommandAsync } from '../../commands/run-command.js';
import type { CommandDeps, CommandRequest, Invocation } from '../../commands/types.js';
import type { Logger } from '../../logging.js';
import type { SlackResponse } from './block-kit.js';
import {
  checkWorkspaceAdmin,
  ensureBotInChannel,
  type ChannelAccess,
} from './check-slack-access.js';
import { fitMrkdwn } from './mrkdwn.js';
import { renderError, renderSlackResult } from './render-result.js';
import { decodeMoreResultsValue, renderSearchPage } from './render-search.js';

export interface SlackDeps {
  commands: CommandDeps;
  /** Time zone for dates shown in replies (config settings.timeZone). */
  timeZone: string;
  now?: () => Date;
}

export interface SlackHandlerContext {
  deps: SlackDeps;
  commandName: string;
  logger: Logger;
  /** The bot's user name for "/invite @name" hints (from auth.test), when known. */
  botName(): string | null;
}

type CommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs;
type ActionArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

const APOLOGY = renderError(
  'something went wrong on our side while answering that',
  'Try again in a minute; if it keeps happening, tell whoever runs the bot.',
);

export async function handleSlashCommand(
  ctx: SlackHandlerContext,
  args: CommandArgs,
): Promise<void> {
  const { command, ack, respond, client } = args;
  const log = ctx.logger.child({
    platform: 'slack',
    team: command.team_id,
    channel: command.channel_id,
  });
  const renderOptions = {
    commandName: ctx.commandName,
    timeZone: ctx.deps.timeZone,
    themes: menuThemes(ctx),
  };
  let acked = false;
  try {
    const parsed = parseCommandText(command.text ?? '', ctx.deps.commands);
    if (!parsed.ok || parsed.request.command === 'help') {
      const result = parsed.ok
        ? runCommand(parsed.request, invocationOf(command, false, ctx), ctx.deps.commands)
        : parsed.error;
      acked = true;
      await ack(toRespondArgs(renderSlackResult(result, renderOptions)[0]!));
      return;
    }
    acked = true;
    await ack();
    const request = parsed.request;
    log.info({ command: request.command, user: command.user_id }, 'slack: command');
    const isAdmin = needsAdminCheck(request, ctx.deps.commands)
      ? await checkWorkspaceAdmin(client, command.user_id, log)
      : false;
    const invocation = invocationOf(command, isAdmin, ctx);
    if (request.command === 'subscribe') {
      const denied = checkSubscribePermission(invocation, ctx.deps.commands);
      if (denied)
        return void (await respondAll(respond, renderSlackResult(denied, renderOptions), log));
      const access = await ensureBotInChannel(client, command.channel_id, log);
      if (!access.ok) {
        return void (await respondAll(respond, [renderAccessProblem(access, ctx)], log));
      }
    }
    const result = await runCommandAsync(request, invocation, ctx.deps.commands);
    await respondAll(respond, renderSlackResult(result, renderOptions), log);
  } catch (error) {
    log.error({ err: error }, 'slack: command failed unexpectedly');
    try {
      if (!acked) await ack(toRespondArgs(APOLOGY));
      else await respond(toRespondArgs(APOLOGY));
    } catch {
      // Already logged; the response_url may be spent.
    }
  }
}

export async function handleMoreResults(ctx: SlackHandlerContext, args: ActionArgs): Promise<void> {
  const { ack, body, action, respond } = args;
  const log = ctx.logger.child({
    platform: 'slack',
    team: body.team?.id,
    channel: body.channel?.id,
  });
  try {
    await ack();
    const query = decodeMoreResultsValue(action.value);
    if (!query) {
      await respond(
        toRespondArgs(
          renderError(
            'that button has expired',
            `Run the search again with ${ctx.commandName} search.`,
          ),
        ),
      );
      return;
    }
    const invocation: Invocation = {
      platform: 'slack',
      workspaceId: body.team?.id ?? body.user.team_id ?? '',
      channelId: body.channel?.id ?? body.container?.channel_id ?? '',
      userId: body.user.id,
      isAdmin: false,
      now: (ctx.deps.now ?? (() => new Date()))(),
    };
    const result = runCommand({ command: 'search', query }, invocation, ctx.deps.commands);
    const reply =
      result.kind === 'search'
        ? renderSearchPage(result.page, { timeZone: ctx.deps.timeZone, themes: menuThemes(ctx) })
        : renderSlackResult(result, {
            commandName: ctx.commandName,
            timeZone: ctx.deps.timeZone,
          })[0]!;
    await respond({ ...toRespondArgs(reply), replace_original: true });
  } catch (error) {
    log.error({ err: error }, 'slack: "More results" failed unexpectedly');
    try {
      await respond(toRespondArgs(APOLOGY));
    } catch {
      // Already logged.
    }
  }
}

/** Corrections and email addresses follow the subscribe permission, so the same admin check. */
/** Whether this request's permission depends on the user being a workspace admin. */
function needsAdminCheck(request: CommandRequest, commands: CommandDeps): boolean {
  if (request.command === 'email')
    return request.action !== 'list' && commands.emailNeedsAdmin('slack');
  return (
    ['subscribe', 'unsubscribe', 'correct'].includes(request.command) &&
    commands.subscribeNeedsAdmin('slack')
  );
}

/** The themes the "Correct themes" menus offer. */
function menuThemes(ctx: SlackHandlerContext): { id: string; label: string }[] {
  return ctx.deps.commands.themes().map((t) => ({ id: t.id, label: t.label }));
}

function invocationOf(
  command: CommandArgs['command'],
  isAdmin: boolean,
  ctx: SlackHandlerContext,
): Invocation {
  return {
    platform: 'slack',
    workspaceId: command.team_id,
    channelId: command.channel_id,
    userId: command.user_id,
    isAdmin,
    now: (ctx.deps.now ?? (() => new Date()))(),
  };
}

function renderAccessProblem(
  access: Exclude<ChannelAccess, { ok: true }>,
  ctx: SlackHandlerContext,
): SlackResponse {
  const name = ctx.botName();
  const invite = name ? `/invite @${fitMrkdwn(name, 80)}` : '/invite @<this app>';
  switch (access.reason) {
    case 'invite-needed':
      return renderError(
        "I'm not in this channel, so I could not post the digest here",
        `Invite me with \`${invite}\`, then run \`${ctx.commandName} subscribe\` again.`,
      );
    case 'archived':
      return renderError('this channel is archived, so it cannot receive a digest', null);
    case 'unknown':
      return renderError(
        `I could not check whether I can post in this channel (${access.detail})`,
        `Try again in a minute, or invite me with \`${invite}\` first.`,
      );
  }
}

async function respondAll(
  respond: CommandArgs['respond'],
  responses: SlackResponse[],
  log: Logger,
): Promise<void> {
  for (const response of responses) {
    try {
      await respond(toRespondArgs(response));
    } catch (error) {
      log.warn({ err: error }, 'slack: respond() failed (expired response_url?)');
      return;
    }
  }
}

function toRespondArgs(response: SlackResponse): RespondArguments {
  return response as unknown as RespondArguments;
}
