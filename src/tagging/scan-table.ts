// The phrase matcher's fast path (issue 18): walks the word trie over a word table (word-table.ts:
// words and their hashes from one pass), so the text is neither lower-cased as a whole nor split
// into arrays per call. Hits, and their order, are exactly phrase-index.ts's slow path: by start;
// at one start case-sensitive patterns first, then case-insensitive; each longest first, equal
// lengths in compile order. Pure apart from the shared word table.
import {
  HASH_MASK,
  ROOT_ENDS,
  ROOT_STARTS,
  SENSITIVE_ROOT,
  bigramOf,
  pairSlot,
  type PhraseHit,
  type PhraseIndex,
  type TrieNode,
  type WordLevel,
} from './phrase-trie.js';
import { AND_HASH, type WordTable } from './word-table.js';

/**
 * FNV-1a, as phrase-trie.ts's hashRange: the two must agree (test/tagging/scan-fast-path.test.ts
 * finds acronyms both ways).
 */
const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;
const HASH_BITS = 0x3fffffff;

/**
 * Does word `i` equal the trie word `word` (lower-cased per code unit unless case-sensitive)?
 * Reads the table's copies of the text (raw, or lower-cased at word units), not the string.
 */
function wordEquals(table: WordTable, i: number, word: string, caseSensitive: boolean): boolean {
  const start = table.starts[i]!;
  const length = table.ends[i]! - start;
  const raw = table.raw;
  if (length === 1 && raw[start] === 0x26) return word === 'and';
  if (length !== word.length) return false;
  const units = caseSensitive ? raw : table.folded;
  for (let k = 0; k < length; k++) if (units[start + k] !== word.charCodeAt(k)) return false;
  return true;
}

function isAmpersand(table: WordTable, i: number): boolean {
  return table.ends[i]! - table.starts[i]! === 1 && table.raw[table.starts[i]!] === 0x26;
}

/** The hash of word `i` as written ("&": of "and", as the slow path keys it). */
function rawHash(table: WordTable, i: number): number {
  if (isAmpersand(table, i)) return AND_HASH;
  const raw = table.raw;
  const end = table.ends[i]!;
  let h = FNV_OFFSET;
  for (let k = table.starts[i]!; k < end; k++) h = Math.imul(h ^ raw[k]!, FNV_PRIME);
  return h & HASH_BITS;
}

function nodeFor<P>(
  level: WordLevel<P>,
  table: WordTable,
  i: number,
  caseSensitive: boolean,
): TrieNode<P> | null {
  const key = caseSensitive ? rawHash(table, i) : table.lower[i]!;
  const nodes = level.get(key);
  if (nodes === undefined) return null;
  for (let k = 0; k < nodes.length; k++) {
    const node = nodes[k]!;
    if (wordEquals(table, i, node.word, caseSensitive)) return node;
  }
  return null;
}

const ENDING_NODES: (TrieNode<unknown> | null)[] = [];
const ENDING_LASTS: number[] = [];

/** Hits starting at word `i`: the longest first, equal lengths in compile order. */
function matchFrom<P>(
  roots: WordLevel<P>,
  table: WordTable,
  i: number,
  caseSensitive: boolean,
  pairs: Uint8Array | null,
  hits: HitSink<P>,
): void {
  let node = nodeFor(roots, table, i, caseSensitive);
  if (node === null) return;
  // A single-word match with nothing longer is the usual case: no list of endings for it. So is
  // a root whose longer patterns cannot go on with the next word (`pairs` says, when given).
  if (
    node.next === null ||
    i + 1 >= table.count ||
    (pairs !== null && pairs[pairSlot(table.lower[i]!, table.lower[i + 1]!)] === 0)
  ) {
    const end = table.ends[i]!;
    for (const payload of node.payloads) hits.add(table.starts[i]!, end, payload);
    return;
  }
  // Nodes with patterns ending there, shortest first, and the word each ends at: reused arrays
  // (a walk never starts another), so a walk allocates nothing but its hits.
  let endings = 0;
  let last = i;
  while (node !== null) {
    if (node.payloads.length > 0) {
      ENDING_NODES[endings] = node;
      ENDING_LASTS[endings] = last;
      endings++;
    }
    if (node.next === null || last + 1 >= table.count) break;
    last++;
    node = nodeFor(node.next, table, last, caseSensitive);
  }
  const start = table.starts[i]!;
  for (let k = endings - 1; k >= 0; k--) {
    const end = table.ends[ENDING_LASTS[k]!]!;
    const payloads = (ENDING_NODES[k] as TrieNode<P>).payloads;
    for (const payload of payloads) hits.add(start, end, payload);
    ENDING_NODES[k] = null;
  }
}

/** Where a scan puts its hits: a list of objects, or a caller's own buffers (scan-story.ts). */
export interface HitSink<P> {
  add(start: number, end: number, payload: P): void;
}

class HitList<P> implements HitSink<P> {
  readonly hits: PhraseHit<P>[] = [];
  add(start: number, end: number, payload: P): void {
    this.hits.push({ start, end, payload });
  }
}

/** Every match of `index` over the words of `table` (built from `text`), as scanPhrases gives. */
export function scanTable<P>(
  text: string,
  table: WordTable,
  index: PhraseIndex<P>,
): PhraseHit<P>[] {
  const list = new HitList<P>();
  scanTableInto(text, table, index, list);
  return list.hits;
}

/** scanTable's hits, in the same order, handed to `hits` one by one. */
export function scanTableInto<P>(
  _text: string,
  table: WordTable,
  index: PhraseIndex<P>,
  hits: HitSink<P>,
): void {
  const count = table.count;
  const raw = table.raw;
  const rootFlags = index.rootFlags;
  for (let i = 0; i < count; i++) {
    // One load screens the word for both kinds of root (most words are neither). Case-sensitive
    // first words (few: acronyms) are then screened by their first two letters and their hash
    // as written, as on the slow path; "&" never starts one.
    const lower = table.lower[i]!;
    const flags = rootFlags[lower & HASH_MASK]!;
    if (flags === 0) continue;
    if ((flags & SENSITIVE_ROOT) !== 0) {
      const start = table.starts[i]!;
      const length = table.ends[i]! - start;
      const first = raw[start]!;
      if (
        index.sensitiveFirst[bigramOf(first, length > 1 ? raw[start + 1]! : -1)] === 1 &&
        !(first === 0x26 && length === 1) &&
        index.sensitiveHashes[rawHash(table, i) & HASH_MASK] === 1
      ) {
        matchFrom(index.sensitive, table, i, true, null, hits);
      }
    }
    // A walk from a root word that ends no pattern itself ("the", "care", "health") finds
    // something only if a pattern goes on with the next word: the pair filter says when one
    // cannot, so most such walks are never started (issue 18, tag5).
    if (
      (flags & ROOT_STARTS) !== 0 &&
      ((flags & ROOT_ENDS) !== 0 ||
        (i + 1 < count && index.insensitivePairs[pairSlot(lower, table.lower[i + 1]!)] === 1))
    ) {
      matchFrom(index.insensitive, table, i, false, index.insensitivePairs, hits);
    }
  }
}
