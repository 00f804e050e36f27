// Summaries for digest entries, cut at sentence boundaries: one or two sentences for an entry,
// two or three for a lead. Every word is the publisher's own.
// Rules: the first sentence always; later ones only while the total stays within maxChars; a
// first sentence longer than maxChars is cut at a word boundary with an ellipsis. Abbreviations
// ("Dr.", "e.g.", initials) and decimals ("£1.2bn") do not end a sentence (src/text/sentences.ts).
import { splitSentences } from '../text/sentences.js';
import { truncateAtWord } from '../text/truncate.js';

export { splitSentences };

/** The first `maxSentences` sentences (default 2) that fit in `maxChars` (default 280). */
export function summarise(text: string, maxChars = 280, maxSentences = 2): string {
  const sentences = splitSentences(text);
  if (sentences.length === 0) return '';
  const first = sentences[0]!;
  if (first.length > maxChars) return truncateAtWord(first, maxChars);
  let summary = first;
  for (const next of sentences.slice(1, maxSentences)) {
    if (summary.length + 1 + next.length > maxChars) break;
    summary = `${summary} ${next}`;
  }
  return summary;
}

/** A lead's summary: up to three sentences within 600 characters. */
export function summariseLead(text: string): string {
  return summarise(text, 600, 3);
}
