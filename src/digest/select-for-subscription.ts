// Cuts a week's full digest down to what one channel follows. Pure and idempotent (selecting an
// already selected digest changes nothing).
// Rules: `themes: 'all'` keeps every section, "Other news" included; a theme list keeps those
// sections in digest order (never "Other news"). The "Off-topic" section (stories the tagger
// vetoed) is kept only for a channel following everything that set `includeOffTopic`. A channel that follows organisations also gets,
// first, an "Organisations you follow" section: every entry of the full digest (from any theme,
// followed or not) that mentions one of them, most important first, each entry once. It draws on
// the entries the digest shows, so an item below a theme's cap is reached through the section's
// "and N more" search instead.
// Each story is shown once per channel: in "Organisations you follow" when it is there, else in
// its strongest followed theme; the entry's `alsoIn` names (by theme id) the channel's other
// sections that filed it, so nothing is lost by not repeating it.
import type { Digest, DigestEntry, DigestSection, Subscription } from '../domain.js';
import { OFF_TOPIC_SECTION, OTHER_SECTION } from './build-digest.js';
import { selectDeadlines } from './closing-soon.js';
import { compareRanked } from './rank-entries.js';
import { keepSectionLabels } from './section-labels.js';
import { parseWeek, weekDates } from '../time/week.js';

export const ORGANISATIONS_SECTION = {
  themeId: 'organisations',
  label: 'Organisations you follow',
} as const;

export function selectForSubscription(
  digest: Digest,
  subscription: Pick<Subscription, 'themes' | 'organisations' | 'includeOffTopic'>,
): Digest {
  const deadlines = selectDeadlines(digest.deadlines, subscription);
  const followed = subscription.themes === 'all' ? null : new Set(subscription.themes);
  const offTopic = followed === null && subscription.includeOffTopic === true;
  const themeSections = digest.sections.filter(
    (s) =>
      s.themeId !== ORGANISATIONS_SECTION.themeId &&
      (s.themeId !== OFF_TOPIC_SECTION.themeId || offTopic) &&
      (followed === null ? true : s.themeId !== OTHER_SECTION.themeId && followed.has(s.themeId)),
  );
  const orgSection = organisationSection(digest, subscription.organisations);
  const selected = {
    ...digest,
    sections: placeEachEntryOnce(orgSection ? [orgSection, ...themeSections] : themeSections),
    ...(deadlines ? { deadlines } : {}),
  };
  return keepSectionLabels(selected, digest);
}

const leadOf = (entry: DigestEntry): string => entry.storyIds[0] ?? entry.title;

/**
 * A story found in several sections is shown once: in "Organisations you follow" when it is there
 * (that section comes first because the channel asked for it), else where it ranks highest (ties:
 * the earlier section), so a reader never meets the same headline three times. The kept entry's
 * `alsoIn` lists the other sections' theme ids (merged with any it had, so selecting twice changes
 * nothing). Sections left empty are dropped; their "and N more" counts are kept.
 */
function placeEachEntryOnce(sections: readonly DigestSection[]): DigestSection[] {
  const home = new Map<string, { section: number; score: number }>();
  const filedIn = new Map<string, string[]>();
  sections.forEach((section, index) => {
    for (const entry of section.entries) {
      const lead = leadOf(entry);
      filedIn.set(lead, [...(filedIn.get(lead) ?? []), section.themeId]);
      const best = home.get(lead);
      const pinned =
        best !== undefined && sections[best.section]?.themeId === ORGANISATIONS_SECTION.themeId;
      if (!best || (!pinned && entry.score > best.score)) {
        home.set(lead, { section: index, score: entry.score });
      }
    }
  });
  return sections
    .map((section, index) => ({
      ...section,
      entries: section.entries
        .filter((entry) => home.get(leadOf(entry))?.section === index)
        .map((entry) => withAlsoIn(entry, section.themeId, filedIn.get(leadOf(entry)) ?? [])),
    }))
    .filter((section) => section.entries.length > 0 || section.moreCount > 0);
}

function withAlsoIn(entry: DigestEntry, here: string, themeIds: readonly string[]): DigestEntry {
  const alsoIn = [...new Set([...(entry.alsoIn ?? []), ...themeIds])].filter((t) => t !== here);
  if (alsoIn.length === 0) {
    const { alsoIn: _dropped, ...rest } = entry;
    return rest;
  }
  return { ...entry, alsoIn };
}

function organisationSection(
  digest: Digest,
  organisations: readonly string[],
): DigestSection | null {
  if (organisations.length === 0) return null;
  const wanted = new Set(organisations);
  const byLead = new Map<string, DigestEntry>();
  for (const section of digest.sections) {
    for (const entry of section.entries) {
      const lead = entry.storyIds[0] ?? entry.title;
      if (byLead.has(lead)) continue;
      if ((entry.organisationIds ?? []).some((id) => wanted.has(id))) byLead.set(lead, entry);
    }
  }
  if (byLead.size === 0) return null;
  const entries = [...byLead.values()].sort((a, b) =>
    compareRanked(
      { score: a.score, publishedAt: a.publishedAt, leadId: a.storyIds[0] ?? '' },
      { score: b.score, publishedAt: b.publishedAt, leadId: b.storyIds[0] ?? '' },
    ),
  );
  const week = parseWeek(digest.week);
  const dates = week.ok ? weekDates(week.week) : null;
  const filters = [
    ...(organisations.length === 1 ? [`org:${organisations[0]}`] : []),
    ...(dates ? [`since:${dates.since}`, `until:${dates.until}`] : []),
  ];
  return {
    ...ORGANISATIONS_SECTION,
    entries,
    moreCount: 0,
    moreQuery: ['search', ...filters].join(' '),
  };
}
