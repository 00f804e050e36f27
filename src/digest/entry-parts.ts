// What every digest renderer says the same way, so Markdown, Slack and Discord agree: the counts
// in a digest's header, the paywall label, and the layout of one entry (headline, meta line,
// summary, facts line) within a character limit. Pure; the renderers supply their escaping.
// Rules: a story filed under several themes counts once (by its lead story id); "Other news" is
// not a theme; a paywalled link always reads "Name (subscription)"; optional parts of an entry
// are added only while the whole stays within the limit (headline, sources, summary, facts).
import type { Digest, DigestEntry, DigestLead, DigestLink, DigestSection } from '../domain.js';
import { formatDay } from '../text/format-dates.js';
import { OFF_TOPIC_SECTION, OTHER_SECTION } from './build-digest.js';
import { yearOf } from './fact-words.js';
import { foldedFromLabels, namedSections, type LabelOf } from './section-labels.js';
import { describeContinuity } from './why-it-matters.js';

/** "1 story", "3 stories". */
export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Sections that have something to show (entries, or stories beyond the cap). */
export function visibleSections(digest: Digest): DigestSection[] {
  return digest.sections.filter((s) => s.entries.length > 0 || s.moreCount > 0);
}

/**
 * Stories in the digest as a reader counts them: entries unique by lead story id (a story in two
 * themes counts once), plus the stories beyond each theme's cap.
 */
export function countUniqueEntries(digest: Digest): number {
  const leads = new Set<string>();
  if (digest.lead) leads.add(digest.lead.storyIds[0] ?? digest.lead.title);
  for (const s of digest.sections) for (const e of s.entries) leads.add(e.storyIds[0] ?? e.title);
  return leads.size + digest.sections.reduce((n, s) => n + s.moreCount, 0);
}

/** Sections that are not themes (their stories count under the themes they came from). */
const NOT_THEMES = new Set<string>([
  OTHER_SECTION.themeId,
  OFF_TOPIC_SECTION.themeId,
  'also-this-week',
  'organisations',
]);
/** Their labels: what archives written before ids hold in `foldedFrom`. */
const NOT_THEME_LABELS = new Set<string>([
  OTHER_SECTION.label,
  OFF_TOPIC_SECTION.label,
  'Also this week',
  'Organisations you follow',
]);

/**
 * Themes with a story in the digest: visible theme sections, plus those a folded entry or the
 * lead came from; "Other news" and the channel's own groupings not counted.
 */
export function countThemes(digest: Digest): number {
  // Theme ids; a label (an archive written before ids) counts as its section's id when shown.
  const idOfLabel = new Map(digest.sections.map((s) => [s.label, s.themeId]));
  const themes = new Set<string>();
  const add = (value: string) => themes.add(idOfLabel.get(value) ?? value);
  for (const s of visibleSections(digest)) {
    add(s.themeId);
    for (const e of s.entries) if (e.foldedFrom) add(e.foldedFrom);
  }
  for (const value of digest.lead ? namedSections(digest.lead) : []) add(value);
  return [...themes].filter((t) => !NOT_THEMES.has(t) && !NOT_THEME_LABELS.has(t)).length;
}

/** "22–28 November 2021 · 12 stories in 3 themes" (no themes: "· 2 stories"). */
export function describeCounts(digest: Digest): string {
  const stories = plural(countUniqueEntries(digest), 'story', 'stories');
  const themes = countThemes(digest);
  return themes > 0 ? `${stories} in ${plural(themes, 'theme', 'themes')}` : stories;
}

/** Stories in one section: shown entries plus those beyond the cap. */
export function countSectionStories(section: DigestSection): number {
  return section.entries.length + section.moreCount;
}

/** A link's source name, with " (subscription)" when the link is paywalled. */
export function paywallLabel(link: DigestLink): string {
  return link.paywalled ? `${link.sourceName} (subscription)` : link.sourceName;
}

/**
 * "Filed under: Mental health · Organisations: A, B · Sums: £1m · Also in: Procurement" from
 * already-rendered values; empty when there are none. `filedUnder` is set for an entry in "Also
 * this week" (the section it came from).
 */
export function factsLine(
  organisations: readonly string[],
  money: readonly string[],
  alsoIn: readonly string[] = [],
  filedUnder = '',
): string {
  return [
    filedUnder !== '' ? `Filed under: ${filedUnder}` : '',
    organisations.length > 0 ? `Organisations: ${organisations.join(', ')}` : '',
    money.length > 0 ? `Sums: ${money.join(', ')}` : '',
    alsoIn.length > 0 ? `Also in: ${alsoIn.join(', ')}` : '',
  ]
    .filter((part) => part !== '')
    .join(' · ');
}

/** An entry's sums as said: "£5bn savings target" when the tagger found what the sum is. */
export function describeSums(entry: DigestEntry): string[] {
  if (!entry.sums) return entry.money;
  // A context is the whole phrase, sum included ("£5bn savings target": tagging/money-context.ts).
  return entry.sums.map((s) => s.context ?? s.text);
}

/**
 * The coverage line, the same words on every platform (each escapes the names): which sources
 * could not be checked, and, for a week before the bot began polling, when it began (so a quiet
 * week is not mistaken for a checked one).
 */
export function describeCoverage(digest: Digest, escape: (text: string) => string): string {
  const began = digest.coverage.pollingBegan;
  if (began === null) {
    return 'Coverage: no source has been polled yet, so this digest cannot show anything. Run `briefing poll` (it needs network access to the sources).';
  }
  const failed = digest.coverage.failedSources;
  const names = failed.map((f) => `${escape(f.name)} (${escape(f.reason)})`);
  const gaps =
    failed.length === 0
      ? ''
      : `could not check ${names.join(', ')} at some point this week, so stories from ${
          failed.length === 1 ? 'it' : 'them'
        } may be missing`;
  if (began !== undefined) {
    const day = formatDay(began, digest.timeZone, true);
    const start = `Coverage: the bot began polling on ${day}, so this week shows only what the sources still listed then`;
    return gaps === '' ? `${start}.` : `${start}; it ${gaps}.`;
  }
  return gaps === '' ? 'Coverage: every source was checked this week.' : `Coverage: ${gaps}.`;
}

/** Words a reader sees in rendered text (link targets and markup not counted). */
export function countWords(text: string): number {
  return text
    .replace(/\]\([^)\s]*\)/g, ']')
    .split(/\s+/)
    .filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

/** How a platform writes the pieces of an entry; every function returns escaped text. */
export interface EntryStyle {
  /** Upper bound on the whole entry. */
  limit: number;
  maxSummary: number;
  maxExtraLinks: number;
  /** The emphasised, linked headline. */
  headline(url: string | null | undefined, title: string): string;
  /** A link (or just the label when the URL is unsafe) with a label of at most `max`. */
  link(url: string | null | undefined, label: string, max: number): string;
  /** Escaped text of at most `max` characters. */
  fit(text: string, max: number): string;
  /** The emphasised facts line of at most `max` characters plus its markers. */
  facts(text: string, max: number): string;
}

const MAX_SOURCE = 80;
const MAX_ORGS = 8;
const MAX_SUMS = 6;
const MAX_FACTS = 400;
const MAX_PREVIOUS_TITLE = 150;
/** Below this much room a summary or facts line is not worth starting. */
const MIN_ROOM = 20;

/** "also A, B and 2 more": other outlets' links while they fit in `room` characters. */
function alsoLine(entry: DigestEntry, style: EntryStyle, room: number): string {
  let text = '';
  let shown = 0;
  for (const link of entry.links.slice(1, 1 + style.maxExtraLinks)) {
    const piece = style.link(link.url, paywallLabel(link), MAX_SOURCE);
    const next = text === '' ? `also ${piece}` : `${text}, ${piece}`;
    if (next.length > room) break;
    text = next;
    shown += 1;
  }
  const hidden = entry.links.length - 1 - shown;
  return hidden > 0 && text !== '' ? `${text} and ${hidden} more` : text;
}

/** One entry as platform text of at most `style.limit` characters (see header for the order). */
export function layoutEntry(
  entry: DigestEntry,
  timeZone: string,
  style: EntryStyle,
  labelOf: LabelOf = (id) => id,
): string {
  const lead = entry.links[0];
  let text = style.headline(entry.url ?? lead?.url, entry.title);

  const leadSource = lead ? style.fit(paywallLabel(lead), MAX_SOURCE + 15) : '';
  let meta = [leadSource, formatDay(entry.publishedAt, timeZone)]
    .filter((s) => s !== '')
    .join(' · ');
  // 16 leaves room for " · ", " and N more" and the newline.
  const also = alsoLine(entry, style, style.limit - text.length - meta.length - 16);
  if (also !== '') meta = meta === '' ? also : `${meta} · ${also}`;
  if (meta !== '' && text.length + 1 + meta.length <= style.limit) text += `\n${meta}`;

  const room = style.limit - text.length - 1;
  if (entry.summary.trim() !== '' && room > MIN_ROOM) {
    text += `\n${style.fit(entry.summary, Math.min(style.maxSummary, room))}`;
  }

  const facts = factsLine(
    entry.organisations.slice(0, MAX_ORGS),
    describeSums(entry).slice(0, MAX_SUMS),
    (entry.alsoIn ?? []).map(labelOf),
    foldedFromLabels(entry.foldedFrom, labelOf),
  );
  const factsRoom = style.limit - text.length - 3;
  if (facts !== '' && factsRoom > MIN_ROOM) {
    text += `\n${style.facts(facts, Math.min(MAX_FACTS, factsRoom))}`;
  }
  const previously = describePreviously(
    entry,
    timeZone,
    (url, title) => style.link(url, title, MAX_PREVIOUS_TITLE),
    (plain) => style.fit(plain, MAX_FACTS),
  );
  if (previously !== '' && text.length + 1 + previously.length <= style.limit) {
    text += `\n${previously}`;
  }
  return text;
}

/**
 * "Previously: <linked headline> (12 Nov 2021) · Fourth story on X since March" for an entry that
 * continues earlier coverage; '' otherwise. `link` renders (and escapes) the headline, `escape`
 * the rest.
 */
export function describePreviously(
  entry: DigestEntry,
  timeZone: string,
  link: (url: string | null, title: string) => string,
  escape: (text: string) => string,
): string {
  const previous = entry.previously?.[0];
  if (!previous) return '';
  const line = `Previously: ${link(previous.url, previous.title)} (${formatDay(previous.publishedAt, timeZone, true)})`;
  const thread =
    (entry.storyline?.stories ?? 0) >= 3
      ? describeContinuity(entry, timeZone, yearOf(entry.publishedAt, timeZone))
      : null;
  return thread ? `${line} · ${escape(thread)}` : line;
}

/**
 * The lead as platform text: the entry (its longer summary) and "Why it matters" as a bulleted
 * list, within `style.limit`; facts that do not fit are left out, last first.
 */
export function layoutLead(
  lead: DigestLead,
  timeZone: string,
  style: EntryStyle,
  labelOf: LabelOf = (id) => id,
): string {
  // Why it matters says how long the thread is; the Previously line need not say it again.
  const { storyline: _told, ...entry } = lead;
  let text = layoutEntry(entry, timeZone, style, labelOf);
  if (lead.whyItMatters.length === 0) return text;
  const heading = '\nWhy it matters:';
  if (text.length + heading.length + MIN_ROOM > style.limit) return text;
  text += heading;
  for (const fact of lead.whyItMatters) {
    const line = `\n• ${style.fit(fact, MAX_FACTS)}`;
    if (text.length + line.length > style.limit) break;
    text += line;
  }
  return text;
}
