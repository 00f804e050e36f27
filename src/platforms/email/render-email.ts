// A digest as an email, HTML and plain text from the same Digest (the chat renderers' source).
// Pure. Rules:
// - HTML is simple and semantic (headings, one list per theme, paragraphs) with inline styles
//   only: Outlook's Word engine ignores <style> blocks in places and phones have narrow screens,
//   so no tables for layout, no fixed widths beyond a max-width, no images, no tracking;
// - the HTML part is the shared digest renderer (digest/render-digest-html.ts) with inline
//   styles; all feed text is escaped there; links are http(s) only, their host shown;
// - the subject is one line: CR, LF and other controls become spaces, so no header can be
//   injected (nodemailer also encodes header values, this is the belt to its braces).
import type { Digest, DigestEntry } from '../../domain.js';
import {
  describeCoverage,
  factsLine,
  paywallLabel,
  visibleSections,
} from '../../digest/entry-parts.js';
import {
  describeEmptyWeek,
  describeMore,
  describeWeekLine,
  renderDigestHtml,
  type DigestHtmlStyle,
} from '../../digest/render-digest-html.js';
import { cleanText } from '../../text/clean-text.js';
import { formatDay } from '../../text/format-dates.js';
import { truncateText } from '../../text/truncate.js';
import type { EmailPayload } from './email-payload.js';
import { safeHref } from '../../text/escape-html.js';
import { sectionLabelOf, type LabelOf } from '../../digest/section-labels.js';

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
    html: renderDigestHtml(digest, EMAIL_STYLE),
    text: renderText(digest),
  };
}

const EMAIL_STYLE: DigestHtmlStyle = {
  attrs: {
    title: ' style="font-size:22px;line-height:1.3;margin:0 0 8px 0;"',
    weekLine: ` style="${MUTED}margin:0 0 16px 0;"`,
    heading: ' style="font-size:18px;line-height:1.3;margin:20px 0 8px 0;"',
    entries: ' style="padding-left:22px;margin:0;"',
    entry: ' style="margin:0 0 14px 0;"',
    muted: ` style="${MUTED}"`,
    link: ` style="${LINK}"`,
    ref: '',
    host: ` style="${MUTED}"`,
    whyLabel: ' style="margin:0;"',
    whyList: ' style="padding-left:22px;margin:0 0 8px 0;"',
    coverage: ` style="${MUTED}margin-top:24px;"`,
  },
};

function coverage(digest: Digest): string {
  return describeCoverage(digest, (t) => cleanText(t));
}

function entryFacts(entry: DigestEntry, labelOf: LabelOf): string {
  return factsLine(
    entry.organisations.map((o) => cleanText(o)),
    entry.money.map((m) => cleanText(m)),
    (entry.alsoIn ?? []).map((id) => cleanText(labelOf(id))),
  );
}

function textLink(title: string, url: string | null): string {
  const safe = safeHref(url);
  return safe ? `${cleanText(title)}\n   ${safe.href}` : cleanText(title);
}

function renderText(digest: Digest): string {
  const lines = [cleanText(digest.title), describeWeekLine(digest), ''];
  const view = { timeZone: digest.timeZone, labelOf: sectionLabelOf(digest) };
  const sections = visibleSections(digest);
  if (digest.lead) {
    lines.push('The lead', '========', '', ...textEntry(digest.lead, 0, view));
    for (const why of digest.lead.whyItMatters) lines.push(`   * ${cleanText(why)}`);
    lines.push('');
  }
  if (sections.length === 0 && !digest.lead) lines.push(describeEmptyWeek(digest), '');
  for (const section of sections) {
    const label = cleanText(section.label);
    lines.push(label, '='.repeat(Math.min(label.length, 60)), '');
    section.entries.forEach((entry, i) => lines.push(...textEntry(entry, i + 1, view)));
    const more = describeMore(section);
    if (more) lines.push(more, '');
  }
  lines.push('--', coverage(digest), '');
  return lines.join('\n');
}

/** One entry in the text part; `n` 0 for the lead (no number). */
function textEntry(
  entry: DigestEntry,
  n: number,
  { timeZone, labelOf }: { timeZone: string; labelOf: LabelOf },
): string[] {
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
  const facts = entryFacts(entry, labelOf);
  if (facts !== '') lines.push(`   ${facts}`);
  lines.push('');
  return lines;
}
