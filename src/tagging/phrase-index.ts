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
  /** First char codes of keys, to skip most words without slicing them. */
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

function isWordCode(code: number): boolean {
  if (code < 0x80) {
    return (
      (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39)
    );
  }
  return isUnicodeWordCode(code);
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
    if (code === 0x26) {
      starts.push(i);
      ends.push(i + 1);
      i++;
      continue;
    }
    if (!isWordCode(code)) {
      i++;
      continue;
    }
    const start = i;
    i++;
    while (i < n && isWordCode(text.charCodeAt(i))) i++;
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

export function compilePhraseIndex<P>(patterns: readonly PhrasePattern<P>[]): PhraseIndex<P> {
  const insensitive = new Map<string, Candidate<P>[]>();
  const sensitive = new Map<string, Candidate<P>[]>();
  const insensitiveFirst = new Uint8Array(128);
  const sensitiveFirst = new Uint8Array(128);
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
    const code = first.charCodeAt(0);
    (caseSensitive ? sensitiveFirst : insensitiveFirst)[code < 128 ? code : 0] = 1;
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
  const lowerText = text.toLowerCase();
  const aligned = lowerText.length === text.length;
  const lowerWords: (string | undefined)[] = new Array<string | undefined>(count);
  const lowerAt = (i: number): string => {
    let w = lowerWords[i];
    if (w === undefined) {
      w = aligned ? wordAt(lowerText, words, i) : wordAt(text, words, i).toLowerCase();
      lowerWords[i] = w;
    }
    return w;
  };
  for (let i = 0; i < count; i++) {
    const first = text.charCodeAt(words.starts[i]!);
    const lowerFirst = first >= 0x41 && first <= 0x5a ? first | 0x20 : first;
    if (index.insensitiveFirst[lowerFirst < 128 ? lowerFirst : 0] === 1 || first === 0x26) {
      const list = index.insensitive.get(lowerAt(i));
      if (list) matchCandidates(list, i, words, count, lowerAt, (j) => wordAt(text, words, j), hits);
    }
    if (index.sensitiveFirst[first < 128 ? first : 0] === 1) {
      const list = index.sensitive.get(wordAt(text, words, i));
      if (list) matchCandidates(list, i, words, count, lowerAt, (j) => wordAt(text, words, j), hits);
    }
  }
  return hits;
}

function matchCandidates<P>(
  list: Candidate<P>[],
  i: number,
  words: Words,
  count: number,
  lowerAt: (i: number) => string,
  rawAt: (i: number) => string,
  hits: PhraseHit<P>[],
): void {
  for (const candidate of list) {
    const rest = candidate.rest;
    if (i + rest.length >= count) continue;
    let ok = true;
    for (let k = 0; k < rest.length; k++) {
      const word = candidate.caseSensitive ? rawAt(i + 1 + k) : lowerAt(i + 1 + k);
      if (word !== rest[k]) {
        ok = false;
        break;
      }
    }
    if (ok) {
      hits.push({
        start: words.starts[i]!,
        end: words.ends[i + rest.length]!,
        payload: candidate.payload,
      });
    }
  }
}
