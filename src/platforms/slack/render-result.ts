// CommandResult -> Slack replies. Pure. Visibility: subscribe/unsubscribe confirmations go to the
// channel (everyone should know the channel now gets a digest); everything else, including search,
// help and errors, is ephemeral (only the person who asked sees it). A digest preview can need
// several messages; respond() allows five per command, so at most five are returned.
import type { CommandResult, HelpLine } from '../../commands/types.js';
import { renderSlackDigest } from './render-digest.js';
import { SLACK_LIMITS, type SlackBlock, type SlackResponse } from './block-kit.js';
import { truncateText } from '../../text/truncate.js';
import { escapeMrkdwn, fitMrkdwn } from './mrkdwn.js';
import {
  renderCorrectedLines,
  renderCorrectionLines,
  type MenuTheme,
} from './render-corrections.js';
import { renderSearchPage } from './render-search.js';
import {
  MAX_LIST_BLOCKS,
  renderExplainBlocks,
  renderStatusBlocks,
  withOmitted,
} from './render-status.js';
import { renderSubscriptionLines } from './render-subscriptions.js';
import { renderCatchUp, renderSubscribed } from './render-subscribed.js';
import { renderDeadlinesResult } from './render-deadlines.js';
import { describeEmailResult } from '../../commands/describe-email.js';
import type { EmailResult } from '../../commands/email-types.js';

export interface ResultRenderOptions {
  commandName: string;
  timeZone: string;
  /** The configured themes, for the "Correct themes" menus on search hits and digest entries. */
  themes?: readonly MenuTheme[];
}

/** respond() may be used five times per command (Slack: "up to 5 times within 30 minutes"). */
export const MAX_RESPONSES = 5;

export function renderSlackResult(
  result: CommandResult,
  options: ResultRenderOptions,
): SlackResponse[] {
  switch (result.kind) {
    case 'error':
      return [renderError(result.message, result.hint)];
    case 'subscribed':
      return [renderSubscribed(result, options)];
    case 'catch-up':
      return [renderCatchUp(result.catchUp)];
    case 'unsubscribed':
      return [
        result.removed
          ? reply('in_channel', ':wave: This channel will no longer receive the weekly catch-up.')
          : reply('ephemeral', 'This channel was not subscribed, so there was nothing to remove.'),
      ];
    case 'subscriptions':
      return [
        replyBlocks(
          'ephemeral',
          'Subscriptions',
          withOmitted(
            renderSubscriptionLines(result.subscriptions, result, options.timeZone),
            MAX_LIST_BLOCKS,
          ),
        ),
      ];
    case 'search':
      return [renderSearchPage(result.page, options)];
    case 'digest':
      return renderDigestPreview(result, options);
    case 'themes':
      return [renderThemes(result, options.commandName)];
    case 'status':
      return [
        replyBlocks('ephemeral', 'Briefing status', renderStatusBlocks(result, options.timeZone)),
      ];
    case 'explain':
      return [
        replyBlocks(
          'ephemeral',
          `Why: ${fitMrkdwn(result.story.title, 300)}`,
          renderExplainBlocks(result, options.timeZone),
        ),
      ];
    case 'deadlines':
      return [renderDeadlinesResult(result, options)];
    case 'corrected':
      return [
        replyBlocks(
          'ephemeral',
          'Correction saved',
          withOmitted(renderCorrectedLines(result), MAX_LIST_BLOCKS),
        ),
      ];
    case 'corrections':
      return [
        replyBlocks(
          'ephemeral',
          'Corrections',
          withOmitted(renderCorrectionLines(result, options.timeZone), MAX_LIST_BLOCKS),
        ),
      ];
    case 'email-added':
    case 'email-removed':
    case 'email-list':
      return [renderEmailAnswer(result, options.timeZone)];
    case 'help':
      return [renderHelp(result.lines, options.commandName)];
  }
}

function renderEmailAnswer(result: EmailResult, timeZone: string): SlackResponse {
  const answer = describeEmailResult(result, timeZone);
  const title = fitMrkdwn(answer.title, 200);
  const lines = answer.lines.map((l) => fitMrkdwn(l, 1500));
  return replyBlocks(
    answer.public ? 'in_channel' : 'ephemeral',
    title,
    withOmitted([`*${title}*`, ...lines], MAX_LIST_BLOCKS),
  );
}

export function renderError(message: string, hint: string | null): SlackResponse {
  const lines = [`:warning: ${fitMrkdwn(message, 1500)}`];
  if (hint) lines.push(fitMrkdwn(hint, 1400));
  return reply('ephemeral', lines.join('\n'));
}

function renderDigestPreview(
  result: Extract<CommandResult, { kind: 'digest' }>,
  options: ResultRenderOptions,
): SlackResponse[] {
  const messages = renderSlackDigest(result.digest, {
    commandName: options.commandName,
    ...(options.themes ? { themes: options.themes } : {}),
  });
  const shown = messages.slice(0, MAX_RESPONSES);
  const responses: SlackResponse[] = shown.map((m) => ({ ...m, response_type: 'ephemeral' }));
  const notes: string[] = [];
  if (result.partial) notes.push('This week is not over yet: the digest so far.');
  if (messages.length > shown.length) {
    notes.push(
      `${messages.length - shown.length} more parts are not shown here; the channel digest has them all.`,
    );
  }
  if (notes.length > 0) {
    const first = responses[0]!;
    const blocks = [...first.blocks];
    const note: SlackBlock = {
      type: 'context',
      elements: [{ type: 'mrkdwn', text: notes.join(' ') }],
    };
    if (blocks.length < SLACK_LIMITS.blocksPerMessage) blocks.splice(1, 0, note);
    responses[0] = { ...first, blocks };
  }
  return responses;
}

function renderThemes(
  result: Extract<CommandResult, { kind: 'themes' }>,
  commandName: string,
): SlackResponse {
  const lines = [
    `*Themes* · stories so far in ${escapeMrkdwn(result.week)}`,
    ...result.themes.map(
      (t) =>
        `• \`${fitMrkdwn(t.id, 60)}\` *${fitMrkdwn(t.label, 100)}* (${t.countThisWeek}): ${fitMrkdwn(t.description, 400)}`,
    ),
    `Subscribe to some: \`${fitMrkdwn(commandName, 40)} subscribe ${fitMrkdwn(
      result.themes
        .slice(0, 2)
        .map((t) => t.id)
        .join(' '),
      100,
    )}\``,
  ];
  return replyBlocks('ephemeral', 'Themes', withOmitted(lines, MAX_LIST_BLOCKS));
}

function renderHelp(lines: HelpLine[], commandName: string): SlackResponse {
  const name = fitMrkdwn(commandName, 40);
  const text = lines.map((l) => {
    const usage = l.usage.startsWith('/')
      ? fitMrkdwn(l.usage, 200)
      : `${name} ${fitMrkdwn(l.usage, 200)}`;
    return `\`${usage.replace(/`/g, "'")}\` ${fitMrkdwn(l.description, 500)}`;
  });
  return replyBlocks(
    'ephemeral',
    'Briefing help',
    withOmitted(['*NHS briefing bot*', ...text], MAX_LIST_BLOCKS),
  );
}

function reply(type: SlackResponse['response_type'], mrkdwn: string): SlackResponse {
  return replyBlocks(type, mrkdwn, [{ type: 'section', text: { type: 'mrkdwn', text: mrkdwn } }]);
}

function replyBlocks(
  type: SlackResponse['response_type'],
  fallback: string,
  blocks: SlackBlock[],
): SlackResponse {
  // `fallback` is already escaped (or fixed text); a cut can at worst shorten an `&amp;`.
  const text = truncateText(fallback, 3000);
  return {
    response_type: type,
    text: text.trim() === '' ? 'Briefing' : text,
    blocks:
      blocks.length > 0
        ? blocks
        : [{ type: 'section', text: { type: 'mrkdwn', text: 'Nothing to show.' } }],
    unfurl_links: false,
    unfurl_media: false,
  };
}
