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
    // Fold the whole title once: normalize() per word costs more than the rest of the check.
    const folded = foldWord(text).match(WORD) ?? [];
    for (const stem of stems) {
      if (!folded.some((w) => w === stem || (stem.length >= 4 && w.startsWith(stem)))) return false;
    }
    for (const start of starts) {
      if (!folded.some((w) => w.startsWith(start))) return false;
    }
    return true;
  };
}

function matches(word: string, needles: SnippetNeedles): boolean {
  const folded = foldWord(word);
  for (const stem of needles.exact) {
    if (folded === stem || (stem.length >= 4 && folded.startsWith(stem))) return true;
  }
  return needles.prefixes.some((p) => folded.startsWith(p));
}

/**
 * A window of about `maxWords` words around the first match in the first text that has one,
 * with "…" where text was cut; null when no text matches.
 */
export function makeSnippet(
  texts: readonly string[],
  needles: SnippetNeedles,
  maxWords = 24,
): string | null {
  for (const text of texts) {
    const words = [...text.matchAll(WORD)];
    const hit = words.findIndex((w) => matches(w[0], needles));
    if (hit === -1) continue;
    const first = Math.max(0, Math.min(hit - Math.floor(maxWords / 3), words.length - maxWords));
    const last = Math.min(words.length - 1, first + maxWords - 1);
    const start = first === 0 ? 0 : words[first]!.index;
    const end =
      last === words.length - 1 ? text.length : words[last]!.index + words[last]![0].length;
    return `${start > 0 ? '…' : ''}${text.slice(start, end).trim()}${end < text.length ? '…' : ''}`;
  }
  return null;
}
