// What the bot does with an authenticated activity. Rules:
// - message: the @mention of the bot is removed (Activity.removeRecipientMention, then any other
//   `<at>…</at>` and HTML entities Teams adds), the rest is parsed by the shared command parser and
//   answered with Adaptive Cards in the same conversation (a channel thread or a personal chat);
//   an empty message gets the help card;
// - a "More results" button comes back as a message whose value holds the search text and the
//   next offset; the search runs again from there;
// - conversationUpdate adding the bot: a welcome card with the commands. Nothing is stored then:
//   the conversation reference (tenant id + conversation id) is stored with the subscription,
//   through CommandDeps, when a conversation subscribes;
// - nothing throws out of a turn: an unexpected error is logged and the user gets an apology.
// The channel id is the conversation id without ";messageid=…" (a reply thread in a channel), so
// a subscription names the channel and the digest starts a new post there.
import { Activity } from '@microsoft/agents-activity';
import type { TurnContext } from '@microsoft/agents-hosting';
import { runCatchUp } from '../../commands/catch-up.js';
import { parseCommandText } from '../../commands/parse-command-text.js';
import { runCommand, runCommandAsync } from '../../commands/run-command.js';
import type {
  CommandDeps,
  CommandRequest,
  CommandResult,
  Invocation,
} from '../../commands/types.js';
import type { Logger } from '../../logging.js';
import { toAttachment, type AdaptiveCard } from './adaptive-card.js';
import { MORE_RESULTS_ACTION } from './render-lookups.js';
import { renderError, renderTeamsResult } from './render-result.js';
import { CATCH_UP_ACTION } from './render-subscribed.js';

export interface TeamsHandlerDeps {
  commands: CommandDeps;
  timeZone: string;
  logger: Logger;
  /** The tenant the bot serves, when an activity does not say (it always should). */
  tenantId: string;
  /** "@Briefing": how people address the bot, for hints. */
  commandPrefix: string;
  now?: () => Date;
}

const APOLOGY = renderError(
  'something went wrong on our side while answering that',
  'Try again in a minute; if it keeps happening, tell whoever runs the bot.',
);

export function createTeamsLogic(deps: TeamsHandlerDeps): (context: TurnContext) => Promise<void> {
  return async (context) => {
    const activity = context.activity;
    const log = deps.logger.child({ platform: 'teams', conversation: activity.conversation?.id });
    try {
      if (activity.type === 'message') await answerMessage(context, deps, log);
      else if (activity.type === 'conversationUpdate' && addsBot(context)) {
        const help = runCommand(
          { command: 'help', topic: null },
          invocationOf(context, deps),
          deps.commands,
        );
        await sendCards(context, renderTeamsResult(help, renderOptions(deps)));
      }
    } catch (error) {
      log.error({ err: error }, 'teams: activity failed unexpectedly');
      try {
        await sendCards(context, [APOLOGY]);
      } catch {
        // Already logged; the conversation may be gone.
      }
    }
  };
}

async function answerMessage(
  context: TurnContext,
  deps: TeamsHandlerDeps,
  log: Logger,
): Promise<void> {
  if (isCatchUpButton(context.activity.value)) {
    const invocation = invocationOf(context, deps);
    log.info({ command: 'catch-up', user: invocation.userId }, 'teams: command');
    const result = runCatchUp(invocation, deps.commands);
    return sendCards(context, renderTeamsResult(result, renderOptions(deps)));
  }
  const more = readMoreResults(context.activity.value);
  const text = more?.text ?? commandText(context);
  const parsed = parseCommandText(text, deps.commands);
  const invocation = invocationOf(context, deps);
  let result: CommandResult;
  let request: CommandRequest | null = null;
  if (!parsed.ok) result = parsed.error;
  else if (more && parsed.request.command !== 'search') {
    // The button only ever carries a search; anything else in its data was not made by us.
    result = { kind: 'error', message: 'that button has expired', hint: 'Run the search again.' };
  } else {
    request = parsed.request;
    if (more && request.command === 'search')
      request = { ...request, query: { ...request.query, offset: more.offset } };
    log.info({ command: request.command, user: invocation.userId }, 'teams: command');
    result = await runCommandAsync(request, invocation, deps.commands);
  }
  const searchText = request?.command === 'search' ? text : undefined;
  await sendCards(context, renderTeamsResult(result, { ...renderOptions(deps), searchText }));
}

function renderOptions(deps: TeamsHandlerDeps) {
  return { commandPrefix: deps.commandPrefix, timeZone: deps.timeZone };
}

/** The message text with the bot's mention and Teams' markup removed. */
export function commandText(context: TurnContext): string {
  const activity = context.activity;
  const withoutBot = activity.text ? activity.removeRecipientMention() : '';
  return withoutBot
    .replace(/<at>[^<]*<\/at>/gi, ' ')
    .replace(/<[^<>]*>/g, ' ')
    .replace(/&nbsp;/gi, ' ')
    .replace(/&amp;/gi, '&')
    .replace(/&lt;/gi, '<')
    .replace(/&gt;/gi, '>')
    .replace(/&quot;/gi, '"')
    .trim();
}

function isCatchUpButton(value: unknown): boolean {
  return (
    !!value &&
    typeof value === 'object' &&
    (value as { action?: unknown }).action === CATCH_UP_ACTION
  );
}

function readMoreResults(value: unknown): { text: string; offset: number } | null {
  if (!value || typeof value !== 'object') return null;
  const v = value as Record<string, unknown>;
  if (v.action !== MORE_RESULTS_ACTION || typeof v.text !== 'string') return null;
  const offset = typeof v.offset === 'number' && Number.isInteger(v.offset) ? v.offset : 0;
  return { text: v.text.slice(0, 1000), offset: Math.min(Math.max(offset, 0), 1_000_000) };
}

function addsBot(context: TurnContext): boolean {
  const botId = context.activity.recipient?.id;
  return (context.activity.membersAdded ?? []).some((m) => m.id === botId);
}

function invocationOf(context: TurnContext, deps: TeamsHandlerDeps): Invocation {
  const activity = context.activity;
  const channelData = activity.channelData as { tenant?: { id?: string } } | undefined;
  return {
    platform: 'teams',
    workspaceId: activity.conversation?.tenantId ?? channelData?.tenant?.id ?? deps.tenantId,
    channelId: (activity.conversation?.id ?? '').split(';')[0]!,
    userId: activity.from?.aadObjectId ?? activity.from?.id ?? '',
    isAdmin: false,
    now: (deps.now ?? (() => new Date()))(),
  };
}

async function sendCards(context: TurnContext, cards: AdaptiveCard[]): Promise<void> {
  for (const card of cards) {
    await context.sendActivity(
      Activity.fromObject({ type: 'message', attachments: [toAttachment(card)] }),
    );
  }
}
