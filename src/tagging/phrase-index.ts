// A word-sequence matcher shared by theme rules and the organisation gazetteer. Text is split into
// words once; each word's hash is looked up in a map of first words (after a two-letter filter),
// and candidates are confirmed with `startsWith` in place, so no word is copied and the cost of a
// scan grows with the length of the text, not with the number of phrases (the naive way, one
// `includes` per term, grows with both). Rules:
// - words are runs of letters and digits; "&" reads as the word "and";
// - a possessive "'s" (straight or curly apostrophe) is dropped, so "Lord Carter's review" reads
//   as "lord carter review" and "junior doctors' contract" as "junior doctors contract";
// - matches always start and end on word boundaries; case-insensitive patterns compare lower-cased
//   words, case-sensitive ones (acronyms) compare the words as written;
// - every pattern that matches fires (overlaps included); callers that want the longest match,
//   like the gazetteer, resolve overlaps themselves.

import {
  BIGRAMS,
  HASH_MASK,
  HASH_SLOTS,
  PAIR_SLOTS,
  ROOT_ENDS,
  ROOT_STARTS,
  SENSITIVE_ROOT,
  bigramOf,
  hashRange,
  pairSlot,
  type PhraseHit,
  type PhraseIndex,
  type TrieNode,
  WordLevel,
} from './phrase-trie.js';
import { scanTable } from './scan-table.js';
import { splitWords, type Words } from './split-words.js';
import { hashWord, lowerCode, tableWords } from './word-table.js';

export { splitWords, type PhraseHit, type PhraseIndex, type Words };

export interface PhrasePattern<P> {
  /** Written form, e.g. "sustainability and transformation plan" or "STP". */
  text: string;
  caseSensitive: boolean;
  /** Also accept a plural of the last word ("plans", "STPs"). */
  plural: boolean;
  payload: P;
}

function wordAt(text: string, words: Words, i: number): string {
  const start = words.starts[i]!;
  const end = words.ends[i]!;
  return end - start === 1 && text.charCodeAt(start) === 0x26 ? 'and' : text.slice(start, end);
}

function wordsOf(text: string): string[] {
  const words = splitWords(text);
  return words.starts.map((_, i) => wordAt(text, words, i));
}

function pluralOf(word: string, caseSensitive: boolean): string[] {
  const last = word.charAt(word.length - 1);
  if (caseSensitive && /^[A-Z0-9]+$/.test(word)) return [`${word}s`];
  const lower = last.toLowerCase();
  if (lower === 's' || lower === 'x' || word.toLowerCase().endsWith('ch')) return [`${word}es`];
  if (lower === 'y' && word.length > 2 && !/[aeiou]y$/i.test(word)) {
    return [`${word.slice(0, -1)}ies`, `${word}s`];
  }
  return [`${word}s`];
}

export function compilePhraseIndex<P>(patterns: readonly PhrasePattern<P>[]): PhraseIndex<P> {
  const insensitive = new WordLevel<P>();
  const sensitive = new WordLevel<P>();
  const insensitiveFirst = new Uint8Array(BIGRAMS);
  const sensitiveFirst = new Uint8Array(BIGRAMS);
  const insensitiveHashes = new Uint8Array(HASH_SLOTS);
  const sensitiveHashes = new Uint8Array(HASH_SLOTS);
  const insensitivePairs = new Uint8Array(PAIR_SLOTS);
  const rootFlags = new Uint8Array(HASH_SLOTS);
  let size = 0;
  const add = (words: string[], caseSensitive: boolean, payload: P) => {
    const keyed = caseSensitive ? words : words.map((w) => w.toLowerCase());
    const first = keyed[0];
    if (first === undefined) return;
    let node = childOf(caseSensitive ? sensitive : insensitive, first);
    for (let k = 1; k < keyed.length; k++)
      node = childOf((node.next ??= new WordLevel()), keyed[k]!);
    node.payloads.push(payload);
    const second = first.length > 1 ? first.charCodeAt(1) : -1;
    (caseSensitive ? sensitiveFirst : insensitiveFirst)[bigramOf(first.charCodeAt(0), second)] = 1;
    (caseSensitive ? sensitiveHashes : insensitiveHashes)[hashString(first) & HASH_MASK] = 1;
    if (!caseSensitive) {
      const slot = hashString(first) & HASH_MASK;
      rootFlags[slot]! |= ROOT_STARTS;
      if (keyed.length === 1) rootFlags[slot]! |= ROOT_ENDS;
      else insensitivePairs[pairSlot(hashString(first), hashString(keyed[1]!))] = 1;
    } else {
      rootFlags[hashWord(lowerUnits(first)) & HASH_MASK]! |= SENSITIVE_ROOT;
    }
    size++;
  };
  for (const pattern of patterns) {
    const words = wordsOf(pattern.text);
    if (words.length === 0) continue;
    add(words, pattern.caseSensitive, pattern.payload);
    if (pattern.plural) {
      for (const form of pluralOf(words[words.length - 1]!, pattern.caseSensitive)) {
        add([...words.slice(0, -1), form], pattern.caseSensitive, pattern.payload);
      }
    }
  }
  return {
    insensitive,
    sensitive,
    insensitiveFirst,
    sensitiveFirst,
    insensitiveHashes,
    sensitiveHashes,
    insensitivePairs,
    rootFlags,
    size,
  };
}

/** `word` lower-cased code unit by code unit, as word-table.ts hashes words ("&": "and"). */
function lowerUnits(word: string): string {
  if (word === '&') return 'and';
  let out = '';
  for (let k = 0; k < word.length; k++) out += String.fromCharCode(lowerCode(word.charCodeAt(k)));
  return out;
}

function childOf<P>(level: WordLevel<P>, word: string): TrieNode<P> {
  const key = hashString(word);
  const nodes = level.get(key) ?? [];
  let node = nodes.find((n) => n.word === word);
  if (node === undefined) {
    node = { word, payloads: [], next: null };
    nodes.push(node);
    level.set(key, nodes);
  }
  return node;
}

function hashString(word: string): number {
  return hashRange(word, 0, word.length);
}

const AND_HASH = hashString('and');

/**
 * Lower case with every code unit kept in place, so offsets in the result match the original
 * (String#toLowerCase can change the length, e.g. for "İ").
 */
function lowerInPlace(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const l = text.charAt(i).toLowerCase();
    out += l.length === 1 ? l : text.charAt(i);
  }
  return out;
}

interface Scan {
  text: string;
  lower: string;
  words: Words;
  count: number;
}

/** Does word `i` of the scan equal `word` (lower-cased form unless case-sensitive)? */
function wordEquals(scan: Scan, i: number, word: string, caseSensitive: boolean): boolean {
  const start = scan.words.starts[i]!;
  const length = scan.words.ends[i]! - start;
  if (length === 1 && scan.text.charCodeAt(start) === 0x26) return word === 'and';
  return length === word.length && (caseSensitive ? scan.text : scan.lower).startsWith(word, start);
}

/** Every match in `text`, in order of start; at one start, longer patterns come first. */
export function scanPhrases<P>(text: string, index: PhraseIndex<P>, given?: Words): PhraseHit<P>[] {
  // The fast path needs no words from the caller; given words (or a text whose lower case needs
  // the whole text, see word-table.ts) take the exact path below.
  const table = given === undefined ? tableWords(text) : null;
  if (table !== null) return scanTable(text, table, index);
  const words = given ?? splitWords(text);
  const hits: PhraseHit<P>[] = [];
  const count = words.starts.length;
  if (count === 0) return hits;
  const lower = lowerInPlace(text);
  const scan: Scan = { text, lower, words, count };
  for (let i = 0; i < count; i++) {
    const start = words.starts[i]!;
    const end = words.ends[i]!;
    const first = text.charCodeAt(start);
    const ampersand = first === 0x26 && end - start === 1;
    const second = end - start > 1 ? text.charCodeAt(start + 1) : -1;
    if (!ampersand && index.sensitiveFirst[bigramOf(first, second)] === 1) {
      matchFrom(index.sensitive, index.sensitiveHashes, i, scan, true, hits);
    }
    const lowerSecond = second === -1 ? -1 : lower.charCodeAt(start + 1);
    if (ampersand || index.insensitiveFirst[bigramOf(lower.charCodeAt(start), lowerSecond)] === 1) {
      matchFrom(index.insensitive, index.insensitiveHashes, i, scan, false, hits);
    }
  }
  return hits;
}

/** The trie node for word `i` of the scan among `level`'s nodes, or null. */
function nodeFor<P>(
  level: WordLevel<P>,
  i: number,
  scan: Scan,
  caseSensitive: boolean,
  filter: Uint8Array | null,
): TrieNode<P> | null {
  const start = scan.words.starts[i]!;
  const end = scan.words.ends[i]!;
  const ampersand = end - start === 1 && scan.text.charCodeAt(start) === 0x26;
  const key = ampersand ? AND_HASH : hashRange(caseSensitive ? scan.text : scan.lower, start, end);
  if (filter !== null && filter[key & HASH_MASK] === 0) return null;
  const nodes = level.get(key);
  if (nodes === undefined) return null;
  for (const node of nodes) if (wordEquals(scan, i, node.word, caseSensitive)) return node;
  return null;
}

/** Hits starting at word `i`: the longest first, equal lengths in compile order. */
function matchFrom<P>(
  roots: WordLevel<P>,
  filter: Uint8Array,
  i: number,
  scan: Scan,
  caseSensitive: boolean,
  hits: PhraseHit<P>[],
): void {
  let node = nodeFor(roots, i, scan, caseSensitive, filter);
  if (node === null) return;
  // Nodes with patterns ending there, shortest first, and the word each ends at.
  let ending: { node: TrieNode<P>; last: number }[] | null = null;
  let last = i;
  while (node !== null) {
    if (node.payloads.length > 0) (ending ??= []).push({ node, last });
    if (node.next === null || last + 1 >= scan.count) break;
    last++;
    node = nodeFor(node.next, last, scan, caseSensitive, null);
  }
  if (ending === null) return;
  const start = scan.words.starts[i]!;
  for (let k = ending.length - 1; k >= 0; k--) {
    const end = scan.words.ends[ending[k]!.last]!;
    for (const payload of ending[k]!.node.payloads) hits.push({ start, end, payload });
  }
}
