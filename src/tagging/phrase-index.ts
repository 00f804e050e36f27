// A word-sequence matcher shared by theme rules and the organisation gazetteer. Text is split into
// words once; each word is looked up in a hash map of first words, so the cost of a scan grows
// with the length of the text, not with the number of phrases (the naive way, one `includes` per
// term, grows with both). Rules:
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
  /** Words after the first, already lower-cased for case-insensitive patterns. */
  rest: string[];
  caseSensitive: boolean;
  payload: P;
}

export interface PhraseIndex<P> {
  readonly insensitive: Map<string, Candidate<P>[]>;
  readonly sensitive: Map<string, Candidate<P>[]>;
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
  const insensitive = new Map<string, Candidate<P>[]>();
  const sensitive = new Map<string, Candidate<P>[]>();
  const insensitiveFirst = new Uint8Array(BIGRAMS);
  const sensitiveFirst = new Uint8Array(BIGRAMS);
  let size = 0;
  const add = (words: string[], caseSensitive: boolean, payload: P) => {
    const keyed = caseSensitive ? words : words.map((w) => w.toLowerCase());
    const [first, ...rest] = keyed;
    if (first === undefined) return;
    const map = caseSensitive ? sensitive : insensitive;
    const list = map.get(first) ?? [];
    list.push({ rest, caseSensitive, payload });
    // Longest first, so the first full match at a position is the longest.
    list.sort((a, b) => b.rest.length - a.rest.length);
    map.set(first, list);
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

/** Every match in `text`, in order of start; at one start, longer patterns come first. */
export function scanPhrases<P>(
  text: string,
  index: PhraseIndex<P>,
  words: Words = splitWords(text),
): PhraseHit<P>[] {
  const hits: PhraseHit<P>[] = [];
  const count = words.starts.length;
  if (count === 0) return hits;
  // Lower-case once; when case mapping changes the length (rare: e.g. "İ"), lower word by word.
  let lowerText = text.toLowerCase();
  let lowerWords: string[] | null = null;
  if (lowerText.length !== text.length) {
    lowerWords = words.starts.map((_, i) => wordAt(text, words, i).toLowerCase());
    lowerText = text;
  }
  const scan: Scan = { text, lowerText, lowerWords, words, count };
  const lower = lowerWords === null ? lowerText : null;
  for (let i = 0; i < count; i++) {
    const start = words.starts[i]!;
    const first = text.charCodeAt(start);
    const second = words.ends[i]! - start > 1 ? text.charCodeAt(start + 1) : -1;
    if (index.sensitiveFirst[bigramOf(first, second)] === 1) {
      const list = index.sensitive.get(wordAt(text, words, i));
      if (list !== undefined) matchCandidates(list, i, scan, hits);
    }
    const lowerBigram =
      lower !== null
        ? bigramOf(lower.charCodeAt(start), second === -1 ? -1 : lower.charCodeAt(start + 1))
        : bigramOf(
            lowerWords![i]!.charCodeAt(0),
            lowerWords![i]!.length > 1 ? lowerWords![i]!.charCodeAt(1) : -1,
          );
    if (index.insensitiveFirst[lowerBigram] === 1 || first === 0x26) {
      const list = index.insensitive.get(lowerWordAt(scan, i));
      if (list !== undefined) matchCandidates(list, i, scan, hits);
    }
  }
  return hits;
}

interface Scan {
  text: string;
  lowerText: string;
  lowerWords: string[] | null;
  words: Words;
  count: number;
}

function lowerWordAt(scan: Scan, i: number): string {
  return scan.lowerWords !== null ? scan.lowerWords[i]! : wordAt(scan.lowerText, scan.words, i);
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
    let ok = true;
    for (let k = 0; k < rest.length; k++) {
      const j = i + 1 + k;
      const word = candidate.caseSensitive
        ? wordAt(scan.text, scan.words, j)
        : lowerWordAt(scan, j);
      if (word !== rest[k]) {
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
