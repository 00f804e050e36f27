// Deadlines in Slack mrkdwn: the digest's "Closing soon" blocks, the `deadlines` answer and the
// reminder message. Pure. Titles are the publisher's (escaped and linked by mrkdwn.ts); the words
// around them come from digest/closing-soon.ts so every platform says the same.
import {
  CLOSING_SOON_LABEL,
  describeDeadline,
  describeReminder,
} from '../../digest/closing-soon.js';
import type { CommandResult } from '../../commands/types.js';
import type { DeadlineReminder, Digest, DigestDeadline } from '../../domain.js';
import {
  createMessage,
  SLACK_LIMITS,
  type SlackBlock,
  type SlackMessage,
  type SlackResponse,
} from './block-kit.js';
import { escapeMrkdwn, fitMrkdwn, formatBold, formatLink } from './mrkdwn.js';

/** "• Consultation closes Wed 12 Jan 2022: <url|title> · `g_3fa9c1d2`" */
export function renderDeadlineLine(deadline: DigestDeadline, timeZone: string): string {
  const what = escapeMrkdwn(describeDeadline(deadline, timeZone));
  return `• ${what}: ${formatLink(deadline.url, deadline.title, 200)} · \`${deadline.ref}\``;
}

/** Lines joined into one section text, as many as fit; the rest counted. */
export function joinDeadlineLines(lines: readonly string[], heading: string): string {
  let text = heading;
  for (const [i, line] of lines.entries()) {
    const more = `\n…and ${lines.length - i} more`;
    if (text.length + line.length + 1 + more.length > SLACK_LIMITS.sectionText) return text + more;
    text += `\n${line}`;
  }
  return text;
}

/** The digest's "Closing soon" blocks (none when nothing closes within four weeks). */
export function renderClosingSoonBlocks(digest: Digest): SlackBlock[] {
  const deadlines = digest.deadlines ?? [];
  if (deadlines.length === 0) return [];
  const lines = deadlines.map((d) => renderDeadlineLine(d, digest.timeZone));
  return [
    { type: 'divider' },
    {
      type: 'section',
      text: { type: 'mrkdwn', text: joinDeadlineLines(lines, formatBold(CLOSING_SOON_LABEL, 50)) },
    },
  ];
}

/** One short message a few days before a deadline. */
export function renderReminderMessage(reminder: DeadlineReminder): SlackMessage {
  const { deadline } = reminder;
  const words = describeReminder(reminder);
  const text = `:alarm_clock: ${escapeMrkdwn(words)}: ${formatLink(deadline.url, deadline.title, 300)} · \`${deadline.ref}\``;
  return createMessage(fitMrkdwn(`${words}: ${deadline.title}`, SLACK_LIMITS.fallbackText), [
    { type: 'section', text: { type: 'mrkdwn', text } },
  ]);
}

/** The `deadlines` answer (ephemeral, like every lookup). */
export function renderDeadlinesResult(
  result: Extract<CommandResult, { kind: 'deadlines' }>,
  options: { commandName: string; timeZone: string },
): SlackResponse {
  const scope = result.themes === 'all' ? 'every theme' : `themes: ${result.themes.join(', ')}`;
  const heading = `${formatBold('Deadlines', 50)} · ${escapeMrkdwn(fitMrkdwn(scope, 300))}`;
  const lines =
    result.deadlines.length > 0
      ? result.deadlines.map((d) => renderDeadlineLine(d, options.timeZone))
      : ['Nothing we know of closes in the weeks ahead.'];
  const hint = `\`${fitMrkdwn(options.commandName, 40)} explain REF\` shows a story; \`${fitMrkdwn(options.commandName, 40)} deadlines all\` lists every theme.`;
  return {
    response_type: 'ephemeral',
    text: fitMrkdwn(`Deadlines: ${result.deadlines.length} upcoming`, SLACK_LIMITS.fallbackText),
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: joinDeadlineLines(lines, heading) } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: hint }] },
    ],
    unfurl_links: false,
    unfurl_media: false,
  };
}
