// Small text helpers for interaction replies: command-layer messages (which quote user input and
// use `code` spans for examples) made inert, and line lists fitted to an embed description.
import { escapeMarkdown, formatCode } from './discord-markdown.js';
import { DISCORD_LIMITS, noMentions, type AllowedMentionsNone } from './discord-message.js';
import type { APIActionRowComponent, APIComponentInMessageActionRow, APIEmbed } from 'discord.js';

/** One interaction answer: the reply, or a follow-up. Always mention-free. */
export interface DiscordReply {
  content?: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIComponentInMessageActionRow>[];
  ephemeral: boolean;
  allowed_mentions: AllowedMentionsNone;
}

export function createReply(
  init: Partial<Omit<DiscordReply, 'allowed_mentions'>> & { ephemeral: boolean },
): DiscordReply {
  return { embeds: [], components: [], ...init, allowed_mentions: noMentions() };
}

/**
 * Text from the command layer: `code` spans stay code (mentions inside neutralised, no backticks
 * can escape), everything else is escaped markdown. The result is at most `max` characters.
 */
export function renderCommandText(text: string, max: number): string {
  const parts = text.split(/(`[^`\n]{1,300}`)/g);
  let out = '';
  for (const part of parts) {
    const piece =
      part.startsWith('`') && part.endsWith('`') && part.length >= 2
        ? formatCode(part.slice(1, -1), 302)
        : escapeKeepingEdges(part);
    if (out.length + piece.length > max) {
      return out.length + 1 <= max ? `${out}…` : out.slice(0, max);
    }
    out += piece;
  }
  return out;
}

function escapeKeepingEdges(part: string): string {
  const escaped = escapeMarkdown(part);
  if (escaped === '') return /\s/.test(part) ? ' ' : '';
  return `${/^\s/.test(part) ? ' ' : ''}${escaped}${/\s$/.test(part) ? ' ' : ''}`;
}

/** Joins lines into one description within `max`, ending with "…and N more" when some do not fit. */
export function packLines(
  lines: readonly string[],
  max = DISCORD_LIMITS.description - 100,
): string {
  let out = '';
  for (let i = 0; i < lines.length; i++) {
    const next = out === '' ? lines[i]! : `${out}\n${lines[i]}`;
    if (next.length > max) return `${out}\n*…and ${lines.length - i} more*`;
    out = next;
  }
  return out;
}
