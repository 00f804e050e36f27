// A digest as an email, HTML and plain text from the same Digest (the chat renderers' source).
// Pure. Rules:
// - HTML is simple and semantic (headings, one list per theme, paragraphs) with inline styles
//   only: Outlook's Word engine ignores <style> blocks in places and phones have narrow screens,
//   so no tables for layout, no fixed widths beyond a max-width, no images, no tracking;
// - all feed text is escaped (escape-html.ts); links are http(s) only, their host shown;
// - the subject is one line: CR, LF and other controls become spaces, so no header can be
//   injected (nodemailer also encodes header values, this is the belt to its braces).
import type { Digest, DigestEntry, DigestSection } from '../../domain.js';
import {
  describeCounts,
  describeCoverage,
  factsLine,
  paywallLabel,
  visibleSections,
} from '../../digest/entry-parts.js';
import { cleanText } from '../../text/clean-text.js';
import { formatDay, formatWeekRange } from '../../text/format-dates.js';
import { truncateText } from '../../text/truncate.js';
import type { EmailPayload } from './email-payload.js';
import { escapeHtml, linkHtml, safeHref } from './escape-html.js';

const LINK = 'color:#005eb8;text-decoration:underline;';
const MUTED = 'color:#4c6272;font-size:14px;';

/** One header line from untrusted text: no CR/LF or other controls, at most 200 characters. */
export function toHeaderLine(text: string): string {
  return truncateText(cleanText(text.replace(/[\r\n\u2028\u2029]+/g, ' ')), 200);
}

export function renderEmail(digest: Digest): EmailPayload {
  return {
    week: digest.week,
    subject: toHeaderLine(digest.title),
    html: renderHtml(digest),
    text: renderText(digest),
  };
}

function weekLine(digest: Digest): string {
  const week = formatWeekRange(digest.startsAt, digest.endsAt, digest.timeZone) || digest.week;
  return `${week} (${cleanText(digest.timeZone)} time) · ${describeCounts(digest)}`;
}

function emptyLine(digest: Digest): string {
  return digest.storyCount === 0
    ? 'Nothing was published in the sources we follow this week.'
    : 'Nothing this week in the themes this digest covers.';
}

function coverage(digest: Digest): string {
  return describeCoverage(digest, (t) => cleanText(t));
}

function moreLine(section: DigestSection): string | null {
  if (section.moreCount === 0) return null;
  const noun = section.moreCount === 1 ? 'story' : 'stories';
  return `…and ${section.moreCount} more ${noun}: ${cleanText(section.moreQuery)}`;
}

function entryFacts(entry: DigestEntry): string {
  return factsLine(
    entry.organisations.map((o) => cleanText(o)),
    entry.money.map((m) => cleanText(m)),
    (entry.alsoIn ?? []).map((a) => cleanText(a)),
  );
}

function renderHtmlEntry(entry: DigestEntry, timeZone: string): string {
  const [lead, ...others] = entry.links;
  const byline = [
    lead ? escapeHtml(paywallLabel(lead)) : '',
    escapeHtml(formatDay(entry.publishedAt, timeZone, true)),
    others.length > 0
      ? `also ${others.map((l) => linkHtml(paywallLabel(l), l.url, LINK)).join(', ')}`
      : '',
  ].filter((p) => p !== '');
  const lines = [
    `<strong>${linkHtml(entry.title, entry.url, LINK)}</strong>`,
    `<span style="${MUTED}">${byline.join(' · ')}</span>`,
  ];
  if (entry.summary.trim() !== '') lines.push(escapeHtml(entry.summary));
  const facts = entryFacts(entry);
  if (facts !== '') lines.push(`<span style="${MUTED}">${escapeHtml(facts)}</span>`);
  return `<li style="margin:0 0 14px 0;">${lines.join('<br>')}</li>`;
}

function renderHtml(digest: Digest): string {
  const out = [
    `<h1 style="font-size:22px;line-height:1.3;margin:0 0 8px 0;">${escapeHtml(digest.title)}</h1>`,
    `<p style="${MUTED}margin:0 0 16px 0;">${escapeHtml(weekLine(digest))}</p>`,
  ];
  const sections = visibleSections(digest);
  if (digest.lead) {
    const why = digest.lead.whyItMatters.map((w) => `<li>${escapeHtml(w)}</li>`).join('');
    out.push(
      `<h2 style="font-size:18px;line-height:1.3;margin:20px 0 8px 0;">The lead</h2>`,
      `<ul style="padding-left:22px;margin:0;">${renderHtmlEntry(digest.lead, digest.timeZone)}</ul>`,
    );
    if (why !== '')
      out.push(
        `<p style="margin:0;">Why it matters:</p><ul style="padding-left:22px;margin:0 0 8px 0;">${why}</ul>`,
      );
  }
  if (sections.length === 0 && !digest.lead) out.push(`<p>${escapeHtml(emptyLine(digest))}</p>`);
  for (const section of sections) {
    out.push(
      `<h2 style="font-size:18px;line-height:1.3;margin:20px 0 8px 0;">${escapeHtml(section.label)}</h2>`,
      `<ol style="padding-left:22px;margin:0;">${section.entries
        .map((e) => renderHtmlEntry(e, digest.timeZone))
        .join('')}</ol>`,
    );
    const more = moreLine(section);
    if (more) out.push(`<p style="${MUTED}">${escapeHtml(more)}</p>`);
  }
  out.push(`<p style="${MUTED}margin-top:24px;">${escapeHtml(coverage(digest))}</p>`);
  return out.join('\n');
}

function textLink(title: string, url: string | null): string {
  const safe = safeHref(url);
  return safe ? `${cleanText(title)}\n   ${safe.href}` : cleanText(title);
}

function renderText(digest: Digest): string {
  const lines = [cleanText(digest.title), weekLine(digest), ''];
  const sections = visibleSections(digest);
  if (digest.lead) {
    lines.push('The lead', '========', '', ...textEntry(digest.lead, 0, digest.timeZone));
    for (const why of digest.lead.whyItMatters) lines.push(`   * ${cleanText(why)}`);
    lines.push('');
  }
  if (sections.length === 0 && !digest.lead) lines.push(emptyLine(digest), '');
  for (const section of sections) {
    const label = cleanText(section.label);
    lines.push(label, '='.repeat(Math.min(label.length, 60)), '');
    section.entries.forEach((entry, i) => lines.push(...textEntry(entry, i + 1, digest.timeZone)));
    const more = moreLine(section);
    if (more) lines.push(more, '');
  }
  lines.push('--', coverage(digest), '');
  return lines.join('\n');
}

/** One entry in the text part; `n` 0 for the lead (no number). */
function textEntry(entry: DigestEntry, n: number, timeZone: string): string[] {
  const lines = [`${n > 0 ? `${n}. ` : ''}${textLink(entry.title, entry.url)}`];
  const [lead] = entry.links;
  const byline = [
    lead ? cleanText(paywallLabel(lead)) : '',
    formatDay(entry.publishedAt, timeZone, true),
  ];
  lines.push(`   ${byline.filter((p) => p !== '').join(' · ')}`);
  for (const other of entry.links.slice(1)) {
    lines.push(`   also ${textLink(paywallLabel(other), other.url)}`);
  }
  if (entry.summary.trim() !== '') lines.push(`   ${cleanText(entry.summary)}`);
  const facts = entryFacts(entry);
  if (facts !== '') lines.push(`   ${facts}`);
  lines.push('');
  return lines;
}
