// What one channel is shown: the single view every renderer draws, so the channel's message, the
// `digest` preview (chat and CLI) and the archive's Markdown can never disagree. Pure; a view is
// marked `channelView` and viewing it again returns it unchanged.
// Steps: selectForSubscription (its themes and organisations, each story once with "Also in");
// then the lead (choose-lead.ts) comes out of its section to open the digest, with its longer
// summary and why it matters (why-it-matters.ts); then sections with fewer stories than
// `shape.foldBelow` (default 2) fold into a closing "Also this week", each entry saying where it
// came from, so no heading carries a single story. "Organisations you follow" never folds (the
// channel asked for it).
import type { Digest, DigestEntry, DigestLead, DigestSection, Subscription } from '../domain.js';
import { DEFAULT_SHAPE } from './build-digest.js';
import { chooseLead, type LeadFollows } from './choose-lead.js';
import { countSectionStories } from './entry-parts.js';
import { yearOf } from './fact-words.js';
import { compareRanked } from './rank-entries.js';
import { ORGANISATIONS_SECTION, selectForSubscription } from './select-for-subscription.js';
import { keepSectionLabels } from './section-labels.js';
import { describeWhyItMatters, type DeadlineFact } from './why-it-matters.js';

export const ALSO_SECTION = { themeId: 'also-this-week', label: 'Also this week' } as const;

export type ChannelFollows = Pick<Subscription, 'themes' | 'organisations' | 'includeOffTopic'>;

/** A channel following everything (and the archive, which shows what such a channel gets). */
export const FOLLOWS_EVERYTHING: ChannelFollows = { themes: 'all', organisations: [] };

const leadIdOf = (entry: DigestEntry): string => entry.storyIds[0] ?? entry.title;

export function viewForChannel(digest: Digest, subscription: ChannelFollows | null): Digest {
  if (digest.channelView) return digest;
  const follows = subscription ?? FOLLOWS_EVERYTHING;
  const selected = selectForSubscription(digest, follows);
  const lead = pickLead(digest, selected.sections, follows);
  const rest = lead
    ? selected.sections
        .map((s) => ({ ...s, entries: s.entries.filter((e) => leadIdOf(e) !== leadIdOf(lead)) }))
        .filter((s) => s.entries.length > 0 || s.moreCount > 0)
    : selected.sections;
  const shape = digest.shape ?? DEFAULT_SHAPE;
  const view: Digest = {
    ...selected,
    sections: foldSmallSections(rest, shape.foldBelow),
    lead,
    shape,
    channelView: true,
  };
  return keepSectionLabels(view, selected);
}

/** The lead for a channel (also what the archive's JSON `lead` holds: FOLLOWS_EVERYTHING). */
export function pickLead(
  digest: Digest,
  sections: readonly DigestSection[],
  follows: LeadFollows,
): DigestLead | null {
  const choice = chooseLead(sections, digest.sections, follows);
  if (!choice) return null;
  const labelOf = new Map(digest.sections.map((s) => [s.themeId, s.label]));
  const themes = choice.themeIds.map((id) => ({ id, label: labelOf.get(id) ?? id }));
  const whyItMatters = describeWhyItMatters(choice.entry, {
    timeZone: digest.timeZone,
    year: yearOf(digest.startsAt, digest.timeZone),
    themes,
    follows,
    deadlines: deadlinesOf(digest),
  });
  // The lead leaves its section: "Filed under" names it and the others it was also in (ids).
  const { longSummary, alsoIn, ...entry } = choice.entry;
  const home = sections.find((s) => s.entries.some((e) => leadIdOf(e) === leadIdOf(entry)));
  const filedIn = [...new Set([...(home ? [home.themeId] : []), ...(alsoIn ?? [])])];
  return {
    ...entry,
    summary: longSummary ?? entry.summary,
    ...(filedIn.length > 0 ? { foldedFrom: filedIn.join(', ') } : {}),
    whyItMatters,
  };
}

/** Sections under `foldBelow` stories move, entry by entry, into a closing "Also this week". */
export function foldSmallSections(
  sections: readonly DigestSection[],
  foldBelow: number,
): DigestSection[] {
  const kept: DigestSection[] = [];
  const folded: DigestEntry[] = [];
  for (const section of sections) {
    const small = countSectionStories(section) < foldBelow && section.moreCount === 0;
    if (!small || section.themeId === ORGANISATIONS_SECTION.themeId) kept.push(section);
    else folded.push(...section.entries.map((e) => ({ ...e, foldedFrom: section.themeId })));
  }
  if (folded.length === 0) return kept;
  folded.sort((a, b) =>
    compareRanked(
      { score: a.score, publishedAt: a.publishedAt, leadId: leadIdOf(a) },
      { score: b.score, publishedAt: b.publishedAt, leadId: leadIdOf(b) },
    ),
  );
  return [...kept, { ...ALSO_SECTION, entries: folded, moreCount: 0, moreQuery: '' }];
}

/** The digest's top-level `deadlines` (added by the deadlines step), read defensively. */
function deadlinesOf(digest: Digest): DeadlineFact[] {
  const value = (digest as { deadlines?: unknown }).deadlines;
  if (!Array.isArray(value)) return [];
  return value.filter(
    (d): d is DeadlineFact =>
      typeof d === 'object' &&
      d !== null &&
      typeof (d as DeadlineFact).closesAt === 'string' &&
      typeof (d as DeadlineFact).kind === 'string',
  );
}
