// The weekly digest as Discord messages of embeds. Pure: same digest in, same messages out.
//
// Layout: message 0 starts with a header embed (title, week, what is inside, coverage); then one
// embed per theme section (linked headlines, sources, dates, summaries, organisations and sums,
// "and N more" pointing to `/briefing search`). A theme longer than one embed description
// continues in a "(continued)" embed. Embeds are packed in order into messages of at most
// 10 embeds and 6000 characters (Discord counts title, description, fields, footer and author
// across all embeds of a message); FOOTER_RESERVE characters per message stay free for the
// part footer and the delivery marker the adapter appends at send time.
import type { APIEmbed } from 'discord.js';
import type { Digest, DigestSection } from '../../domain.js';
import { cleanText, fitMarkdown, fitPlain, formatCode } from './discord-markdown.js';
import {
  countEmbedChars,
  DISCORD_LIMITS,
  noMentions,
  type DiscordMessage,
} from './discord-message.js';
import { formatWeekRange } from './format-dates.js';
import { renderEntryText } from './render-digest-entry.js';

export interface DigestRenderOptions {
  /** The slash command shown in "and N more" hints. */
  commandName?: string;
}

/** Characters per message left free for the footer ("Part 2 of 3 · 2017-W07 · ref …"). */
export const FOOTER_RESERVE = 120;
const DESCRIPTION_BUDGET = 3800;
const HEADER_COLOUR = 0x005eb8; // NHS blue
const SECTION_COLOUR = 0x41b6e6;

export function renderDiscordDigest(
  digest: Digest,
  options: DigestRenderOptions = {},
): DiscordMessage[] {
  const commandName = options.commandName ?? '/briefing';
  const sections = digest.sections.filter((s) => s.entries.length > 0 || s.moreCount > 0);
  const embeds: APIEmbed[] = [renderHeader(digest, sections)];
  for (const section of sections) embeds.push(...renderSection(section, digest.timeZone, commandName));
  const groups = packEmbeds(embeds);
  return groups.map((group, i) => {
    const footer =
      groups.length > 1 ? `Part ${i + 1} of ${groups.length} · ${digest.week}` : digest.week;
    const last = group[group.length - 1]!;
    group[group.length - 1] = { ...last, footer: { text: fitPlain(footer, 60) } };
    const message: DiscordMessage = { embeds: group, allowed_mentions: noMentions() };
    if (i === 0) message.content = fitPlain(digest.title, 200);
    return message;
  });
}

function renderHeader(digest: Digest, sections: DigestSection[]): APIEmbed {
  const stories = sections.reduce((n, s) => n + countStories(s), 0);
  const week = formatWeekRange(digest.startsAt, digest.endsAt, digest.timeZone) || digest.week;
  const lines: string[] = [];
  if (sections.length === 0) {
    lines.push(fitMarkdown(`No stories matched this channel's themes in the week of ${week}.`, 300));
  } else {
    lines.push(
      fitMarkdown(
        `${week} · ${plural(stories, 'story', 'stories')} in ${plural(sections.length, 'theme', 'themes')}`,
        300,
      ),
    );
    lines.push(fitMarkdown(sections.map((s) => s.label).join(' · '), 1000));
  }
  lines.push(renderCoverage(digest));
  return {
    title: fitPlain(digest.title || `Catch up: ${digest.week}`, DISCORD_LIMITS.title),
    description: lines.join('\n'),
    color: HEADER_COLOUR,
  };
}

function renderCoverage(digest: Digest): string {
  const failed = digest.coverage.failedSources;
  if (failed.length === 0) return '*Coverage: every source was checked this week.*';
  const list = failed.map((f) => `${cleanText(f.name)} (${cleanText(f.reason)})`).join('; ');
  const intro = `Coverage: could not check ${plural(failed.length, 'source', 'sources')} this week: `;
  return `⚠️ ${fitMarkdown(intro + list, 1500)}`;
}

function renderSection(section: DigestSection, timeZone: string, commandName: string): APIEmbed[] {
  const count = plural(countStories(section), 'story', 'stories');
  const title = fitPlain(`${section.label} · ${count}`, DISCORD_LIMITS.title);
  const continued = fitPlain(`${section.label} (continued)`, DISCORD_LIMITS.title);
  const pieces = section.entries.map((e) => renderEntryText(e, timeZone));
  if (section.moreCount > 0) {
    const hint = formatCode(`${commandName} ${section.moreQuery}`, 400);
    pieces.push(`*…and ${section.moreCount} more:* ${hint}`);
  }
  const out: APIEmbed[] = [];
  let description = '';
  for (const piece of pieces) {
    const next = description === '' ? piece : `${description}\n\n${piece}`;
    if (next.length > DESCRIPTION_BUDGET && description !== '') {
      out.push({ title: out.length === 0 ? title : continued, description, color: SECTION_COLOUR });
      description = piece;
    } else description = next;
  }
  out.push({ title: out.length === 0 ? title : continued, description, color: SECTION_COLOUR });
  return out;
}

/** Greedy packing in order; every embed on its own is far below the per-message budget. */
function packEmbeds(embeds: APIEmbed[]): APIEmbed[][] {
  const budget = DISCORD_LIMITS.embedCharsPerMessage - FOOTER_RESERVE;
  const groups: APIEmbed[][] = [];
  let current: APIEmbed[] = [];
  let chars = 0;
  for (const embed of embeds) {
    const size = countEmbedChars(embed);
    if (current.length > 0 && (current.length >= DISCORD_LIMITS.embedsPerMessage || chars + size > budget)) {
      groups.push(current);
      current = [];
      chars = 0;
    }
    current.push(embed);
    chars += size;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

function countStories(section: DigestSection): number {
  return section.entries.length + section.moreCount;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
