// Clusters near-duplicate stories across sources: the same announcement from NHS England, HSJ and a
// think tank becomes one digest entry with several links.
// Rules: two stories are the same item when they share a URL, or when their word overlap (shared
// headline words over the shorter headline, averaged with the Jaccard index of title+summary
// words), raised by NUMBER_FACTOR when they share a distinctive number (a sum, a count, a
// percentage) and lowered when both quote sums of money, or name local organisations, but none in
// common, reaches CLUSTER_THRESHOLD; stories from the same source need a much closer match
// (outlets rarely post one item twice, but often post a series on one topic). Pairs are merged
// strongest first, and only while a cluster keeps one story per source and an average similarity
// across the merged groups (so a chain of loose pairs cannot swallow a week). Candidate pairs come
// from an inverted index over headline words, numbers and URLs, so a large week costs far less
// than comparing every pair. Deterministic: groups are ordered by their smallest input index.
import {
  compactSimilarity,
  markedSimilarity,
  markWords,
  numberFeatures,
  type CompactFeatures,
  type NumberedFeatures,
} from './compact-features.js';
import type { StoryFeatures } from './story-features.js';

export const CLUSTER_THRESHOLD = 0.28;
export const SAME_SOURCE_THRESHOLD = 0.7;
/** Sharing a distinctive number (the £248m, the 39,813 vacancies) strengthens the word match. */
const NUMBER_FACTOR = 1.4;
/**
 * Two stories quoting different sums, or naming different local organisations (two trusts rated
 * inadequate the same week), need a much closer word match.
 */
const CONFLICT_FACTOR = 0.6;
/** A merge needs the average similarity across both groups to reach this share of the threshold. */
const AVERAGE_LINK_FACTOR = 1;
const FACTORS = { number: NUMBER_FACTOR, conflict: CONFLICT_FACTOR } as const;

export interface ClusterInput {
  features: StoryFeatures;
  /** The story's own source (same-source pairs need a closer match). */
  sourceId: string;
}

function sharedCount(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
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

/** Both name something (sums, local organisations) and nothing is shared: likely two items. */
function disagree(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size > 0 && b.size > 0 && sharedCount(a, b) === 0;
}

/** How alike two stories are: 0 (nothing shared) upwards; 1 for a shared URL. Not capped at 1. */
export function similarity(a: StoryFeatures, b: StoryFeatures): number {
  if (a.url !== null && a.url === b.url) return 1;
  let score = (headlineOverlap(a.title, b.title) + jaccard(a.body, b.body)) / 2;
  if (sharedCount(a.numbers, b.numbers) > 0) score *= NUMBER_FACTOR;
  else if (disagree(a.sums, b.sums)) score *= CONFLICT_FACTOR;
  if (disagree(a.organisations, b.organisations)) score *= CONFLICT_FACTOR;
  return score;
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
  // Integer word ids once per week: each comparison below counts marked words, not string
  // hashing (compact-features.ts; the same similarity values).
  return clusterNumbered(
    numberFeatures(items.map((item) => item.features)),
    items.map((item) => item.sourceId),
  );
}

/**
 * clusterStories over features already numbered (numberFeatures, or describeWeek straight from
 * the stories, as buildDigest does), with each story's source id: the same groups.
 */
export function clusterNumbered(
  numbered: NumberedFeatures,
  sourceIds: readonly string[],
): number[][] {
  const { features: compact, wordCount, numberCount } = numbered;
  const n = compact.length;
  const parent = Array.from({ length: n }, (_, i) => i);
  const members = new Map<number, number[]>(compact.map((_, i) => [i, [i]]));

  // Inverted index over headline words, numbers and URLs: a pair sharing fewer than two headline
  // words and no number or URL cannot reach the threshold on summary words alone in practice.
  // Words common to a large share of the week cannot identify one item, so they do not propose
  // candidates (they still count in the similarity of proposed pairs). The postings are kept by
  // the week's integer ids (headline words and numbers numbered apart), not by string keys.
  const byTitle = postingsOf(compact, wordCount, (f) => f.title);
  const byNumber = postingsOf(compact, numberCount, (f) => f.numbers);
  const byUrl = new Map<string, number[]>();
  for (let i = 0; i < n; i++) {
    const url = compact[i]!.url;
    if (url === null) continue;
    const list = byUrl.get(url);
    if (list) list.push(i);
    else byUrl.set(url, [i]);
  }
  const maxPosting = Math.max(50, Math.ceil(n / 20));
  // Count what each pair shares; a pair is compared when it shares a number or a URL (strong
  // keys, weight 2) or at least two headline words. One counter array is reused for every
  // story (no per-pair allocation: a large week makes hundreds of thousands of pairs).
  const marks = new Uint8Array(wordCount);
  const counts = new Int32Array(n);
  const touched: number[] = [];
  const links: { a: number; b: number; score: number; sameUrl: boolean }[] = [];
  const count = (a: number, list: number[] | undefined, weight: number): void => {
    if (list === undefined || list.length < 2 || list.length > maxPosting) return;
    // Postings are in ascending index order: walk down to `a`.
    for (let k = list.length - 1; k >= 0; k--) {
      const b = list[k]!;
      if (b <= a) break;
      if (counts[b] === 0) touched.push(b);
      counts[b] = counts[b]! + weight;
    }
  };
  for (let a = 0; a < n; a++) {
    const own = compact[a]!;
    for (let k = 0; k < own.title.length; k++) count(a, byTitle[own.title[k]!], 1);
    for (let k = 0; k < own.numbers.length; k++) count(a, byNumber[own.numbers[k]!], 2);
    if (own.url !== null) count(a, byUrl.get(own.url), 2);
    if (touched.length > 0) markWords(marks, own, true);
    for (const b of touched) {
      const shared = counts[b]!;
      counts[b] = 0;
      if (shared < 2) continue;
      const score = markedSimilarity(marks, own, compact[b]!, FACTORS);
      if (score >= thresholdFor(sourceIds[a]!, sourceIds[b]!)) {
        const sameUrl = own.url !== null && own.url === compact[b]!.url;
        links.push({ a, b, score, sameUrl });
      }
    }
    if (touched.length > 0) markWords(marks, own, false);
    touched.length = 0;
  }

  // Strongest links first (greedy agglomeration); a merge must also keep one story per source
  // and an average similarity across the two groups, so one loose pair cannot chain many items.
  links.sort((p, q) => q.score - p.score || p.a - q.a || p.b - q.b);
  for (const { a, b, sameUrl } of links) {
    const ra = find(parent, a);
    const rb = find(parent, b);
    if (ra === rb) continue;
    const left = members.get(ra)!;
    const right = members.get(rb)!;
    if (!sameUrl && !canMerge(sourceIds, compact, left, right)) continue;
    const [keep, drop] = ra < rb ? [ra, rb] : [rb, ra];
    parent[drop] = keep;
    members.set(keep, [...left, ...right]);
    members.delete(drop);
  }

  return [...members.values()]
    .map((group) => group.sort((x, y) => x - y))
    .sort((x, y) => x[0]! - y[0]!);
}

/** For each id (0 .. size - 1), the stories holding it, in ascending index order. */
function postingsOf(
  compact: readonly CompactFeatures[],
  size: number,
  idsOf: (f: CompactFeatures) => Int32Array,
): (number[] | undefined)[] {
  const postings = new Array<number[] | undefined>(size).fill(undefined);
  for (let i = 0; i < compact.length; i++) {
    const ids = idsOf(compact[i]!);
    for (let k = 0; k < ids.length; k++) {
      const list = postings[ids[k]!];
      if (list) list.push(i);
      else postings[ids[k]!] = [i];
    }
  }
  return postings;
}

function thresholdFor(a: string, b: string): number {
  return a === b ? SAME_SOURCE_THRESHOLD : CLUSTER_THRESHOLD;
}

function canMerge(
  sourceIds: readonly string[],
  compact: readonly CompactFeatures[],
  left: number[],
  right: number[],
): boolean {
  const sources = new Set(left.map((i) => sourceIds[i]!));
  if (right.some((i) => sources.has(sourceIds[i]!))) return false;
  let total = 0;
  for (const i of left) {
    for (const j of right) total += compactSimilarity(compact[i]!, compact[j]!, FACTORS);
  }
  return total / (left.length * right.length) >= CLUSTER_THRESHOLD * AVERAGE_LINK_FACTOR;
}
