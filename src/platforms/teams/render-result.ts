// CommandResult -> Teams replies, each an Adaptive Card: the same content as the Slack and
// Discord answers. Pure. Teams has no ephemeral replies for bots in channels, so every answer is
// posted in the conversation it was asked in (a personal chat with the bot keeps lookups private).
// Long answers are packed into cards under the size budget (pack-card.ts).
import type { CommandResult } from '../../commands/types.js';
import { createCard, text, type AdaptiveCard } from './adaptive-card.js';
import { fitCardText, formatCardCode } from './card-markdown.js';
import { packCards } from './pack-card.js';
import { renderTeamsDigest } from './render-digest.js';
import { renderCatchUp, renderSubscribed } from './render-subscribed.js';
import { renderCorrected, renderCorrectionList } from './render-corrections.js';
import { renderDeadlinesCards } from './render-deadlines.js';
import { describeSubscription } from '../../commands/describe-subscription.js';
import { describeEmailResult } from '../../commands/describe-email.js';
import { renderExplainCards, renderSearchCard, renderStatusCards } from './render-lookups.js';

export interface TeamsRenderOptions {
  /** "@Briefing": how commands are typed in hints. */
  commandPrefix: string;
  timeZone: string;
  /** The command text of a search, for its "More results" button. */
  searchText?: string;
}

/** A digest preview in chat shows at most this many cards; the channel digest has them all. */
export const MAX_PREVIEW_CARDS = 5;

export function renderTeamsResult(
  result: CommandResult,
  options: TeamsRenderOptions,
): AdaptiveCard[] {
  const prefix = options.commandPrefix;
  switch (result.kind) {
    case 'error':
      return [renderError(result.message, result.hint)];
    case 'subscribed':
      return [
        renderSubscribed(
          result,
          `${result.created ? 'Subscribed' : 'Updated'}: this conversation gets ${describeSubscription(result.subscription, result, options.timeZone)}.`,
          options,
        ),
      ];
    case 'catch-up':
      return [renderCatchUp(result.catchUp)];
    case 'unsubscribed':
      return [
        result.removed
          ? single('Unsubscribed: this conversation will no longer get the weekly catch-up.')
          : createCard([
              text(
                `This conversation had no subscription. Use ${formatCardCode(`${prefix} subscribe`, 60)} to start one.`,
              ),
            ]),
      ];
    case 'subscriptions':
      return renderSubscriptions(result, prefix, options.timeZone);
    case 'search':
      return [renderSearchCard(result.page, options)];
    case 'digest':
      return renderDigestPreview(result, prefix);
    case 'themes':
      return packCards(
        `Themes · week ${result.week}`,
        result.themes.map(
          (t) =>
            `**${fitCardText(t.label, 100)}** ${formatCardCode(t.id, 40)} · ${t.countThisWeek} this week\n\n${fitCardText(t.description, 300)}`,
        ),
      );
    case 'status':
      return renderStatusCards(result, options.timeZone);
    case 'explain':
      return renderExplainCards(result, options.timeZone);
    case 'deadlines':
      return renderDeadlinesCards(result, options.timeZone, prefix);
    case 'corrected':
      return [renderCorrected(result)];
    case 'corrections':
      return renderCorrectionList(result, options.timeZone, prefix);
    case 'email-added':
    case 'email-removed':
    case 'email-list': {
      const answer = describeEmailResult(result, options.timeZone);
      return packCards(
        answer.title,
        answer.lines.map((l) => fitCardText(l, 1000)),
      );
    }
    case 'help':
      return packCards(
        result.topic ? `Help: ${result.topic}` : 'Briefing commands',
        result.lines.map(
          (l) =>
            `${formatCardCode(`${prefix} ${l.usage}`, 200)} — ${fitCardText(l.description, 400)}`,
        ),
      );
  }
}

export function renderError(message: string, hint: string | null): AdaptiveCard {
  const blocks = [text(`⚠️ ${fitCardText(message, 900)}`, { weight: 'Bolder' })];
  if (hint) blocks.push(text(fitCardText(hint, 900)));
  return createCard(blocks);
}

function single(plain: string): AdaptiveCard {
  return createCard([text(fitCardText(plain, 2000))]);
}

function renderDigestPreview(
  result: Extract<CommandResult, { kind: 'digest' }>,
  prefix: string,
): AdaptiveCard[] {
  const cards = renderTeamsDigest(result.digest, { commandPrefix: prefix });
  const shown = cards.slice(0, MAX_PREVIEW_CARDS);
  const notes: string[] = [];
  if (result.partial) notes.push('Preview: this week so far.');
  if (cards.length > shown.length) {
    notes.push(
      `${cards.length - shown.length} more parts are not shown here; the channel digest has them all.`,
    );
  }
  if (notes.length > 0) {
    const first = shown[0]!;
    shown[0] = { ...first, body: [text(`_${notes.join(' ')}_`), ...first.body] };
  }
  return shown;
}

function renderSubscriptions(
  result: Extract<CommandResult, { kind: 'subscriptions' }>,
  prefix: string,
  timeZone: string,
): AdaptiveCard[] {
  if (result.subscriptions.length === 0) {
    return [
      createCard([
        text(
          `No conversation in this team is subscribed yet. Use ${formatCardCode(`${prefix} subscribe`, 60)} in one.`,
        ),
      ]),
    ];
  }
  return packCards(
    'Subscriptions',
    result.subscriptions.map(
      (s) =>
        `${fitCardText(s.channelId, 120)}: ${fitCardText(describeSubscription(s, result, timeZone), 800)}${
          s.pausedReason ? `\n\n⚠️ paused: ${fitCardText(s.pausedReason, 300)}` : ''
        }`,
    ),
  );
}
