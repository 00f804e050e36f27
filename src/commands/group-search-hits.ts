// One search result per story cluster: copies of the same item from other outlets (the digest's
// own clustering, digest/cluster-stories.ts, over each hit's headline and snippet) are folded into
// the best-ranked copy as `also`, shown as "also: HSJ, Pulse". Copies must be published within
// SAME_ITEM_DAYS of the result they join: the archive spans years, and a weekly digest never
// compared stories further apart than a week.
import { clusterStories } from '../digest/cluster-stories.js';
import { describeStory } from '../digest/story-features.js';
import type { SearchHit } from '../domain.js';

const SAME_ITEM_DAYS = 7;
const DAY_MS = 86_400_000;

export interface GroupedHits {
  hits: SearchHit[];
  /** How many of the input hits the shown results cover, in rank order: the next page starts here. */
  consumed: number;
  /** How many results all the input hits make once folded (shown or not). */
  results: number;
}

/** The first `limit` results of `hits` (best first) with their copies folded in. */
export function groupSearchHits(hits: readonly SearchHit[], limit: number): GroupedHits {
  const groups = clusterStories(
    hits.map((hit) => ({
      features: describeStory({ title: hit.title, summary: hit.snippet, url: hit.url }),
      sourceId: hit.source,
    })),
  );
  const groupOf = new Map<number, number[]>();
  for (const group of groups) for (const i of group) groupOf.set(i, group);
  const shown: SearchHit[] = [];
  const used = new Set<number>();
  let consumed = hits.length;
  let results = 0;
  // In rank order: each hit not yet folded into a better-ranked one leads a result of its own;
  // past the page, results are only counted.
  for (let i = 0; i < hits.length; i++) {
    if (used.has(i)) continue;
    if (results === limit) consumed = i;
    results++;
    const lead = hits[i]!;
    const leadTime = Date.parse(lead.publishedAt);
    const copies = (groupOf.get(i) ?? []).filter(
      (j) =>
        j > i &&
        !used.has(j) &&
        Math.abs(Date.parse(hits[j]!.publishedAt) - leadTime) <= SAME_ITEM_DAYS * DAY_MS,
    );
    used.add(i);
    for (const j of copies) used.add(j);
    if (results > limit) continue;
    const also = copies.map((j) => ({
      id: hits[j]!.id,
      source: hits[j]!.source,
      url: hits[j]!.url,
    }));
    shown.push(also.length > 0 ? { ...lead, also: [...(lead.also ?? []), ...also] } : lead);
  }
  return { hits: shown, consumed, results };
}
