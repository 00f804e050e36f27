// Splitting plain text into sentences, for ingest summaries and digest entries alike. Pure.
// Rules: a sentence ends at `.`, `!`, `?` or `…` (optionally followed by closing quotes or
// brackets) when whitespace and a capital, digit, opening quote or currency sign follow. A full
// stop after a known abbreviation ("Dr.", "e.g.", "v.", "Cllr.") or an initial ("J. R.") does
// not end a sentence, and neither does one inside a number ("£1.2bn", no space follows it).
// Whitespace runs are collapsed; each sentence keeps its end punctuation.
import { collapseSpaces } from './clean-text.js';

const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr prof sir st no vs v etc eg ie e.g i.e approx cllr rt hon co inc ltd ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec'
  ).split(' '),
);

const LONGEST_ABBREVIATION = Math.max(...[...ABBREVIATIONS].map((word) => word.length));

// The lookbehind lets a boundary start only where a run of end marks starts: without it a run of
// n full stops with no capital after it was rescanned from each of its n positions (issue 12).
export const BOUNDARY = /(?<![.!?…])[.!?…]+["'”’)\]]*\s+(?=["'“‘(£$€]?[A-Z0-9])/g;

/** The trailing run of letters and dots; starts only where such a run starts (linear). */
export const LAST_WORD = /(?<![A-Za-z.])[A-Za-z.]+$/;

/** Whether the full stop ending `before` belongs to an abbreviation or an initial. */
function isAbbreviation(before: string): boolean {
  // Only the tail matters; an anchored-at-end pattern over the whole text retries at every word.
  const tail = before.slice(-LONGEST_ABBREVIATION - 1);
  const lastWord = (LAST_WORD.exec(tail)?.[0] ?? '').toLowerCase();
  if (ABBREVIATIONS.has(lastWord)) return true;
  return /(?:^|\s)[A-Z]$/.test(before.slice(-2));
}

/** Splits plain text into sentences, keeping their end punctuation. */
export function splitSentences(text: string): string[] {
  const clean = collapseSpaces(text).trim();
  if (clean === '') return [];
  const sentences: string[] = [];
  let start = 0;
  for (const match of clean.matchAll(BOUNDARY)) {
    if (match[0].startsWith('.') && isAbbreviation(clean.slice(start, match.index))) continue;
    sentences.push(clean.slice(start, match.index + match[0].trimEnd().length));
    start = match.index + match[0].length;
  }
  if (start < clean.length) sentences.push(clean.slice(start));
  return sentences;
}
