// Marks the query's words in a result's text for chat answers. Matching is approximate, as the
// porter stemmer matches (a shared start of at least four letters: "contracts" for "contract"),
// on whole words only, so markup never lands inside a word. Pure: the caller escapes each span
// for its platform and wraps the marked ones (Slack `*…*`, Discord `**…**`), so hostile text
// stays escaped exactly as unmarked text is.
import type { SearchPage } from '../domain.js';

export interface TextSpan {
  text: string;
  marked: boolean;
}

const WORD = /[\p{L}\p{N}]+/gu;
/** Words too common to be worth marking when the query holds them. */
const UNMARKED = new Set(['a', 'an', 'and', 'the', 'of', 'in', 'on', 'for', 'to', 'nhs']);

function fold(word: string): string {
  return word.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

function stemOf(word: string): string {
  const folded = fold(word);
  return folded.length <= 4 ? folded : folded.slice(0, Math.max(4, folded.length - 3));
}

export interface HighlightNeedles {
  stems: string[];
  prefixes: string[];
}

/** Needles from the query's words and phrases (each word) and prefixes. */
export function highlightNeedles(
  words: readonly string[],
  prefixes: readonly string[] = [],
): HighlightNeedles {
  const stems = new Set<string>();
  for (const text of words) {
    for (const m of text.matchAll(WORD)) {
      if (!UNMARKED.has(fold(m[0]))) stems.add(stemOf(m[0]));
    }
  }
  const starts = new Set<string>();
  for (const text of prefixes) for (const m of text.matchAll(WORD)) starts.add(fold(m[0]));
  return { stems: [...stems], prefixes: [...starts] };
}

function isMatch(word: string, needles: HighlightNeedles): boolean {
  const folded = fold(word);
  for (const stem of needles.stems) {
    if (folded === stem || (stem.length >= 4 && folded.startsWith(stem))) return true;
  }
  return needles.prefixes.some((p) => p.length >= 2 && folded.startsWith(p));
}

/** `text` as spans, the words matching `needles` marked; joined, the spans are `text` again. */
export function splitHighlights(text: string, needles: HighlightNeedles): TextSpan[] {
  const spans: TextSpan[] = [];
  let at = 0;
  if (needles.stems.length + needles.prefixes.length === 0) return [{ text, marked: false }];
  for (const m of text.matchAll(WORD)) {
    if (!isMatch(m[0], needles)) continue;
    if (m.index > at) spans.push({ text: text.slice(at, m.index), marked: false });
    spans.push({ text: m[0], marked: true });
    at = m.index + m[0].length;
  }
  if (at < text.length) spans.push({ text: text.slice(at), marked: false });
  return spans;
}

/** Renders `text` span by span: `escape` every span, then `mark` the escaped marked ones. */
export function renderHighlights(
  text: string,
  needles: HighlightNeedles,
  escape: (raw: string) => string,
  mark: (escaped: string) => string,
): string {
  return splitHighlights(text, needles)
    .map((span) => (span.marked ? mark(escape(span.text)) : escape(span.text)))
    .join('');
}

/** The words a search answer highlights: the query's, what it also searched, and corrections. */
export function searchPageNeedles(page: SearchPage): HighlightNeedles {
  const q = page.query;
  const corrections = page.corrected === true ? (page.suggestions ?? []) : [];
  return highlightNeedles(
    [
      ...q.terms,
      ...q.phrases,
      ...(page.expanded ?? []).flatMap((e) => e.alternatives),
      ...corrections.map((s) => s.suggestion),
    ],
    q.prefixes,
  );
}
