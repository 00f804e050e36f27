// The weekly digest as Adaptive Cards, one card per Teams message. Pure: same digest in, same
// cards out. Layout (the same content as Slack and Discord): card 0 starts with the title, the
// week, what is inside and the coverage; then per theme section a heading and one TextBlock per
// entry (linked headline with its host, source and date, summary, organisations and sums) and
// "…and N more" with the search to type. Entries flow into cards while the card's JSON stays
// under CARD_BYTE_BUDGET (adaptive-card.ts); a section that does not fit continues in the next
// card under a "(continued)" heading. Later cards say "part 2 of 3".
import { layoutEntry, type EntryStyle } from '../../digest/entry-parts.js';
import { sectionLabelOf, type LabelOf } from '../../digest/section-labels.js';
import {
  countSectionStories,
  describeCounts,
  plural,
  visibleSections,
} from '../../digest/entry-parts.js';
import type { Digest, DigestEntry, DigestSection } from '../../domain.js';
import { cleanText } from '../../text/clean-text.js';
import { formatWeekRange } from '../../text/format-dates.js';
import {
  CARD_BYTE_BUDGET,
  createCard,
  createSizeCounter,
  text,
  type AdaptiveCard,
  type CardElement,
} from './adaptive-card.js';
import { fitCardText, formatCardCode, formatCardLink } from './card-markdown.js';

export interface TeamsDigestOptions {
  /** How a reader types a command here: "@Briefing" for the bot, null for a webhook channel. */
  commandPrefix: string | null;
  /** Override of the per-card budget (tests). */
  cardByteBudget?: number;
}

const ENTRY_MAX = 1800;
// Room kept free for the "part N of M" header a later card gets (a title of at most 250
// characters, at most 4 bytes each, plus the block around it).
const PART_HEADER_RESERVE = 1100;
const TEAMS_ENTRY: EntryStyle = {
  limit: ENTRY_MAX,
  maxSummary: 600,
  maxExtraLinks: 4,
  headline: (url, title) => `**${formatCardLink(url, title || 'Untitled', 300)}**`,
  link: formatCardLink,
  fit: fitCardText,
  facts: (raw, max) => `_${fitCardText(raw, max)}_`,
};

export function renderEntryMarkdown(
  entry: DigestEntry,
  timeZone: string,
  labelOf?: LabelOf,
): string {
  // Teams keeps single newlines only inside a paragraph when they are doubled.
  return layoutEntry(entry, timeZone, TEAMS_ENTRY, labelOf).replace(/\n/g, '\n\n');
}

export function renderTeamsDigest(digest: Digest, options: TeamsDigestOptions): AdaptiveCard[] {
  const budget = options.cardByteBudget ?? CARD_BYTE_BUDGET;
  const sections = visibleSections(digest);
  const labelOf = sectionLabelOf(digest);
  const cards: CardElement[][] = [[...renderHeader(digest, sections)]];
  const size = createSizeCounter();
  size.add(cards[0]!);
  for (const section of sections) {
    const heading = sectionHeading(section, false);
    const continued = sectionHeading(section, true);
    const pieces = section.entries.map((e) =>
      text(renderEntryMarkdown(e, digest.timeZone, labelOf)),
    );
    if (section.moreCount > 0) pieces.push(text(moreLine(section, options.commandPrefix)));
    let first = true;
    let open = cards[cards.length - 1]!;
    for (const piece of pieces) {
      const head = first ? heading : null;
      const needed = head ? [head, piece] : [piece];
      if (size.bytesWith(needed) + PART_HEADER_RESERVE > budget && open.length > 0) {
        open = [];
        cards.push(open);
        size.reset();
        if (!first) needed.unshift(continued);
      }
      open.push(...needed);
      size.add(needed);
      first = false;
    }
  }
  const total = cards.length;
  return cards.map((body, i) =>
    createCard(i === 0 ? body : [partHeader(digest, i, total), ...body]),
  );
}

function renderHeader(digest: Digest, sections: DigestSection[]): CardElement[] {
  const week = formatWeekRange(digest.startsAt, digest.endsAt, digest.timeZone) || digest.week;
  const blocks: CardElement[] = [
    text(fitCardText(digest.title || `Catch up: ${digest.week}`, 200), {
      size: 'Large',
      weight: 'Bolder',
    }),
  ];
  if (sections.length === 0) {
    blocks.push(
      text(fitCardText(`No stories matched this channel's themes in the week of ${week}.`, 300)),
    );
  } else {
    blocks.push(text(fitCardText(`${week} · ${describeCounts(digest)}`, 300)));
    blocks.push(text(fitCardText(sections.map((s) => s.label).join(' · '), 1000)));
  }
  blocks.push(text(renderCoverage(digest), { isSubtle: true, size: 'Small' }));
  return blocks;
}

function renderCoverage(digest: Digest): string {
  const failed = digest.coverage.failedSources;
  if (failed.length === 0) return '_Coverage: every source was checked this week._';
  const list = failed.map((f) => `${cleanText(f.name)} (${cleanText(f.reason)})`).join('; ');
  const intro = `Coverage: could not check ${plural(failed.length, 'source', 'sources')} this week: `;
  return `⚠️ ${fitCardText(intro + list, 1500)}`;
}

function sectionHeading(section: DigestSection, continued: boolean): CardElement {
  const count = plural(countSectionStories(section), 'story', 'stories');
  const words = continued ? `${section.label} (continued)` : `${section.label} · ${count}`;
  return text(fitCardText(words, 250), {
    size: 'Medium',
    weight: 'Bolder',
    separator: true,
    spacing: 'Large',
  });
}

function moreLine(section: DigestSection, prefix: string | null): string {
  const more = `_…and ${section.moreCount} more_`;
  if (prefix === null) return `${more}: ${fitCardText(section.moreQuery, 400)}`;
  return `${more}: ${formatCardCode(`${prefix} ${section.moreQuery}`, 400)}`;
}

function partHeader(digest: Digest, index: number, total: number): CardElement {
  return text(fitCardText(`${digest.title} · part ${index + 1} of ${total}`, 250), {
    weight: 'Bolder',
  });
}

/** The plain-text line the outbox keeps for a part (previews, the in-memory adapter). */
export function describePart(digest: Digest, index: number, total: number): string {
  return total > 1 ? `${digest.title} (part ${index + 1} of ${total})` : digest.title;
}
