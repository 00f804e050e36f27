// Story features as sorted integer arrays, for clustering a whole week (issue 18). Clustering
// compares thousands of candidate pairs, and each comparison counted shared words by hashing
// strings into Sets; here every word, number and organisation gets a small integer once per
// week, so a comparison is a merge walk over short sorted arrays. Pure.
// compactSimilarity gives exactly what similarity (cluster-stories.ts) gives for the same two
// stories: the same counts in the same arithmetic, so clustering is unchanged (test/digest/
// compact-features.test.ts holds them equal on the labelled fixtures and a generated week).
import {
  contentWords,
  distinctiveNumbers,
  normaliseUrl,
  type StoryFeatures,
} from './story-features.js';

export interface CompactFeatures {
  title: Int32Array;
  body: Int32Array;
  numbers: Int32Array;
  sums: Int32Array;
  organisations: Int32Array;
  url: string | null;
}

/** Similarity factors: the same constants as cluster-stories.ts, passed in to avoid a cycle. */
export interface SimilarityFactors {
  number: number;
  conflict: number;
}

/** Every story's features with one shared numbering of words, numbers and organisations. */
export function compactFeatures(items: readonly StoryFeatures[]): CompactFeatures[] {
  return numberFeatures(items).features;
}

/** A week's features with one numbering; what numberFeatures and describeWeek return. */
export interface NumberedFeatures {
  features: CompactFeatures[];
  /** How many word ids were given (0 .. wordCount - 1). */
  wordCount: number;
  /** How many number ids were given (numbers and sums share one numbering). */
  numberCount: number;
}

/** The id of `value` in `known`, giving it the next one when new. */
function idOf(value: string, known: Map<string, number>): number {
  let id = known.get(value);
  if (id === undefined) known.set(value, (id = known.size));
  return id;
}

/**
 * compactFeatures, and how many word and number ids were given. Words, numbers and
 * organisations are numbered apart (each is only ever compared with its own kind), which spares
 * building a prefixed key string per value.
 */
export function numberFeatures(items: readonly StoryFeatures[]): NumberedFeatures {
  const words = new Map<string, number>();
  const numbers = new Map<string, number>();
  const organisations = new Map<string, number>();
  const toIds = (values: ReadonlySet<string>, ids: Map<string, number>): Int32Array => {
    const out = new Int32Array(values.size);
    let k = 0;
    for (const value of values) out[k++] = idOf(value, ids);
    return out.sort();
  };
  const features = items.map((f) => ({
    // Title words are body words too (describeStory): one numbering for both.
    title: toIds(f.title, words),
    body: toIds(f.body, words),
    numbers: toIds(f.numbers, numbers),
    sums: toIds(f.sums, numbers),
    organisations: toIds(f.organisations, organisations),
    url: f.url,
  }));
  return { features, wordCount: words.size, numberCount: numbers.size };
}

/** What describeWeek reads of a story: what describeStory reads. */
export interface DescribedStory {
  title: string;
  summary: string;
  url: string | null;
  entities?: { organisations: readonly { id: string; kind: string }[] };
}

/**
 * numberFeatures(stories.map(describeStory)) without the string Sets in between: each story's
 * words, numbers and organisations go straight to the week's integer ids, each id once per
 * story (a stamp per id tells a repeat). The same values as describeStory's Sets (the same
 * contentWords, distinctiveNumbers and normaliseUrl), numbered in another order, which
 * clustering never depends on (it compares ids for equality only). The digest describes a
 * 2,400-story week this way: the Sets and their second numbering were about half the cost of
 * describing it (issue 18).
 */
export function describeWeek(stories: readonly DescribedStory[]): NumberedFeatures {
  const words = new Map<string, number>();
  const numbers = new Map<string, number>();
  const organisations = new Map<string, number>();
  // stamp[id] === story index + 1: the id is already in that story's list.
  let wordStamps = new Int32Array(1024);
  let numberStamps = new Int32Array(64);
  const orgStamps: number[] = [];
  const ids: number[] = [];
  const sums: number[] = [];
  const features: CompactFeatures[] = new Array<CompactFeatures>(stories.length);
  /** Appends to `ids` each word id of `text` not yet in this story's list. */
  const addWordIds = (text: string, stamp: number): void => {
    const found = contentWords(text);
    for (let k = 0; k < found.length; k++) {
      const id = idOf(found[k]!, words);
      if (id >= wordStamps.length) wordStamps = grown(wordStamps, id);
      if (wordStamps[id] === stamp) continue;
      wordStamps[id] = stamp;
      ids.push(id);
    }
  };
  for (let i = 0; i < stories.length; i++) {
    const story = stories[i]!;
    const stamp = i + 1;
    ids.length = 0;
    addWordIds(story.title, stamp);
    const title = Int32Array.from(ids).sort();
    // The body's words are the title's and then the summary's: `ids` keeps the title's.
    addWordIds(story.summary, stamp);
    const body = Int32Array.from(ids).sort();
    ids.length = 0;
    sums.length = 0;
    const found = distinctiveNumbers(`${story.title} ${story.summary}`);
    for (let k = 0; k < found.length; k++) {
      const value = found[k]!;
      const id = idOf(value, numbers);
      if (id >= numberStamps.length) numberStamps = grown(numberStamps, id);
      if (numberStamps[id] === stamp) continue;
      numberStamps[id] = stamp;
      ids.push(id);
      const c = value.charCodeAt(0);
      if (c === 0xa3 || c === 0x24 || c === 0x20ac) sums.push(id); // £ $ €
    }
    const numberIds = Int32Array.from(ids).sort();
    const sumIds = Int32Array.from(sums).sort();
    ids.length = 0;
    for (const o of story.entities?.organisations ?? []) {
      if (o.kind === 'national') continue;
      const id = idOf(o.id, organisations);
      if (orgStamps[id] === stamp) continue;
      orgStamps[id] = stamp;
      ids.push(id);
    }
    features[i] = {
      title,
      body,
      numbers: numberIds,
      sums: sumIds,
      organisations: Int32Array.from(ids).sort(),
      url: normaliseUrl(story.url),
    };
  }
  return { features, wordCount: words.size, numberCount: numbers.size };
}

/** A copy of `stamps` long enough to hold index `id`. */
function grown(stamps: Int32Array<ArrayBuffer>, id: number): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(Math.max(stamps.length * 2, id + 1));
  bigger.set(stamps);
  return bigger;
}

/** How many values two sorted arrays share (each array holds a value at most once). */
function sharedCount(a: Int32Array, b: Int32Array): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return shared;
}

function disagree(a: Int32Array, b: Int32Array): boolean {
  return a.length > 0 && b.length > 0 && sharedCount(a, b) === 0;
}

/** similarity (cluster-stories.ts) over compact features: the same value, computed faster. */
export function compactSimilarity(
  a: CompactFeatures,
  b: CompactFeatures,
  factors: SimilarityFactors,
): number {
  if (a.url !== null && a.url === b.url) return 1;
  const titles = a.title.length === 0 || b.title.length === 0 ? 0 : sharedCount(a.title, b.title);
  const bodies = a.body.length === 0 || b.body.length === 0 ? 0 : sharedCount(a.body, b.body);
  return scoreFrom(a, b, titles, bodies, factors);
}

/** Marks of one story's words for markedSimilarity: bit 1 a body word, bit 2 a title word. */
export function markWords(marks: Uint8Array, a: CompactFeatures, on: boolean): void {
  const value = on ? 1 : 0;
  for (let k = 0; k < a.body.length; k++) marks[a.body[k]!] = value;
  if (on) for (let k = 0; k < a.title.length; k++) marks[a.title[k]!] = 3;
}

/**
 * compactSimilarity(a, b) with `a`'s words marked (markWords): the shared words are counted by
 * looking b's words up, not by a merge walk. Clustering compares one story with each of its
 * candidates in turn (tens of thousands of pairs a week), so a's marks are set once for all.
 */
export function markedSimilarity(
  marks: Uint8Array,
  a: CompactFeatures,
  b: CompactFeatures,
  factors: SimilarityFactors,
): number {
  if (a.url !== null && a.url === b.url) return 1;
  const title = b.title;
  const body = b.body;
  let titles = 0;
  for (let k = 0; k < title.length; k++) titles += marks[title[k]!]! >> 1;
  let bodies = 0;
  for (let k = 0; k < body.length; k++) bodies += marks[body[k]!]! & 1;
  return scoreFrom(a, b, titles, bodies, factors);
}

/** The similarity from the shared title and body word counts (the same arithmetic for both). */
function scoreFrom(
  a: CompactFeatures,
  b: CompactFeatures,
  titles: number,
  bodies: number,
  factors: SimilarityFactors,
): number {
  const headline =
    a.title.length === 0 || b.title.length === 0
      ? 0
      : titles / Math.max(3, Math.min(a.title.length, b.title.length));
  let jaccard = 0;
  if (a.body.length > 0 && b.body.length > 0) {
    jaccard = bodies / (a.body.length + b.body.length - bodies);
  }
  let score = (headline + jaccard) / 2;
  if (sharedCount(a.numbers, b.numbers) > 0) score *= factors.number;
  else if (disagree(a.sums, b.sums)) score *= factors.conflict;
  if (disagree(a.organisations, b.organisations)) score *= factors.conflict;
  return score;
}
