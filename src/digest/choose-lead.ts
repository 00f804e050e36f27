// Which story leads a channel's digest. Pure and deterministic.
// Rules: candidates are the entries the channel's view shows in theme sections (and "Organisations
// you follow"); "Other news" is a candidate only when nothing else is. Each candidate scores
//   lead = entry score (coverage, source authority, theme strength, recency: rank-entries.ts)
//        + 0.5 * log2(outlets)              coverage again: the story everyone ran leads
//        + 1.0 if it names an organisation the channel follows
//        + 0.25 per further theme the channel follows that it is filed under
// Ties break like every ranking (compareRanked: newer, then lead story id).
import type { DigestEntry, DigestSection } from '../domain.js';
import { OFF_TOPIC_SECTION, OTHER_SECTION } from './build-digest.js';
import { compareRanked } from './rank-entries.js';

export const LEAD_WEIGHTS = { outlets: 0.5, organisation: 1, extraTheme: 0.25 } as const;

export interface LeadFollows {
  themes: readonly string[] | 'all';
  organisations: readonly string[];
}

export interface LeadChoice {
  entry: DigestEntry;
  /** Theme ids (from the full digest) the story is filed under, in digest order. */
  themeIds: string[];
}

const leadIdOf = (entry: DigestEntry): string => entry.storyIds[0] ?? entry.title;
const NOT_THEMES = new Set<string>([OTHER_SECTION.themeId, OFF_TOPIC_SECTION.themeId]);

/** Theme ids each story (by lead story id) is filed under in `sections`. */
export function themesByStory(sections: readonly DigestSection[]): Map<string, string[]> {
  const byStory = new Map<string, string[]>();
  for (const section of sections) {
    if (NOT_THEMES.has(section.themeId)) continue;
    for (const entry of section.entries) {
      const id = leadIdOf(entry);
      const list = byStory.get(id) ?? [];
      if (!list.includes(section.themeId)) list.push(section.themeId);
      byStory.set(id, list);
    }
  }
  return byStory;
}

export function leadScore(entry: DigestEntry, themeIds: readonly string[], follows: LeadFollows) {
  const outlets = new Set(entry.links.map((l) => l.sourceId)).size;
  const followsOrg = (entry.organisationIds ?? []).some((id) => follows.organisations.includes(id));
  const followedThemes =
    follows.themes === 'all'
      ? 0
      : themeIds.filter((id) => (follows.themes as readonly string[]).includes(id)).length;
  const raw =
    entry.score +
    LEAD_WEIGHTS.outlets * Math.log2(Math.max(1, outlets)) +
    (followsOrg ? LEAD_WEIGHTS.organisation : 0) +
    LEAD_WEIGHTS.extraTheme * Math.max(0, followedThemes - 1);
  return Math.round(raw * 10_000) / 10_000;
}

/**
 * The lead among `view` (a channel's sections); `full` is the whole digest's sections, which say
 * every theme a story is filed under. Null for an empty view.
 */
export function chooseLead(
  view: readonly DigestSection[],
  full: readonly DigestSection[],
  follows: LeadFollows,
): LeadChoice | null {
  const filed = themesByStory(full);
  const pick = (sections: readonly DigestSection[]): LeadChoice | null => {
    let best: { choice: LeadChoice; score: number } | null = null;
    for (const section of sections) {
      for (const entry of section.entries) {
        const themeIds = filed.get(leadIdOf(entry)) ?? [];
        const score = leadScore(entry, themeIds, follows);
        const ranked = { score, publishedAt: entry.publishedAt, leadId: leadIdOf(entry) };
        const current = best
          ? {
              score: best.score,
              publishedAt: best.choice.entry.publishedAt,
              leadId: leadIdOf(best.choice.entry),
            }
          : null;
        if (current === null || compareRanked(ranked, current) < 0) {
          best = { choice: { entry, themeIds }, score };
        }
      }
    }
    return best?.choice ?? null;
  };
  return (
    pick(view.filter((s) => !NOT_THEMES.has(s.themeId))) ??
    pick(view.filter((s) => s.themeId === OTHER_SECTION.themeId))
  );
}
