// Clusters near-duplicate stories across sources: the same announcement from NHS England, HSJ and a
// think tank becomes one digest entry with several links.
// Rules: two stories are the same item when they share a URL, or when their word overlap (shared
// headline words over the shorter headline, averaged with the Jaccard index of title+summary
// words), raised by NUMBER_FACTOR when they share a distinctive number (a sum, a count, a
// percentage), reaches CLUSTER_THRESHOLD; stories from the same source need a much closer match
// (outlets rarely post one item twice, but often post a series on one topic). Clusters are the
// connected components (single link) of that relation. Candidate pairs come from an inverted
// index over rare words and numbers, so a large week costs far less than comparing every pair.
// Deterministic: components are returned ordered by their smallest input index.
import type { StoryFeatures } from './story-features.js';

export const CLUSTER_THRESHOLD = 0.28;
export const SAME_SOURCE_THRESHOLD = 0.7;
/** Sharing a distinctive number (the £248m, the 39,813 vacancies) strengthens the word match. */
const NUMBER_FACTOR = 1.4;

export interface ClusterInput {
  features: StoryFeatures;
  /** The story's own source (same-source pairs need a closer match). */
  sourceId: string;
}

function sharedCount(a: Set<string>, b: Set<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const value of small) if (large.has(value)) shared++;
  return shared;
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  const shared = sharedCount(a, b);
  return shared / (a.size + b.size - shared);
}

/** Shared words over the shorter headline (at least 3): headlines differ most in length. */
function headlineOverlap(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  return sharedCount(a, b) / Math.max(3, Math.min(a.size, b.size));
}

/** How alike two stories are: 0 (nothing shared) upwards; 1 for a shared URL. */
export function similarity(a: StoryFeatures, b: StoryFeatures): number {
  if (a.url !== null && a.url === b.url) return 1;
  const words = (headlineOverlap(a.title, b.title) + jaccard(a.body, b.body)) / 2;
  return sharedCount(a.numbers, b.numbers) > 0 ? words * NUMBER_FACTOR : words;
}

export function isSameItem(a: ClusterInput, b: ClusterInput): boolean {
  const score = similarity(a.features, b.features);
  const threshold = a.sourceId === b.sourceId ? SAME_SOURCE_THRESHOLD : CLUSTER_THRESHOLD;
  return score >= threshold;
}

function find(parent: number[], i: number): number {
  let root = i;
  while (parent[root] !== root) root = parent[root]!;
  while (parent[i] !== root) {
    const next = parent[i]!;
    parent[i] = root;
    i = next;
  }
  return root;
}

/** Index-ordered groups of indices into `items`; every item is in exactly one group. */
export function clusterStories(items: readonly ClusterInput[]): number[][] {
  const n = items.length;
  const parent = Array.from({ length: n }, (_, i) => i);
  const union = (a: number, b: number) => {
    const ra = find(parent, a);
    const rb = find(parent, b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };

  // Inverted index: words common to a large share of the week cannot identify one item, so they
  // do not propose candidates (they still count in the similarity of proposed pairs).
  const postings = new Map<string, number[]>();
  items.forEach((item, i) => {
    const keys = [...item.features.body, ...[...item.features.numbers].map((v) => `#${v}`)];
    if (item.features.url) keys.push(`@${item.features.url}`);
    for (const key of keys) {
      const list = postings.get(key);
      if (list) list.push(i);
      else postings.set(key, [i]);
    }
  });
  const maxPosting = Math.max(50, Math.ceil(n / 20));
  const checked = new Set<number>();
  for (const list of postings.values()) {
    if (list.length < 2 || list.length > maxPosting) continue;
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const a = list[x]!;
        const b = list[y]!;
        const pairKey = a * n + b;
        if (checked.has(pairKey)) continue;
        checked.add(pairKey);
        if (find(parent, a) === find(parent, b)) continue;
        if (isSameItem(items[a]!, items[b]!)) union(a, b);
      }
    }
  }

  const groups = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const root = find(parent, i);
    const group = groups.get(root);
    if (group) group.push(i);
    else groups.set(root, [i]);
  }
  return [...groups.values()].sort((a, b) => a[0]! - b[0]!);
}
