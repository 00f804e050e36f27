// Continuity for a week's digest: for each entry it shows, the earlier stories (last
// CONTINUITY_WEEKS weeks before the week) it continues, read from the store and judged by the
// pure rules in src/digest/continuity.ts. Also which untagged stories the tagger vetoed as
// off-topic (re-tagged here with the current themes; only stories with no theme, a few a week).
// Cost: two indexed, LIMITed queries per shown entry, bounded to the seq span of the window's
// stories (src/store/earlier-stories.ts), measured by
// `npm run bench -- --quick --only digest` (digest_continuity_ms).
import type { CompiledThemes } from '../tagging/compile-themes.js';
import {
  CONTINUITY_WEEKS,
  headlineSearchWords,
  linkEarlier,
  type EarlierCandidate,
} from '../digest/continuity.js';
import { describeStory, type StoryFeatures } from '../digest/story-features.js';
import type { Digest, DigestEntry, StoredStory } from '../domain.js';
import type { Db } from '../store/database.js';
import {
  findEarlierByHeadline,
  findEarlierByOrganisation,
  seqSpanOf,
} from '../store/earlier-stories.js';
import { tagStory, type TaggableStory } from '../tagging/tag-story.js';
import type { DigestWeek } from '../store/digest-week.js';

const WEEK_MS = 7 * 86_400_000;
/** Candidates read per query: enough for a long thread, small enough to stay cheap. */
const CANDIDATES = 12;
/** Sections that are not themes: an entry there has no theme to match on. */
const NOT_THEMES = new Set(['other', 'off-topic', 'organisations']);

/** Adds `previously` and `storyline` to every entry of `digest` that continues an earlier story. */
export function attachContinuity(db: Db, digest: Digest, stories: readonly StoredStory[]): Digest {
  const byId = new Map(stories.map((s) => [s.id, s]));
  const since = new Date(Date.parse(digest.startsAt) - CONTINUITY_WEEKS * WEEK_MS).toISOString();
  const window = { since, before: digest.startsAt, limit: CANDIDATES };
  const span = seqSpanOf(db, since, digest.startsAt);
  const themesOf = new Map<string, string[]>();
  for (const section of digest.sections) {
    if (NOT_THEMES.has(section.themeId)) continue;
    for (const e of section.entries) {
      const lead = e.storyIds[0] ?? '';
      themesOf.set(lead, [...(themesOf.get(lead) ?? []), section.themeId]);
    }
  }
  const names = new Map<string, string>();
  // One story is a candidate for many entries: describe it once.
  const features = new Map<string, StoryFeatures>();
  const featuresOf = (c: EarlierCandidate): StoryFeatures => {
    let known = features.get(c.id);
    if (!known) features.set(c.id, (known = describeStory(c)));
    return known;
  };
  const found = new Map<string, Partial<DigestEntry>>();
  const continuityOf = (entry: DigestEntry): Partial<DigestEntry> => {
    const lead = entry.storyIds[0] ?? '';
    const known = found.get(lead);
    if (known) return known;
    const members = entry.storyIds.map((id) => byId.get(id)).filter((s) => s !== undefined);
    const orgs = localOrganisations(members, names);
    const candidates =
      span === null
        ? []
        : [
            ...findEarlierByOrganisation(db, orgs, themesOf.get(lead) ?? [], span, window),
            ...findEarlierByHeadline(db, headlineSearchWords(entry.title), span, window),
          ];
    const link = linkEarlier(entry, candidates, (id) => names.get(id), featuresOf);
    const extra = link ? { previously: link.previously, storyline: link.storyline } : {};
    found.set(lead, extra);
    return extra;
  };
  return {
    ...digest,
    sections: digest.sections.map((section) => ({
      ...section,
      entries: section.entries.map((entry) => ({ ...entry, ...continuityOf(entry) })),
    })),
  };
}

/** Ids of the non-national organisations the stories name (their names noted in `names`). */
function localOrganisations(stories: readonly StoredStory[], names: Map<string, string>): string[] {
  const ids: string[] = [];
  for (const story of stories) {
    for (const org of story.entities.organisations) {
      if (org.kind === 'national' || ids.includes(org.id)) continue;
      ids.push(org.id);
      names.set(org.id, org.name);
    }
  }
  return ids;
}

/**
 * Stories with no theme that a negative rule with `veto: true` rejected: as recorded with their
 * tags (store/digest-week.ts), and for stories tagged before that was recorded, by re-tagging
 * them with the current themes.
 */
export function findOffTopic(
  week: Pick<DigestWeek, 'offTopic' | 'unknown'>,
  compiled: CompiledThemes | null,
): Set<string> {
  const ids = new Set(week.offTopic);
  if (compiled === null) return ids;
  for (const story of week.unknown) {
    if (story.tags.length > 0) continue;
    if (isVetoed(story, compiled)) ids.add(story.id);
  }
  return ids;
}

/** Whether the tagger gives `story` no theme because a veto rejected one (as polling records). */
export function isVetoed(story: TaggableStory, compiled: CompiledThemes): boolean {
  const result = tagStory(story, compiled);
  return result.tags.length === 0 && result.nearMisses.some((m) => m.reason.startsWith('vetoed'));
}
