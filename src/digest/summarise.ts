// One or two sentences of summary for a digest entry, cut at a sentence boundary.
// Rules: the first sentence always; the second only while the total stays within maxChars; a first
// sentence longer than maxChars is cut at a word boundary with an ellipsis. Abbreviations ("Dr.",
// "e.g.", initials) and decimals ("£1.2bn") do not end a sentence (src/text/sentences.ts).
import { splitSentences } from '../text/sentences.js';
import { truncateAtWord } from '../text/truncate.js';

export { splitSentences };

/** The first one or two sentences within `maxChars` (default 280). */
export function summarise(text: string, maxChars = 280): string {
  const sentences = splitSentences(text);
  if (sentences.length === 0) return '';
  const first = sentences[0]!;
  if (first.length > maxChars) return truncateAtWord(first, maxChars);
  const second = sentences[1];
  if (second !== undefined && first.length + 1 + second.length <= maxChars) {
    return `${first} ${second}`;
  }
  return first;
}
