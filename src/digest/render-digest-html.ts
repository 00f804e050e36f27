// A digest view as HTML: the one HTML renderer of a digest's content, shared by the email
// (inline styles, because mail clients drop <style>) and the web archive (class names, because
// its Content-Security-Policy allows no inline style). Pure. Rules:
// - simple and semantic: the title as the only h1, one h2 per section, one list per section;
// - all feed text is escaped (text/escape-html.ts); links are http(s) only, their host shown;
// - the same parts, in the same order, as the Markdown renderer (render-markdown.ts): header,
//   the lead and why it matters, sections, "Closing soon", the coverage line.
// How elements look is the caller's: `attrs` gives each role's attribute text.
import type { Digest, DigestDeadline, DigestEntry, DigestSection } from '../domain.js';
import { cleanText } from '../text/clean-text.js';
import { escapeHtml, linkHtml } from '../text/escape-html.js';
import { formatDay, formatWeekRange } from '../text/format-dates.js';
import { storyRef } from '../text/story-ref.js';
import { CLOSING_SOON_LABEL, describeDeadline } from './closing-soon.js';
import {
  describeCounts,
  describeCoverage,
  describePreviously,
  describeSums,
  factsLine,
  paywallLabel,
  visibleSections,
} from './entry-parts.js';
import { foldedFromLabels, sectionLabelOf, type LabelOf } from './section-labels.js';

/** The elements a caller may style. */
export type DigestHtmlRole =
  | 'title'
  | 'weekLine'
  | 'heading'
  | 'entries'
  | 'entry'
  | 'muted'
  | 'link'
  | 'ref'
  | 'host'
  | 'whyLabel'
  | 'whyList'
  | 'coverage';

export interface DigestHtmlStyle {
  /** Trusted attribute text for a role, e.g. ` style="..."` or ` class="..."` ('' for none). */
  attrs: Readonly<Record<DigestHtmlRole, string>>;
  /** A link to the story's own page by its id or short reference (web archive); absent: none. */
  storyHref?: (storyId: string) => string | null;
}

/** "13–19 February 2017 (Europe/London time) · 5 stories in 2 themes". */
export function describeWeekLine(digest: Digest): string {
  const week = formatWeekRange(digest.startsAt, digest.endsAt, digest.timeZone) || digest.week;
  return `${week} (${cleanText(digest.timeZone)} time) · ${describeCounts(digest)}`;
}

/** What an empty view says instead of sections. */
export function describeEmptyWeek(digest: Digest): string {
  return digest.storyCount === 0
    ? 'Nothing was published in the sources we follow this week.'
    : 'Nothing this week in the themes this digest covers.';
}

/** "…and 3 more stories: search theme:carter week:2017-W07", or null. */
export function describeMore(section: DigestSection): string | null {
  if (section.moreCount === 0) return null;
  const noun = section.moreCount === 1 ? 'story' : 'stories';
  return `…and ${section.moreCount} more ${noun}: ${cleanText(section.moreQuery)}`;
}

function renderEntry(
  entry: DigestEntry,
  timeZone: string,
  style: DigestHtmlStyle,
  labelOf: LabelOf,
): string {
  const { attrs } = style;
  const link = (text: string, url: string | null) => linkHtml(text, url, attrs.link, attrs.host);
  const [lead, ...others] = entry.links;
  const storyId = entry.storyIds[0];
  const href = storyId !== undefined ? (style.storyHref?.(storyId) ?? null) : null;
  const byline = [
    lead ? escapeHtml(paywallLabel(lead)) : '',
    escapeHtml(formatDay(entry.publishedAt, timeZone, true)),
    others.length > 0 ? `also ${others.map((l) => link(paywallLabel(l), l.url)).join(', ')}` : '',
    // The caller builds the href from our own story id: escaped all the same.
    // The short reference chat shows (`explain g_3fa9c1d2`), as the link to the story's page.
    href !== null && storyId !== undefined
      ? `<a href="${escapeHtml(href)}"${attrs.ref}>${escapeHtml(storyRef(storyId))}</a>`
      : '',
  ].filter((p) => p !== '');
  const lines = [
    `<strong>${link(entry.title, entry.url)}</strong>`,
    `<span${attrs.muted}>${byline.join(' · ')}</span>`,
  ];
  if (entry.summary.trim() !== '') lines.push(escapeHtml(entry.summary));
  const facts = factsLine(
    entry.organisations.map(escapeHtml),
    describeSums(entry).map(escapeHtml),
    (entry.alsoIn ?? []).map((id) => escapeHtml(labelOf(id))),
    escapeHtml(foldedFromLabels(entry.foldedFrom, labelOf)),
  );
  if (facts !== '') lines.push(`<span${attrs.muted}>${facts}</span>`);
  const previously = describePreviously(
    entry,
    timeZone,
    (url, title) => link(title, url),
    escapeHtml,
  );
  if (previously !== '') lines.push(`<span${attrs.muted}>${previously}</span>`);
  return `<li${attrs.entry}>${lines.join('<br>')}</li>`;
}

function renderLead(digest: Digest, style: DigestHtmlStyle): string[] {
  if (!digest.lead) return [];
  const { attrs } = style;
  // Why it matters says how long the thread is; the Previously line need not say it again.
  const { storyline: _told, ...entry } = digest.lead;
  const out = [
    `<h2${attrs.heading}>The lead</h2>`,
    `<ul${attrs.entries}>${renderEntry(entry, digest.timeZone, style, sectionLabelOf(digest))}</ul>`,
  ];
  const why = digest.lead.whyItMatters.map((w) => `<li>${escapeHtml(w)}</li>`).join('');
  if (why !== '')
    out.push(`<p${attrs.whyLabel}>Why it matters:</p><ul${attrs.whyList}>${why}</ul>`);
  return out;
}

function renderDeadline(deadline: DigestDeadline, digest: Digest, style: DigestHtmlStyle): string {
  const { attrs } = style;
  const title = linkHtml(deadline.title, deadline.url, attrs.link, attrs.host);
  const href = style.storyHref?.(deadline.ref) ?? null;
  const ref =
    href === null
      ? `<span${attrs.muted}>${escapeHtml(deadline.ref)}</span>`
      : `<a href="${escapeHtml(href)}"${attrs.ref}>${escapeHtml(deadline.ref)}</a>`;
  return `<li${attrs.entry}>${escapeHtml(describeDeadline(deadline, digest.timeZone))}: ${title} ${ref}</li>`;
}

/** The view's body: everything below <body>, nothing around it (no <html>, no <head>). */
export function renderDigestHtml(digest: Digest, style: DigestHtmlStyle): string {
  const { attrs } = style;
  const out = [
    `<h1${attrs.title}>${escapeHtml(digest.title)}</h1>`,
    `<p${attrs.weekLine}>${escapeHtml(describeWeekLine(digest))}</p>`,
  ];
  const sections = visibleSections(digest);
  const labelOf = sectionLabelOf(digest);
  out.push(...renderLead(digest, style));
  if (sections.length === 0 && !digest.lead)
    out.push(`<p>${escapeHtml(describeEmptyWeek(digest))}</p>`);
  for (const section of sections) {
    out.push(
      `<h2${attrs.heading}>${escapeHtml(section.label)}</h2>`,
      `<ol${attrs.entries}>${section.entries
        .map((e) => renderEntry(e, digest.timeZone, style, labelOf))
        .join('')}</ol>`,
    );
    const more = describeMore(section);
    if (more) out.push(`<p${attrs.muted}>${escapeHtml(more)}</p>`);
  }
  const deadlines = digest.deadlines ?? [];
  if (deadlines.length > 0) {
    out.push(
      `<h2${attrs.heading}>${CLOSING_SOON_LABEL}</h2>`,
      `<ul${attrs.entries}>${deadlines.map((d) => renderDeadline(d, digest, style)).join('')}</ul>`,
    );
  }
  out.push(`<p${attrs.coverage}>${escapeHtml(describeCoverage(digest, cleanText))}</p>`);
  return out.join('\n');
}
