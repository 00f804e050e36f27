// Which earlier stories a digest entry continues, and how to say so. Pure: the pipeline reads the
// candidates from the store (src/store/earlier-stories.ts) and hands them here.
// Rules: a candidate continues the entry when it names the same (non-national) organisation under
// the same theme (the store already checked both), or when its wording is as close as two
// outlets' versions of one item (cluster-stories.ts similarity >= CLUSTER_THRESHOLD). Earlier
// stories that are one item among themselves (NHS England and HSJ on the same day) count once,
// by their first publication. The entry keeps the MAX_PREVIOUSLY newest as `previously`, and a
// `storyline` counting every story on the thread (this one included) since the oldest.
import type { DigestEntry, DigestPrevious } from '../domain.js';
import { CLUSTER_THRESHOLD, similarity } from './cluster-stories.js';
import { describeStory, isStopword, type StoryFeatures } from './story-features.js';

/** How far back an entry looks for the story it continues. */
export const CONTINUITY_WEEKS = 12;
export const MAX_PREVIOUSLY = 3;
/** Headline words searched for a text match (the first and one of the others must appear). */
const MAX_SEARCH_WORDS = 4;
/** Two outlets' versions of one item appear within this long of each other. */
const SAME_ITEM_MS = 2 * 86_400_000;
/** Words in nearly every NHS headline: they find everything and so tell nothing. */
const COMMON = new Set(
  'trust trusts health care england services service patients hospital hospitals staff local national government'.split(
    ' ',
  ),
);

export interface EarlierCandidate {
  id: string;
  title: string;
  summary: string;
  url: string | null;
  publishedAt: string;
  /** Set when found through a shared organisation (and theme). */
  organisationId: string | null;
}

/**
 * Distinctive headline words (lower case, four letters or more) to search earlier headlines: the
 * longest first (long words are the rare ones, with short doclists), at most MAX_SEARCH_WORDS.
 */
export function headlineSearchWords(title: string): string[] {
  const words = new Set(
    title
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter((w) => w.length >= 4 && !/^\d+$/.test(w) && !isStopword(w) && !COMMON.has(w)),
  );
  return [...words]
    .sort((a, b) => b.length - a.length || (a < b ? -1 : 1))
    .slice(0, MAX_SEARCH_WORDS);
}

export interface Continuity {
  previously: DigestPrevious[];
  storyline: { stories: number; since: string; about: string | null };
}

/**
 * The continuity of `entry` among `candidates` (each published before the entry's week), or null
 * when none continues it. `organisationName` names an organisation id for the storyline.
 */
export function linkEarlier(
  entry: Pick<DigestEntry, 'title' | 'summary' | 'url' | 'storyIds'>,
  candidates: readonly EarlierCandidate[],
  organisationName: (id: string) => string | undefined,
  featuresOf: (candidate: EarlierCandidate) => StoryFeatures = describeStory,
): Continuity | null {
  // Described only when a candidate is judged on its wording (organisation matches are not).
  let own: StoryFeatures | null = null;
  const seen = new Set(entry.storyIds);
  const accepted: EarlierCandidate[] = [];
  for (const candidate of candidates) {
    if (seen.has(candidate.id)) continue;
    const close =
      candidate.organisationId !== null ||
      similarity((own ??= describeStory(entry)), featuresOf(candidate)) >= CLUSTER_THRESHOLD;
    if (!close) continue;
    seen.add(candidate.id);
    accepted.push(candidate);
  }
  if (accepted.length === 0) return null;
  const groups = sameItems(accepted, featuresOf);
  groups.sort((a, b) =>
    a.publishedAt < b.publishedAt ? 1 : a.publishedAt > b.publishedAt ? -1 : 0,
  );
  const oldest = groups[groups.length - 1]!;
  return {
    previously: groups
      .slice(0, MAX_PREVIOUSLY)
      .map((c) => ({ title: c.title, url: c.url, publishedAt: c.publishedAt })),
    storyline: {
      stories: groups.length + 1,
      since: oldest.publishedAt,
      about: mostNamed(accepted, organisationName),
    },
  };
}

const byPublication = (a: EarlierCandidate, b: EarlierCandidate): number =>
  a.publishedAt !== b.publishedAt ? (a.publishedAt < b.publishedAt ? -1 : 1) : a.id < b.id ? -1 : 1;

/**
 * One story per earlier item: a candidate published within SAME_ITEM_MS of a kept one and worded
 * like it (two outlets on one announcement) is dropped; a thread's separate steps, days apart,
 * are all kept. A story is described only when it is compared (a kept one within SAME_ITEM_MS):
 * most organisation matches are days apart and never are.
 */
function sameItems(
  accepted: readonly EarlierCandidate[],
  featuresOf: (candidate: EarlierCandidate) => StoryFeatures,
): EarlierCandidate[] {
  const kept: { story: EarlierCandidate; at: number; features: StoryFeatures | null }[] = [];
  for (const story of [...accepted].sort(byPublication)) {
    let features: StoryFeatures | null = null;
    const at = Date.parse(story.publishedAt);
    const duplicate = kept.some(
      (k) =>
        at - k.at <= SAME_ITEM_MS &&
        similarity((features ??= featuresOf(story)), (k.features ??= featuresOf(k.story))) >=
          CLUSTER_THRESHOLD,
    );
    if (!duplicate) kept.push({ story, at, features });
  }
  return kept.map((k) => k.story);
}

/** The organisation most matches were made on (ties: the first met), by name; null for none. */
function mostNamed(
  accepted: readonly EarlierCandidate[],
  organisationName: (id: string) => string | undefined,
): string | null {
  const counts = new Map<string, number>();
  for (const c of accepted) {
    if (c.organisationId !== null)
      counts.set(c.organisationId, (counts.get(c.organisationId) ?? 0) + 1);
  }
  let best: [string, number] | null = null;
  for (const pair of counts) if (best === null || pair[1] > best[1]) best = pair;
  return best ? (organisationName(best[0]) ?? null) : null;
}
