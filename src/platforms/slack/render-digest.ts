// The weekly digest as Slack messages. Pure: same digest in, same messages out.
//
// Layout (see README "Slack"): message 0 goes to the channel with the title, the week, the lead
// (longer summary, why it matters), the most important theme sections while they stay short (at
// most MAIN_ENTRY_BUDGET stories and the digest's `shape.mainWords` words), a list of
// what continues in the thread, and the coverage line. The remaining themes follow as replies in
// that message's thread, each reply holding whole themes where possible (a theme longer than one
// message continues under "<label> (continued)"). This keeps a big week to one post in the
// channel instead of a wall of messages, while small weeks arrive complete in one message.
// Every message stays within Slack's limits (50 blocks, section 3000, header 150) and has a
// plain-text fallback.
import type { Digest, DigestSection } from '../../domain.js';
import { createMessage, SLACK_LIMITS, type SlackBlock, type SlackMessage } from './block-kit.js';
import {
  countSectionStories,
  countUniqueEntries,
  countWords,
  describeCounts,
  describeCoverage,
  plural,
  visibleSections,
} from '../../digest/entry-parts.js';
import { formatWeekRange } from '../../text/format-dates.js';
import { escapeMrkdwn, fitMrkdwn, fitPlain, formatBold, formatCode } from './mrkdwn.js';
import { renderEntryText, renderLeadText } from './render-digest-entry.js';
import { namedSections, sectionLabelOf, type LabelOf } from '../../digest/section-labels.js';
import { renderClosingSoonBlocks } from './render-deadlines.js';
import { correctMenu, type MenuTheme } from './render-corrections.js';
import { DEFAULT_SHAPE } from '../../digest/build-digest.js';

export interface DigestRenderOptions {
  /** The slash command shown in "and N more" hints. */
  commandName?: string;
  /** The configured themes: when given, each entry carries a "Correct themes" menu. */
  themes?: readonly MenuTheme[];
}

/** Stories shown in the channel message before the rest moves to the thread. */
export const MAIN_ENTRY_BUDGET = 12;
/** Soft cap on the characters of one message, so a reply stays readable on a phone. */
const MESSAGE_CHAR_BUDGET = 24_000;
/** Blocks message 0 keeps for header, week line, thread note and coverage. */
const MAIN_RESERVED_BLOCKS = 4;

interface Unit {
  section: DigestSection;
  /** Blocks of one entry; the first unit of a theme also carries the theme heading. */
  blocks: SlackBlock[];
  chars: number;
  words: number;
  first: boolean;
}

interface Pack {
  blocks: SlackBlock[];
  chars: number;
  entries: number;
  words: number;
  labels: string[];
}

export function renderSlackDigest(
  digest: Digest,
  options: DigestRenderOptions = {},
): SlackMessage[] {
  const commandName = options.commandName ?? '/briefing';
  const sections = visibleSections(digest);
  const view = { timeZone: digest.timeZone, labelOf: sectionLabelOf(digest) };
  const themeUnits = sections.map((s) => toUnits(s, view, commandName, options.themes));

  const main: Pack = emptyPack();
  const lead = leadBlocks(digest);
  main.blocks.push(...lead);
  main.chars += countChars(lead);
  main.words += countWords(lead.map(blockText).join('\n'));
  // The lead is a story: it counts toward MAIN_ENTRY_BUDGET like any other.
  if (digest.lead) main.entries += 1;
  const wordBudget = digest.shape?.mainWords ?? DEFAULT_SHAPE.mainWords;
  const thread: Pack[] = [];
  let current = main;
  // "Closing soon" sits in message 0 under the stories, before the coverage line.
  const closingSoon = renderClosingSoonBlocks(digest);
  const mainBlockBudget = SLACK_LIMITS.blocksPerMessage - MAIN_RESERVED_BLOCKS - closingSoon.length;

  const fits = (pack: Pack, units: Unit[]): boolean => {
    const blocks = units.reduce((n, u) => n + u.blocks.length, 0);
    const chars = units.reduce((n, u) => n + u.chars, 0);
    const blockBudget = pack === main ? mainBlockBudget : SLACK_LIMITS.blocksPerMessage;
    const words = units.reduce((n, u) => n + u.words, 0);
    const entryOk =
      pack !== main ||
      (pack.entries + units.length <= MAIN_ENTRY_BUDGET &&
        (pack.entries === 0 || pack.words + words <= wordBudget));
    return (
      entryOk &&
      pack.blocks.length + blocks <= blockBudget &&
      pack.chars + chars <= MESSAGE_CHAR_BUDGET
    );
  };
  const nextPack = (): Pack => {
    const pack = emptyPack();
    thread.push(pack);
    return pack;
  };

  for (const units of themeUnits) {
    // Keep a theme whole: move to a fresh reply unless it cannot fit even there.
    if (!fits(current, units) && (current !== main || main.entries > 0)) {
      if (current.blocks.length > 0 || current === main) current = nextPack();
    }
    for (const unit of units) {
      if (!fits(current, [unit])) {
        current = nextPack();
        if (!unit.first) current.blocks.push(...continuedHeading(unit.section));
      }
      current.blocks.push(...unit.blocks);
      current.chars += unit.chars;
      current.words += unit.words;
      current.entries += 1;
      const label = unit.section.label;
      if (current.labels[current.labels.length - 1] !== label) current.labels.push(label);
    }
  }

  const packs = thread.filter((p) => p.blocks.length > 0);
  main.blocks.push(...closingSoon);
  const messages = [renderMain(digest, sections, main, packs)];
  packs.forEach((pack, i) => {
    const text = `${digest.title} (continued ${i + 1}/${packs.length}): ${pack.labels.join(', ')}`;
    messages.push(createMessage(fitMrkdwn(text, SLACK_LIMITS.fallbackText), pack.blocks));
  });
  return messages;
}

function emptyPack(): Pack {
  return { blocks: [], chars: 0, entries: 0, words: 0, labels: [] };
}

/** The lead's heading and text, opening message 0; none when the view has no lead. */
function leadBlocks(digest: Digest): SlackBlock[] {
  if (!digest.lead) return [];
  return [
    { type: 'divider' },
    { type: 'section', text: { type: 'mrkdwn', text: '*The lead*' } },
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: renderLeadText(digest.lead, digest.timeZone, sectionLabelOf(digest)),
      },
    },
  ];
}

function blockText(block: SlackBlock): string {
  if (block.type === 'section' || block.type === 'header') return block.text.text;
  if (block.type === 'context') return block.elements.map((e) => e.text).join(' ');
  return '';
}

function toUnits(
  section: DigestSection,
  view: { timeZone: string; labelOf: LabelOf },
  commandName: string,
  themes: readonly MenuTheme[] | undefined,
): Unit[] {
  const heading: SlackBlock[] = [
    { type: 'divider' },
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: `${formatBold(section.label, 200)}  ·  ${plural(countSectionStories(section), 'story', 'stories')}`,
      },
    },
  ];
  const entryBlocks: SlackBlock[][] = section.entries.map((entry) => {
    // The menu offers "Not <this section's theme>" first; the command checks the story's state.
    const lead = entry.storyIds[0];
    const menu =
      lead && themes ? correctMenu(lead, entryThemes(entry, section, themes), themes) : null;
    const text = {
      type: 'mrkdwn' as const,
      text: renderEntryText(entry, view.timeZone, view.labelOf),
    };
    return [{ type: 'section' as const, text, ...(menu ? { accessory: menu } : {}) }];
  });
  if (entryBlocks.length === 0) entryBlocks.push([]);
  if (section.moreCount > 0) {
    const hint = `and ${section.moreCount} more: ${formatCode(`${commandName} ${section.moreQuery}`, 400)}`;
    entryBlocks[entryBlocks.length - 1]!.push({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: hint }],
    });
  }
  return entryBlocks.map((blocks, i) => {
    const all = i === 0 ? [...heading, ...blocks] : blocks;
    const words = countWords(all.map(blockText).join('\n'));
    return { section, blocks: all, chars: countChars(all), words, first: i === 0 };
  });
}

function continuedHeading(section: DigestSection): SlackBlock[] {
  return [
    { type: 'divider' },
    {
      type: 'section',
      text: { type: 'mrkdwn', text: `${formatBold(section.label, 200)} (continued)` },
    },
  ];
}

function renderMain(
  digest: Digest,
  sections: DigestSection[],
  main: Pack,
  replies: Pack[],
): SlackMessage {
  const stories = plural(countUniqueEntries(digest), 'story', 'stories');
  const week = formatWeekRange(digest.startsAt, digest.endsAt, digest.timeZone);
  const empty = sections.length === 0 && !digest.lead;
  const summary = empty ? week : `${week} · ${describeCounts(digest)}`;
  const blocks: SlackBlock[] = [
    {
      type: 'header',
      text: { type: 'plain_text', text: fitPlain(digest.title, SLACK_LIMITS.headerText) },
    },
    { type: 'context', elements: [{ type: 'mrkdwn', text: escapeMrkdwn(summary) || digest.week }] },
  ];
  if (empty) {
    blocks.push({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: escapeMrkdwn(
          `No stories matched this channel's themes in the week of ${week || digest.week}.`,
        ),
      },
    });
  }
  blocks.push(...main.blocks);
  if (replies.length > 0) {
    const labels = [...new Set(replies.flatMap((r) => r.labels))];
    blocks.push({
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: `:thread: *More in the thread:* ${fitMrkdwn(labels.join(', '), 2000)}`,
        },
      ],
    });
  }
  blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: renderCoverage(digest) }] });

  const text = empty
    ? `${digest.title}: no stories matched this channel's themes.`
    : `${digest.title}: ${stories} in ${sections.map((s) => s.label).join(', ')}`;
  return createMessage(fitMrkdwn(text, SLACK_LIMITS.fallbackText), blocks);
}

function renderCoverage(digest: Digest): string {
  // Before the bot began polling (or before any poll) the shared wording says so.
  if (digest.coverage.pollingBegan !== undefined) return describeCoverage(digest, escapeMrkdwn);
  const failed = digest.coverage.failedSources;
  if (failed.length === 0) return 'Coverage: every source was checked this week.';
  const list = failed.map((f) => `${f.name} (${f.reason})`).join('; ');
  return `:warning: Coverage: could not check ${plural(failed.length, 'source', 'sources')} this week: ${fitMrkdwn(list, 2500)}`;
}

function countChars(blocks: SlackBlock[]): number {
  let n = 0;
  for (const b of blocks) {
    if (b.type === 'section' || b.type === 'header') n += b.text.text.length;
    if (b.type === 'context') for (const e of b.elements) n += e.text.length;
  }
  return n;
}

/**
 * The themes an entry is filed under in this view: its section's, and the ones it folded from
 * ("Also this week") or is "Also in" (theme ids there; labels in archives written before ids),
 * so the menu offers "Not X" for each.
 */
function entryThemes(
  entry: DigestSection['entries'][number],
  section: DigestSection,
  themes: readonly MenuTheme[],
): string[] {
  const known = new Set(themes.map((t) => t.id));
  const idOf = new Map(themes.map((t) => [t.label, t.id]));
  const ids = namedSections(entry)
    .map((value) => (known.has(value) ? value : idOf.get(value)))
    .filter((id): id is string => id !== undefined);
  return [...new Set([section.themeId, ...ids])];
}
