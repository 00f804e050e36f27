// The weekly digest as Discord messages of embeds. Pure: same digest in, same messages out.
//
// Layout: message 0 starts with a header embed (title, week, what is inside, coverage) and the
// lead's embed (longer summary, why it matters); then one embed per theme section (linked headlines, sources, dates, summaries, organisations and sums,
// "and N more" pointing to `/briefing search`). Entries flow in order into messages of at most
// 10 embeds and 6000 characters (Discord counts title, description, fields, footer and author
// across all embeds of a message); a theme that does not fit continues in a "(continued)" embed.
// Message 0 also ends once it holds the digest's `shape.mainWords` words: the rest follows in the
// next messages, where Discord puts a long digest's continuation.
// FOOTER_RESERVE characters per message stay free for the part footer and the delivery marker
// the adapter appends at send time. An entry is at most ENTRY_MAX (1400) characters, so one
// always fits an empty message.
import type { APIEmbed } from 'discord.js';
import type { Digest, DigestSection } from '../../domain.js';
import { cleanText } from '../../text/clean-text.js';
import { fitMarkdown, fitPlain, formatCode } from './discord-markdown.js';
import {
  countEmbedChars,
  DISCORD_LIMITS,
  noMentions,
  type DiscordMessage,
} from './discord-message.js';
import {
  countSectionStories,
  countWords,
  describeCounts,
  describeCoverage,
  plural,
  visibleSections,
} from '../../digest/entry-parts.js';
import { formatWeekRange } from '../../text/format-dates.js';
import { renderEntryText, renderLeadText } from './render-digest-entry.js';
import { sectionLabelOf, type LabelOf } from '../../digest/section-labels.js';
import { DEFAULT_SHAPE } from '../../digest/build-digest.js';
import { renderClosingSoonEmbed } from './render-deadlines.js';

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
  const sections = visibleSections(digest);
  const labelOf = sectionLabelOf(digest);
  const packer = createPacker(digest.shape?.mainWords ?? DEFAULT_SHAPE.mainWords);
  packer.addEmbed(renderHeader(digest, sections));
  if (digest.lead) {
    packer.addEmbed({
      title: 'The lead',
      description: renderLeadText(digest.lead, digest.timeZone, labelOf),
      color: SECTION_COLOUR,
    });
  }
  for (const section of sections) {
    addSection(packer, section, { timeZone: digest.timeZone, labelOf }, commandName);
  }
  const closingSoon = renderClosingSoonEmbed(digest);
  if (closingSoon) packer.addEmbed(closingSoon);
  const groups = packer.finish();
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
  const week = formatWeekRange(digest.startsAt, digest.endsAt, digest.timeZone) || digest.week;
  const lines: string[] = [];
  if (sections.length === 0 && !digest.lead) {
    lines.push(
      fitMarkdown(`No stories matched this channel's themes in the week of ${week}.`, 300),
    );
  } else {
    lines.push(fitMarkdown(`${week} · ${describeCounts(digest)}`, 300));
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
  // Before the bot began polling (or before any poll) the shared wording says so.
  if (digest.coverage.pollingBegan !== undefined)
    return `*${fitMarkdown(describeCoverage(digest, cleanText), 1500)}*`;
  const failed = digest.coverage.failedSources;
  if (failed.length === 0) return '*Coverage: every source was checked this week.*';
  const list = failed.map((f) => `${cleanText(f.name)} (${cleanText(f.reason)})`).join('; ');
  const intro = `Coverage: could not check ${plural(failed.length, 'source', 'sources')} this week: `;
  return `⚠️ ${fitMarkdown(intro + list, 1500)}`;
}

/**
 * A section's entries flow into the open message: the section starts a new embed (its title),
 * entries are appended to that embed's description while both the description and the message
 * budget allow, and a section that does not fit continues in a "(continued)" embed, in the next
 * message when this one is full. Messages are therefore filled close to the 6000 limit.
 */
function addSection(
  packer: Packer,
  section: DigestSection,
  view: { timeZone: string; labelOf: LabelOf },
  commandName: string,
): void {
  const count = plural(countSectionStories(section), 'story', 'stories');
  const title = fitPlain(`${section.label} · ${count}`, DISCORD_LIMITS.title);
  const continued = fitPlain(`${section.label} (continued)`, DISCORD_LIMITS.title);
  const pieces = section.entries.map((e) => renderEntryText(e, view.timeZone, view.labelOf));
  if (section.moreCount > 0) {
    const hint = formatCode(`${commandName} ${section.moreQuery}`, 400);
    pieces.push(`*…and ${section.moreCount} more:* ${hint}`);
  }
  let embed: APIEmbed | null = null;
  for (const piece of pieces) {
    if (embed !== null) {
      const grown = `${embed.description}\n\n${piece}`;
      const extra = grown.length - (embed.description?.length ?? 0);
      if (grown.length <= DESCRIPTION_BUDGET && packer.room() >= extra && !packer.full(piece)) {
        embed.description = grown;
        packer.grow(extra, piece);
        continue;
      }
    }
    const next: APIEmbed = {
      title: embed === null ? title : continued,
      description: piece,
      color: SECTION_COLOUR,
    };
    packer.addEmbed(next, true);
    embed = next;
  }
}

interface Packer {
  /** Adds an embed to the open message, opening a new message when it does not fit. */
  addEmbed(embed: APIEmbed, isEntry?: boolean): void;
  /** Characters the open message can still take. */
  room(): number;
  /** Records that the last embed grew by `chars` (the entry `piece`). */
  grow(chars: number, piece: string): void;
  /** Whether message 0 has its words: `piece` must then open the next message. */
  full(piece: string): boolean;
  finish(): APIEmbed[][];
}

function createPacker(mainWords: number): Packer {
  const budget = DISCORD_LIMITS.embedCharsPerMessage - FOOTER_RESERVE;
  const groups: APIEmbed[][] = [];
  let current: APIEmbed[] = [];
  let chars = 0;
  let words = 0;
  let entries = 0;
  const full = (piece: string): boolean =>
    groups.length === 0 && entries > 0 && words + countWords(piece) > mainWords;
  return {
    addEmbed(embed, isEntry = false) {
      const size = countEmbedChars(embed);
      const text = `${embed.title ?? ''} ${embed.description ?? ''}`;
      if (
        current.length > 0 &&
        (current.length >= DISCORD_LIMITS.embedsPerMessage || chars + size > budget || full(text))
      ) {
        groups.push(current);
        current = [];
        chars = 0;
      }
      current.push(embed);
      chars += size;
      if (groups.length === 0) {
        words += countWords(text);
        if (isEntry) entries += 1;
      }
    },
    room() {
      return budget - chars;
    },
    grow(extra, piece) {
      chars += extra;
      if (groups.length === 0) {
        words += countWords(piece);
        entries += 1;
      }
    },
    full,
    finish() {
      if (current.length > 0) groups.push(current);
      return groups;
    },
  };
}
