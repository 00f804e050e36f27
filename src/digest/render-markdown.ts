// A Digest as GitHub-friendly Markdown: the archive copy (digests/YYYY/YYYY-Www.md), the CLI's
// `--format md` and the in-memory adapter's text. Pure.
// Rules: everything that came from a feed (titles, summaries, source and organisation names) is
// escaped so it can never become markup, HTML, a heading or a link; only http(s) URLs become
// links; dates are shown in the digest's time zone; an empty week says so plainly.
import type {
  DeadlineReminder,
  Digest,
  DigestEntry,
  DigestLead,
  DigestSection,
} from '../domain.js';
import { cleanText } from '../text/clean-text.js';
import { formatDay, formatWeekRange } from '../text/format-dates.js';
import { parseSafeUrl, percentEncode } from '../text/safe-url.js';
import { DEFAULT_SHAPE } from './build-digest.js';
import { CLOSING_SOON_LABEL, describeDeadline, describeReminder } from './closing-soon.js';
import {
  countWords,
  describeCounts,
  describeCoverage,
  describePreviously,
  describeSums,
  factsLine,
  paywallLabel,
  visibleSections,
} from './entry-parts.js';
import { foldedFromLabels, sectionLabelOf, type LabelOf } from './section-labels.js';

/** Escapes feed text for inline Markdown: no emphasis, links, HTML, code or block markers. */
export function escapeMarkdown(text: string): string {
  const escaped = cleanText(text)
    .replace(/[\\`*_[\]|~]/g, '\\$&')
    .replace(/&(?=#?\w+;)/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
  // At the start of a line "#", "+", "-", "=" or "1." would begin a block (heading, list,
  // heading underline, ordered list). "(" and "!" are harmless once "[" and "]" are escaped.
  return escaped.replace(/^([#+=-])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
}

/** A link target usable in Markdown, or null for anything but http(s) without credentials. */
export function safeUrl(url: string | null): string | null {
  const parsed = parseSafeUrl(url);
  return parsed ? percentEncode(parsed.href, /[()<>\s"]/g) : null;
}

function link(text: string, url: string | null): string {
  const target = safeUrl(url);
  const label = escapeMarkdown(text);
  return target ? `[${label}](${target})` : label;
}

function inlineCode(text: string): string {
  const fence = text.includes('`') ? '``' : '`';
  return `${fence}${text.replace(/[\r\n]+/g, ' ')}${fence}`;
}

function renderEntry(
  entry: DigestEntry,
  n: number | null,
  timeZone: string,
  labelOf: LabelOf,
): string[] {
  const [lead, ...others] = entry.links;
  const byline = [
    lead ? escapeMarkdown(paywallLabel(lead)) : null,
    formatDay(entry.publishedAt, timeZone, true),
    others.length > 0 ? `also ${others.map((l) => link(paywallLabel(l), l.url)).join(', ')}` : null,
  ].filter((part): part is string => part !== null && part !== '');
  const headline = `**${link(entry.title, entry.url)}**`;
  const lines = [n === null ? headline : `${n}. ${headline}`, byline.join(' · ')];
  if (entry.summary.trim() !== '') lines.push(escapeMarkdown(entry.summary));
  const facts = factsLine(
    entry.organisations.map(escapeMarkdown),
    describeSums(entry).map(escapeMarkdown),
    (entry.alsoIn ?? []).map((id) => escapeMarkdown(labelOf(id))),
    escapeMarkdown(foldedFromLabels(entry.foldedFrom, labelOf)),
  );
  if (facts !== '') lines.push(facts);
  const previously = describePreviously(
    entry,
    timeZone,
    (url, title) => link(title, url),
    escapeMarkdown,
  );
  if (previously !== '') lines.push(previously);
  // Hard line breaks (a trailing backslash) keep one entry together as one list item.
  const indent = n === null ? '' : '   ';
  return lines
    .map((line, i) => (i === 0 ? line : `${indent}${line}`))
    .map((line, i, all) => (i < all.length - 1 ? `${line}\\` : line));
}

/** The lead: heading, the entry (longer summary), why it matters as a list. */
function renderLead(lead: DigestLead, timeZone: string, labelOf: LabelOf): string {
  // Why it matters says how long the thread is; the Previously line need not say it again.
  const { storyline: _told, ...entry } = lead;
  const lines = ['## The lead', '', ...renderEntry(entry, null, timeZone, labelOf)];
  if (lead.whyItMatters.length > 0) {
    lines.push(
      '',
      'Why it matters:',
      '',
      ...lead.whyItMatters.map((f) => `- ${escapeMarkdown(f)}`),
    );
  }
  return lines.join('\n');
}

/** A section as blocks: the heading, then one block per entry, then the "and N more" hint. */
function sectionBlocks(
  section: DigestSection,
  timeZone: string,
  labelOf: LabelOf,
): { heading: string; blocks: string[] } {
  const blocks = section.entries.map((entry, i) =>
    renderEntry(entry, i + 1, timeZone, labelOf).join('\n'),
  );
  if (section.moreCount > 0) {
    const noun = section.moreCount === 1 ? 'story' : 'stories';
    blocks.push(`…and ${section.moreCount} more ${noun}: ${inlineCode(section.moreQuery)}`);
  }
  return { heading: `## ${escapeMarkdown(section.label)}`, blocks };
}

/**
 * A channel's view as Markdown parts: part 0 holds the title, the lead and the sections while
 * they stay within `shape.mainWords` words (at least the lead and one entry); the rest follow as
 * continuation parts (a section split across parts says "(continued)"), and the last part ends
 * with the coverage line. Platforms without their own layout (the in-memory adapter) send the
 * parts as messages; the archive and the CLI preview join them (renderDigestMarkdown).
 */
export function renderDigestParts(digest: Digest): string[] {
  const labelOf = sectionLabelOf(digest);
  const sections = visibleSections(digest);
  const week = formatWeekRange(digest.startsAt, digest.endsAt, digest.timeZone) || digest.week;
  const header = [
    `# ${escapeMarkdown(digest.title)}`,
    `${week} (${escapeMarkdown(digest.timeZone)} time) · ${describeCounts(digest)}`,
  ];
  if (sections.length === 0 && !digest.lead) header.push(emptyWeekLine(digest));
  if (digest.lead) header.push(renderLead(digest.lead, digest.timeZone, labelOf));
  const budget = digest.shape?.mainWords ?? DEFAULT_SHAPE.mainWords;
  const parts: string[][] = [header];
  let words = header.reduce((n, block) => n + countWords(block), 0);
  let current = header;
  let placed = 0;
  const continued: string[] = [];
  for (const section of sections) {
    const { heading, blocks } = sectionBlocks(section, digest.timeZone, labelOf);
    blocks.forEach((block, i) => {
      const size = countWords(block) + (i === 0 ? countWords(heading) : 0);
      if (words + size > budget && placed > 0) {
        current = [];
        parts.push(current);
        words = 0;
        placed = 0;
        if (i > 0) current.push(`${heading} (continued)`);
        if (!continued.includes(section.label)) continued.push(section.label);
      }
      if (i === 0) current.push(heading);
      current.push(block);
      words += size;
      placed += 1;
    });
  }
  if (continued.length > 0) {
    header.push(`Continued below: ${continued.map(escapeMarkdown).join(', ')}`);
  }
  const soon = renderClosingSoon(digest);
  parts[parts.length - 1]!.push(...(soon === null ? [] : [soon]), '---', coverageLine(digest));
  return parts.map((blocks) => `${blocks.join('\n\n')}\n`);
}

function emptyWeekLine(digest: Digest): string {
  if (digest.coverage.pollingBegan === null) return 'No source has been polled yet.';
  // An offline first run (every poll failed) must not read as a quiet week: say what was not
  // checked, next to the empty-week line.
  const failed = digest.coverage.failedSources.length;
  if (digest.storyCount === 0 && failed > 0) {
    const sources = failed === 1 ? '1 source' : `${failed} sources`;
    return `Nothing was published in the sources we follow this week. ${sources} could not be checked, so ${failed === 1 ? 'its' : 'their'} stories may be missing (see the coverage line below).`;
  }
  return digest.storyCount === 0
    ? 'Nothing was published in the sources we follow this week.'
    : 'Nothing this week in the themes this digest covers.';
}

/** "Closing soon": one line per deadline, soonest first; null when none close soon. */
function renderClosingSoon(digest: Digest): string | null {
  const deadlines = digest.deadlines ?? [];
  if (deadlines.length === 0) return null;
  const lines = deadlines.map(
    (d) =>
      `- ${describeDeadline(d, digest.timeZone)}: ${link(d.title, d.url)} · ${inlineCode(d.ref)}`,
  );
  return [`## ${CLOSING_SOON_LABEL}`, '', ...lines].join('\n');
}

/** A deadline reminder as one Markdown line (the in-memory adapter's message). */
export function renderReminderMarkdown(reminder: DeadlineReminder): string {
  const { deadline } = reminder;
  return `${describeReminder(reminder)}: ${link(deadline.title, deadline.url)} · ${inlineCode(deadline.ref)}`;
}

/** The whole view as one Markdown document (the archive copy and the CLI preview). */
export function renderDigestMarkdown(digest: Digest): string {
  return renderDigestParts(digest).join('\n');
}

export function coverageLine(digest: Digest): string {
  return describeCoverage(digest, escapeMarkdown);
}
