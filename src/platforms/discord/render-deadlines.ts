// Deadlines in Discord markdown: the digest's "Closing soon" embed, the `deadlines` answer and the
// reminder message. Pure. Titles are the publisher's (escaped and linked by discord-markdown.ts);
// the words around them come from digest/closing-soon.ts so every platform says the same.
import type { APIEmbed } from 'discord.js';
import {
  CLOSING_SOON_LABEL,
  describeDeadline,
  describeReminder,
} from '../../digest/closing-soon.js';
import type { CommandResult } from '../../commands/types.js';
import type { DeadlineReminder, Digest, DigestDeadline } from '../../domain.js';
import { fitMarkdown, fitPlain, formatLink, toSafeUrl } from './discord-markdown.js';
import { noMentions, type DiscordMessage } from './discord-message.js';
import { createReply, type DiscordReply } from './reply-text.js';

const DESCRIPTION_BUDGET = 3800;
const DEADLINE_COLOUR = 0xed8b00; // NHS warm yellow

/** "• Consultation closes Wed 12 Jan 2022: [title](url) · `g_3fa9c1d2`" */
export function renderDeadlineLine(deadline: DigestDeadline, timeZone: string): string {
  const what = fitMarkdown(describeDeadline(deadline, timeZone), 200);
  return `• ${what}: ${formatLink(deadline.url, deadline.title, 200)} · \`${deadline.ref}\``;
}

/** Lines joined into one description, as many as fit; the rest counted. */
export function joinDeadlineLines(lines: readonly string[]): string {
  let text = '';
  for (const [i, line] of lines.entries()) {
    const more = `\n…and ${lines.length - i} more`;
    if (text.length + line.length + 1 + more.length > DESCRIPTION_BUDGET) return text + more;
    text = text === '' ? line : `${text}\n${line}`;
  }
  return text;
}

/** The digest's "Closing soon" embed, or null when nothing closes within four weeks. */
export function renderClosingSoonEmbed(digest: Digest): APIEmbed | null {
  const deadlines = digest.deadlines ?? [];
  if (deadlines.length === 0) return null;
  return {
    title: CLOSING_SOON_LABEL,
    description: joinDeadlineLines(deadlines.map((d) => renderDeadlineLine(d, digest.timeZone))),
    color: DEADLINE_COLOUR,
  };
}

/** One short message a few days before a deadline. */
export function renderReminderMessage(reminder: DeadlineReminder): DiscordMessage {
  const { deadline } = reminder;
  const words = fitMarkdown(describeReminder(reminder), 300);
  const url = toSafeUrl(deadline.url);
  return {
    content: fitPlain(`⏰ ${describeReminder(reminder)}`, 300),
    embeds: [
      {
        title: fitPlain(deadline.title || 'Untitled', 256),
        ...(url ? { url } : {}),
        description: `${words} · \`${deadline.ref}\``,
        color: DEADLINE_COLOUR,
      },
    ],
    allowed_mentions: noMentions(),
  };
}

/** The `deadlines` answer (ephemeral, like every lookup). */
export function renderDeadlinesResult(
  result: Extract<CommandResult, { kind: 'deadlines' }>,
  timeZone: string,
  commandName: string,
): DiscordReply {
  const scope = result.themes === 'all' ? 'every theme' : `themes: ${result.themes.join(', ')}`;
  const lines =
    result.deadlines.length > 0
      ? result.deadlines.map((d) => renderDeadlineLine(d, timeZone))
      : ['Nothing we know of closes in the weeks ahead.'];
  return createReply({
    ephemeral: true,
    embeds: [
      {
        title: fitPlain(`Deadlines · ${scope}`, 256),
        description: joinDeadlineLines(lines),
        color: DEADLINE_COLOUR,
        footer: {
          text: fitPlain(
            `${commandName} explain REF shows a story; ${commandName} deadlines scope:all lists every theme.`,
            300,
          ),
        },
      },
    ],
  });
}
