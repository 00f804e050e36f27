// A Digest as GitHub-friendly Markdown: the archive copy (digests/YYYY/YYYY-Www.md), the CLI's
// `--format md` and the in-memory adapter's text. Pure.
// Rules: everything that came from a feed (titles, summaries, source and organisation names) is
// escaped so it can never become markup, HTML, a heading or a link; only http(s) URLs become
// links; dates are shown in the digest's time zone; an empty week says so plainly.
import type { Digest, DigestEntry, DigestLink, DigestSection } from '../domain.js';

const dateFormats = new Map<string, Intl.DateTimeFormat>();

function formatDay(iso: string, timeZone: string): string {
  let format = dateFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      day: 'numeric',
      month: 'short',
      year: 'numeric',
    });
    dateFormats.set(timeZone, format);
  }
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? '' : format.format(at);
}

/** Escapes feed text for inline Markdown: no emphasis, links, HTML, code or block markers. */
export function escapeMarkdown(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
  const oneLine = text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').replace(/\s+/g, ' ');
  const escaped = oneLine
    .trim()
    .replace(/[\\`*_[\]|~]/g, '\\$&')
    .replace(/&(?=#?\w+;)/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
  // At the start of a line "#", "+", "-", "=" or "1." would begin a block (heading, list,
  // heading underline, ordered list). "(" and "!" are harmless once "[" and "]" are escaped.
  return escaped.replace(/^([#+=-])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
}

/** A link target usable in Markdown, or null for anything but http(s). */
export function safeUrl(url: string | null): string | null {
  if (url === null) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  return parsed.href.replace(/[()<> ]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
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

function sourceLabel(l: DigestLink): string {
  const says = /paywall|subscri/i.test(l.sourceName);
  return l.paywalled && !says ? `${l.sourceName} (subscription)` : l.sourceName;
}

function renderEntry(entry: DigestEntry, n: number, timeZone: string): string[] {
  const [lead, ...others] = entry.links;
  const byline = [
    lead ? escapeMarkdown(sourceLabel(lead)) : null,
    formatDay(entry.publishedAt, timeZone),
    others.length > 0 ? `also ${others.map((l) => link(sourceLabel(l), l.url)).join(', ')}` : null,
  ].filter((part): part is string => part !== null && part !== '');
  const lines = [`${n}. **${link(entry.title, entry.url)}**`, byline.join(' · ')];
  if (entry.summary.trim() !== '') lines.push(escapeMarkdown(entry.summary));
  const facts = [
    entry.organisations.length > 0
      ? `Organisations: ${entry.organisations.map(escapeMarkdown).join(', ')}`
      : null,
    entry.money.length > 0 ? `Sums: ${entry.money.map(escapeMarkdown).join(', ')}` : null,
  ].filter((part): part is string => part !== null);
  if (facts.length > 0) lines.push(facts.join(' · '));
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

/** The week's dates as a reader sees them: "13 to 19 February 2017". */
function weekSpan(digest: Digest): string {
  const first = formatDay(digest.startsAt, digest.timeZone);
  const last = formatDay(new Date(Date.parse(digest.endsAt) - 1).toISOString(), digest.timeZone);
  return `${first} to ${last}`;
}

export function renderDigestMarkdown(digest: Digest): string {
  const sections = digest.sections.filter((s) => s.entries.length > 0 || s.moreCount > 0);
  const stories = digest.storyCount === 1 ? '1 story' : `${digest.storyCount} stories`;
  const lines = [
    `# ${escapeMarkdown(digest.title)}`,
    '',
    `${weekSpan(digest)} (${escapeMarkdown(digest.timeZone)} time) · ${stories} archived this week`,
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
  lines.push('---', '', coverageLine(digest), '');
  return lines.join('\n');
}

export function coverageLine(digest: Digest): string {
  const failed = digest.coverage.failedSources;
  if (failed.length === 0) return 'Coverage: every source was checked this week.';
  const names = failed.map((f) => `${escapeMarkdown(f.name)} (${escapeMarkdown(f.reason)})`);
  return `Coverage: could not check ${names.join(', ')} at some point this week, so stories from ${
    failed.length === 1 ? 'it' : 'them'
  } may be missing.`;
}
