// The word trie the phrase matcher walks (phrase-index.ts compiles it; scan-table.ts and
// phrase-index.ts scan with it), the hash table of one trie level, and the word hash both sides
// must agree on.

/**
 * A word of the trie: the patterns ending here and the words that may follow. "NHS" starts 600
 * organisation names; a trie makes each "NHS" one lookup of the next word, not 600 comparisons.
 */
export interface TrieNode<P> {
  /** This word, lower-cased unless the patterns through it are case-sensitive. */
  word: string;
  /** Patterns ending at this word, in the order they were compiled. */
  payloads: P[];
  /** Hash of the next word (see hashRange) -> nodes (more than one only on a hash collision). */
  next: WordLevel<P> | null;
}

export interface PhraseIndex<P> {
  /** Hash of the first word (see hashRange) -> trie roots. */
  readonly insensitive: WordLevel<P>;
  readonly sensitive: WordLevel<P>;
  /** First two char codes of keys (see bigramOf), to skip most words without slicing them. */
  readonly insensitiveFirst: Uint8Array;
  readonly sensitiveFirst: Uint8Array;
  /** Low bits of first-word hashes: most words miss here, before any Map lookup. */
  readonly insensitiveHashes: Uint8Array;
  readonly sensitiveHashes: Uint8Array;
  /** Per pairSlot of (first-word hash, second-word hash) of every insensitive pattern of 2+ words. */
  readonly insensitivePairs: Uint8Array;
  /**
   * Per low bits of a word's lower-cased hash (WordTable.lower): ROOT_STARTS, ROOT_ENDS and
   * SENSITIVE_ROOT, so the table scan screens a word with one load (issue 18, tag6).
   */
  readonly rootFlags: Uint8Array;
  readonly size: number;
}

export interface PhraseHit<P> {
  start: number;
  end: number;
  payload: P;
}

/** 128 x 129 slots: (first char, second char or "none"), non-ASCII folded into slot 127. */
export const BIGRAMS = 128 * 129;
export const HASH_SLOTS = 1 << 16;
export const HASH_MASK = HASH_SLOTS - 1;

/** rootFlags: an insensitive root has this hash (as insensitiveHashes). */
export const ROOT_STARTS = 1;
/**
 * rootFlags: such a root ends a pattern by itself. A root that only opens longer patterns ("the",
 * "care", "health": half of all walks) needs its next word too, which `insensitivePairs` screens
 * (issue 18, tag5).
 */
export const ROOT_ENDS = 2;
/**
 * rootFlags: a case-sensitive root lower-cased code unit by code unit (as word-table.ts does)
 * has this hash. A word equal to the root as written has the same lower case, so the same hash:
 * a word without the flag cannot start a case-sensitive pattern.
 */
export const SENSITIVE_ROOT = 4;

export const PAIR_SLOTS = 1 << 17;
const PAIR_MASK = PAIR_SLOTS - 1;

/** The slot of `insensitivePairs` for two word hashes (see hashRange). */
export function pairSlot(first: number, second: number): number {
  return (Math.imul(first, 0x9e3779b1) ^ second) & PAIR_MASK;
}

export function bigramOf(first: number, second: number): number {
  const a = first < 128 ? first : 127;
  const b = second < 0 ? 128 : second < 128 ? second : 127;
  return a * 129 + b;
}

/** FNV-1a over UTF-16 code units, kept in small-integer range (word-table.ts hashes alike). */
export function hashRange(text: string, start: number, end: number): number {
  let h = 0x811c9dc5 | 0;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h & 0x3fffffff;
}

/**
 * One level of the trie: word hash (see hashRange; never negative) -> nodes, in an open-addressed
 * table of typed keys. A scan asks once per word and once per step down a phrase, and this
 * answers in a probe or two where a Map hashes the number again (issue 18).
 */
export class WordLevel<P> {
  private keys = new Int32Array(4).fill(-1);
  private nodes: (TrieNode<P>[] | undefined)[] = new Array<undefined>(4).fill(undefined);
  private count = 0;

  get size(): number {
    return this.count;
  }

  get(key: number): TrieNode<P>[] | undefined {
    const keys = this.keys;
    const mask = keys.length - 1;
    for (let i = key & mask; ; i = (i + 1) & mask) {
      const found = keys[i]!;
      if (found === key) return this.nodes[i];
      if (found === -1) return undefined;
    }
  }

  set(key: number, nodes: TrieNode<P>[]): void {
    if (this.get(key) === undefined && (this.count + 1) * 2 > this.keys.length) this.grow();
    const mask = this.keys.length - 1;
    let i = key & mask;
    while (this.keys[i] !== -1 && this.keys[i] !== key) i = (i + 1) & mask;
    if (this.keys[i] === -1) this.count++;
    this.keys[i] = key;
    this.nodes[i] = nodes;
  }

  private grow(): void {
    const { keys, nodes } = this;
    this.keys = new Int32Array(keys.length * 2).fill(-1);
    this.nodes = new Array<undefined>(keys.length * 2).fill(undefined);
    this.count = 0;
    for (let i = 0; i < keys.length; i++) if (keys[i] !== -1) this.set(keys[i]!, nodes[i]!);
  }
}
