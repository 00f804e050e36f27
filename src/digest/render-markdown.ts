// A Digest as GitHub-friendly Markdown: the archive copy (digests/YYYY/YYYY-Www.md), the CLI's
// `--format md` and the in-memory adapter's text. Pure.
// Rules: everything that came from a feed (titles, summaries, source and organisation names) is
// escaped so it can never become markup, HTML, a heading or a link; only http(s) URLs become
// links; dates are shown in the digest's time zone; an empty week says so plainly.
import type { DeadlineReminder, Digest, DigestEntry, DigestSection } from '../domain.js';
import { cleanText } from '../text/clean-text.js';
import { formatDay, formatWeekRange } from '../text/format-dates.js';
import { parseSafeUrl, percentEncode } from '../text/safe-url.js';
import { CLOSING_SOON_LABEL, describeDeadline, describeReminder } from './closing-soon.js';
import { describeCounts, factsLine, paywallLabel, visibleSections } from './entry-parts.js';

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

function renderEntry(entry: DigestEntry, n: number, timeZone: string): string[] {
  const [lead, ...others] = entry.links;
  const byline = [
    lead ? escapeMarkdown(paywallLabel(lead)) : null,
    formatDay(entry.publishedAt, timeZone, true),
    others.length > 0 ? `also ${others.map((l) => link(paywallLabel(l), l.url)).join(', ')}` : null,
  ].filter((part): part is string => part !== null && part !== '');
  const lines = [`${n}. **${link(entry.title, entry.url)}**`, byline.join(' · ')];
  if (entry.summary.trim() !== '') lines.push(escapeMarkdown(entry.summary));
  const facts = factsLine(
    entry.organisations.map(escapeMarkdown),
    entry.money.map(escapeMarkdown),
    (entry.alsoIn ?? []).map(escapeMarkdown),
  );
  if (facts !== '') lines.push(facts);
  // Hard line breaks (a trailing backslash) keep one entry together as one list item.
  return lines
    .map((line, i) => (i === 0 ? line : `   ${line}`))
    .map((line, i, all) => (i < all.length - 1 ? `${line}\\` : line));
}

function renderSection(section: DigestSection, timeZone: string): string[] {
  const lines = [`## ${escapeMarkdown(section.label)}`, ''];
  section.entries.forEach((entry, i) => {
    lines.push(...renderEntry(entry, i + 1, timeZone), '');
  });
  if (section.moreCount > 0) {
    const noun = section.moreCount === 1 ? 'story' : 'stories';
    lines.push(`…and ${section.moreCount} more ${noun}: ${inlineCode(section.moreQuery)}`, '');
  }
  return lines;
}

export function renderDigestMarkdown(digest: Digest): string {
  const sections = visibleSections(digest);
  const week = formatWeekRange(digest.startsAt, digest.endsAt, digest.timeZone) || digest.week;
  const lines = [
    `# ${escapeMarkdown(digest.title)}`,
    '',
    `${week} (${escapeMarkdown(digest.timeZone)} time) · ${describeCounts(digest)}`,
    '',
  ];
  if (sections.length === 0) {
    lines.push(
      digest.storyCount === 0
        ? 'Nothing was published in the sources we follow this week.'
        : 'Nothing this week in the themes this digest covers.',
      '',
    );
  }
  for (const section of sections) lines.push(...renderSection(section, digest.timeZone));
  lines.push(...renderClosingSoon(digest));
  lines.push('---', '', coverageLine(digest), '');
  return lines.join('\n');
}

/** "Closing soon": one line per deadline, soonest first; nothing when none close soon. */
function renderClosingSoon(digest: Digest): string[] {
  const deadlines = digest.deadlines ?? [];
  if (deadlines.length === 0) return [];
  const lines = [`## ${CLOSING_SOON_LABEL}`, ''];
  for (const d of deadlines) {
    const what = describeDeadline(d, digest.timeZone);
    lines.push(`- ${what}: ${link(d.title, d.url)} · ${inlineCode(d.ref)}`);
  }
  return [...lines, ''];
}

/** A deadline reminder as one Markdown line (the in-memory adapter's message). */
export function renderReminderMarkdown(reminder: DeadlineReminder): string {
  const { deadline } = reminder;
  return `${describeReminder(reminder)}: ${link(deadline.title, deadline.url)} · ${inlineCode(deadline.ref)}`;
}

export function coverageLine(digest: Digest): string {
  const failed = digest.coverage.failedSources;
  if (failed.length === 0) return 'Coverage: every source was checked this week.';
  const names = failed.map((f) => `${escapeMarkdown(f.name)} (${escapeMarkdown(f.reason)})`);
  return `Coverage: could not check ${names.join(', ')} at some point this week, so stories from ${
    failed.length === 1 ? 'it' : 'them'
  } may be missing.`;
}
