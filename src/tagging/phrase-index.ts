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

export interface PhrasePattern<P> {
  /** Written form, e.g. "sustainability and transformation plan" or "STP". */
  text: string;
  caseSensitive: boolean;
  /** Also accept a plural of the last word ("plans", "STPs"). */
  plural: boolean;
  payload: P;
}

export interface PhraseHit<P> {
  start: number;
  end: number;
  payload: P;
}

interface Candidate<P> {
  /** First word, lower-cased for case-insensitive patterns. */
  first: string;
  /** Words after the first, lower-cased likewise. */
  rest: string[];
  caseSensitive: boolean;
  payload: P;
}

export interface PhraseIndex<P> {
  /** Hash of the first word (see hashWord) -> candidates, longest first. */
  readonly insensitive: Map<number, Candidate<P>[]>;
  readonly sensitive: Map<number, Candidate<P>[]>;
  /** First two char codes of keys (see bigramOf), to skip most words without slicing them. */
  readonly insensitiveFirst: Uint8Array;
  readonly sensitiveFirst: Uint8Array;
  readonly size: number;
}

/** The words of a text as offsets (end exclusive). */
export interface Words {
  starts: number[];
  ends: number[];
}

const APOSTROPHES = new Set([0x27, 0x2019, 0x2018]);

/** 1 for ASCII letters and digits: a table lookup is the hot path of every scan. */
const ASCII_WORD = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  ASCII_WORD[c] = /[A-Za-z0-9]/.test(String.fromCharCode(c)) ? 1 : 0;
}

function isWordCode(code: number): boolean {
  return code < 0x80 ? ASCII_WORD[code] === 1 : isUnicodeWordCode(code);
}

const UNICODE_WORD = /[\p{L}\p{N}\p{M}]/u;
function isUnicodeWordCode(code: number): boolean {
  // Surrogate halves belong to letters outside the BMP often enough; treat them as word parts.
  if (code >= 0xd800 && code <= 0xdfff) return true;
  return UNICODE_WORD.test(String.fromCharCode(code));
}

/** Splits text into words (see the header for the rules). "&" becomes a one-char word. */
export function splitWords(text: string): Words {
  const starts: number[] = [];
  const ends: number[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const code = text.charCodeAt(i);
    if (code < 0x80 ? ASCII_WORD[code] === 0 : !isUnicodeWordCode(code)) {
      if (code === 0x26) {
        starts.push(i);
        ends.push(i + 1);
      }
      i++;
      continue;
    }
    const start = i;
    i++;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c < 0x80 ? ASCII_WORD[c] === 0 : !isUnicodeWordCode(c)) break;
      i++;
    }
    starts.push(start);
    ends.push(i);
    // Possessive 's: skip it so it is neither a word nor part of one.
    if (
      i + 1 < n &&
      APOSTROPHES.has(text.charCodeAt(i)) &&
      (text.charCodeAt(i + 1) | 0x20) === 0x73 &&
      (i + 2 >= n || !isWordCode(text.charCodeAt(i + 2)))
    ) {
      i += 2;
    }
  }
  return { starts, ends };
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

/** 128 x 129 slots: (first char, second char or "none"), non-ASCII folded into slot 127. */
const BIGRAMS = 128 * 129;
function bigramOf(first: number, second: number): number {
  const a = first < 128 ? first : 127;
  const b = second < 0 ? 128 : second < 128 ? second : 127;
  return a * 129 + b;
}

export function compilePhraseIndex<P>(patterns: readonly PhrasePattern<P>[]): PhraseIndex<P> {
  const insensitive = new Map<number, Candidate<P>[]>();
  const sensitive = new Map<number, Candidate<P>[]>();
  const insensitiveFirst = new Uint8Array(BIGRAMS);
  const sensitiveFirst = new Uint8Array(BIGRAMS);
  let size = 0;
  const add = (words: string[], caseSensitive: boolean, payload: P) => {
    const keyed = caseSensitive ? words : words.map((w) => w.toLowerCase());
    const [first, ...rest] = keyed;
    if (first === undefined) return;
    const map = caseSensitive ? sensitive : insensitive;
    const key = hashString(first);
    const list = map.get(key) ?? [];
    list.push({ first, rest, caseSensitive, payload });
    // Longest first, so the first full match at a position is the longest.
    list.sort((a, b) => b.rest.length - a.rest.length);
    map.set(key, list);
    const second = first.length > 1 ? first.charCodeAt(1) : -1;
    (caseSensitive ? sensitiveFirst : insensitiveFirst)[bigramOf(first.charCodeAt(0), second)] = 1;
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
  return { insensitive, sensitive, insensitiveFirst, sensitiveFirst, size };
}

/** FNV-1a over UTF-16 code units, kept in small-integer range. */
function hashRange(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h & 0x3fffffff;
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
export function scanPhrases<P>(
  text: string,
  index: PhraseIndex<P>,
  words: Words = splitWords(text),
): PhraseHit<P>[] {
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
      const list = index.sensitive.get(hashRange(text, start, end));
      if (list !== undefined) matchCandidates(list, i, scan, hits);
    }
    const lowerSecond = second === -1 ? -1 : lower.charCodeAt(start + 1);
    if (ampersand || index.insensitiveFirst[bigramOf(lower.charCodeAt(start), lowerSecond)] === 1) {
      const list = index.insensitive.get(ampersand ? AND_HASH : hashRange(lower, start, end));
      if (list !== undefined) matchCandidates(list, i, scan, hits);
    }
  }
  return hits;
}

function matchCandidates<P>(
  list: Candidate<P>[],
  i: number,
  scan: Scan,
  hits: PhraseHit<P>[],
): void {
  for (const candidate of list) {
    const rest = candidate.rest;
    if (i + rest.length >= scan.count) continue;
    if (!wordEquals(scan, i, candidate.first, candidate.caseSensitive)) continue;
    let ok = true;
    for (let k = 0; k < rest.length; k++) {
      if (!wordEquals(scan, i + 1 + k, rest[k]!, candidate.caseSensitive)) {
        ok = false;
        break;
      }
    }
    if (ok) {
      hits.push({
        start: scan.words.starts[i]!,
        end: scan.words.ends[i + rest.length]!,
        payload: candidate.payload,
      });
    }
  }
}
