// Search-result snippets made in JavaScript from the stored text. FTS5's snippet() needs the
// row's position lists, and a MATCH bounded to one rowid still walks the term's whole doclist
// (~1.3 ms a hit for a common word at 100k stories, measured with test/bench/storage.ts), so
// ten snippets cost more than the search. Here: the first word of the summary (else the
// content) that matches a search word, approximately as the porter stemmer would (a shared
// stem of at least four letters), with a window of words around it.

const WORD = /[\p{L}\p{N}]+/gu;

const NON_ASCII = /[^ -~]/;

/** Lower-case without diacritics, as unicode61 remove_diacritics 2 folds text. */
export function foldWord(word: string): string {
  // Printable ASCII (the usual word) has nothing to decompose: normalize() on every word of a 2 KB article was most of the
  // cost of a snippet (a third of a rare-word search at 100k stories).
  if (!NON_ASCII.test(word)) return word.toLowerCase();
  return word.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * Characters whose fold (NFKD, marks removed, lower case) adds or changes no letter or digit:
 * printable ASCII and the punctuation news text carries. A text of only these is folded word
 * for word by toLowerCase(); normalize() on a whole headline with a `£` or a curly quote cost more
 * than the rest of the headline check.
 */
const FOLDS_TO_ITSELF = /^[ -~\t\n\r£€…‘’“”–—•·°×]*$/;
/** unicode61's word characters within printable ASCII: what WORD matches in such a text. */
const ASCII_WORD = /[A-Za-z0-9]+/g;

/** The words of `text` (unicode61's letters and digits), each folded as foldWord folds. */
export function foldedWords(text: string): string[] {
  if (FOLDS_TO_ITSELF.test(text)) return text.toLowerCase().match(ASCII_WORD) ?? [];
  return foldWord(text).match(WORD) ?? [];
}

/** What a text word must start with to count as a match for a search word. */
export function stemOf(word: string): string {
  const folded = foldWord(word);
  return folded.length <= 4 ? folded : folded.slice(0, Math.max(4, folded.length - 3));
}

export interface SnippetNeedles {
  exact: string[];
  prefixes: string[];
}

/** Needles from query words, phrases (each of their words) and prefixes. */
export function snippetNeedles(
  words: readonly string[],
  prefixes: readonly string[],
): SnippetNeedles {
  const exact = new Set<string>();
  for (const text of words) for (const m of text.matchAll(WORD)) exact.add(stemOf(m[0]));
  const starts = new Set<string>();
  for (const text of prefixes) for (const m of text.matchAll(WORD)) starts.add(foldWord(m[0]));
  return { exact: [...exact], prefixes: [...starts] };
}

/**
 * Whether `text` contains every search word (each word of each phrase, each prefix), matched as
 * in makeSnippet: approximate, for ranking headlines first.
 */
export function containsAllWords(
  text: string,
  words: readonly string[],
  prefixes: readonly string[],
): boolean {
  return headlineMatcher(words, prefixes)(text);
}

/**
 * containsAllWords with the search words folded once: search runs it on up to a thousand
 * candidate titles, where stemming the query again for each title cost more than the check.
 */
export function headlineMatcher(
  words: readonly string[],
  prefixes: readonly string[],
): (text: string) => boolean {
  const stems = [...new Set(words.flatMap((p) => [...p.matchAll(WORD)].map((m) => stemOf(m[0]))))];
  const starts = [...new Set(prefixes.map(foldWord))];
  return (text) => {
    if (!mayHoldAll(text, stems, starts)) return false;
    // Fold the whole title once: normalize() per word costs more than the rest of the check.
    const folded = foldedWords(text);
    for (const stem of stems) {
      if (!folded.some((w) => w === stem || (stem.length >= 4 && w.startsWith(stem)))) return false;
    }
    for (const start of starts) {
      if (!folded.some((w) => w.startsWith(start))) return false;
    }
    return true;
  };
}

/** Outside printable ASCII and line breaks (search ranking joins headline and standfirst with one). */
const NON_ASCII_TEXT = /[^\t\n\r -~]/;

/**
 * False when `text` cannot hold every one of `needles` as the start of a word: a printable ASCII
 * text folds to its own lower case, so each needle must then appear in it as a substring. Most
 * candidate headlines lack a search word, and splitting every one of them into words was most of
 * the headline check (up to 251 a search). True (no verdict) for other texts.
 */
export function mayHoldAll(
  text: string,
  needles: readonly string[],
  more: readonly string[] = [],
): boolean {
  if (NON_ASCII_TEXT.test(text)) return true;
  const lower = text.toLowerCase();
  return needles.every((n) => lower.includes(n)) && more.every((n) => lower.includes(n));
}

function matches(folded: string, needles: SnippetNeedles): boolean {
  for (const stem of needles.exact) {
    if (folded === stem || (stem.length >= 4 && folded.startsWith(stem))) return true;
  }
  return needles.prefixes.some((p) => folded.startsWith(p));
}

function holdsAny(text: string, needles: SnippetNeedles): boolean {
  return (
    needles.exact.some((n) => text.includes(n)) || needles.prefixes.some((n) => text.includes(n))
  );
}

/** A letter or digit outside printable ASCII: its word may fold (diacritics), or change length
 * when lower-cased. Without one, `£`, `…` and curly quotes aside, a text is ASCII words. */
const NON_ASCII_WORD_CHAR = /(?=[^ -~])[\p{L}\p{N}]/u;

/**
 * A window of about `maxWords` words around the first match in the first text that has one,
 * with "…" where text was cut; null when no text matches.
 * The scan stops one word past the window: a matching body's words were most of a snippet's
 * cost when all of them were listed first (a third of a common-word search at 1M stories). A
 * text of ASCII words is lower-cased once (same offsets) and scanned with an ASCII word pattern.
 */
export function makeSnippet(
  texts: readonly string[],
  needles: SnippetNeedles,
  maxWords = 24,
): string | null {
  const before = Math.floor(maxWords / 3);
  for (const text of texts) {
    const ascii = !NON_ASCII_WORD_CHAR.test(text);
    const scanned = ascii ? text.toLowerCase() : text;
    // A matching word starts with a needle, so a text of ASCII words holding none has no match.
    if (ascii && !holdsAny(scanned, needles)) continue;
    const starts: number[] = [];
    const ends: number[] = [];
    let hit = -1;
    // matchAll is lazy: breaking off leaves the rest of the text unscanned.
    const found = ascii ? scanned.matchAll(ASCII_WORD) : scanned.matchAll(WORD);
    for (const m of found) {
      starts.push(m.index);
      ends.push(m.index + m[0].length);
      if (hit === -1 && matches(ascii ? m[0] : foldWord(m[0]), needles)) hit = starts.length - 1;
      // Enough words to fill the window after the match, and one more to know text follows.
      if (hit !== -1 && starts.length > Math.max(0, hit - before) + maxWords) break;
    }
    if (hit === -1) continue;
    const count = starts.length;
    const first = Math.max(0, Math.min(hit - before, count - maxWords));
    const last = Math.min(count - 1, first + maxWords - 1);
    const start = first === 0 ? 0 : starts[first]!;
    const end = last === count - 1 ? text.length : ends[last]!;
    return `${start > 0 ? '…' : ''}${text.slice(start, end).trim()}${end < text.length ? '…' : ''}`;
  }
  return null;
}
