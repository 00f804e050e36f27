// HTML (or text that may contain markup and entities) to one clean line of plain text, and the
// cutting rules for titles and summaries. Feed text is hostile: it may carry scripts, NULs,
// bidi overrides and zero-width characters meant to disguise mentions or links downstream.
import { Parser } from 'htmlparser2';
import { collapseSpaces } from '../text/clean-text.js';
import { splitSentences } from '../text/sentences.js';
import { truncateAtWord } from '../text/truncate.js';

// The sentence splitter and word cutting are shared with the digest (src/text/).
export { splitSentences, truncateAtWord };

/** Block-level elements whose boundaries are word boundaries ("<p>a</p><p>b</p>" -> "a b"). */
const BLOCK_TAGS = new Set(
  (
    'p div br li ul ol h1 h2 h3 h4 h5 h6 blockquote section article header footer table tr td ' +
    'th dd dt figcaption pre hr'
  ).split(' '),
);
/** Elements whose content is never text a reader sees. */
const SKIPPED_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'object',
  'svg',
]);

/** Control (C0 and C1), zero-width, joiner, bidi override/isolate and BOM characters. */
const UNWANTED_CHARS =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF]/g;
const MARKUP_HINT = /<[A-Za-z!/?]|&(?:#\d+|#x[0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]{1,31});/;

/** Longest input we parse as HTML; beyond it the tail is dropped (a 10 MB item is an attack). */
const MAX_INPUT = 200_000;

/** Removes control, zero-width and bidi characters and collapses every run of whitespace. */
export function cleanText(text: string): string {
  UNWANTED_CHARS.lastIndex = 0;
  const visible = UNWANTED_CHARS.test(text) ? text.replace(UNWANTED_CHARS, '') : text;
  return collapseSpaces(visible).trim();
}

/**
 * The visible text of `html`, with spaces at block boundaries, taken by htmlparser2's streaming
 * tokenizer: no DOM is built (building one with cheerio made normalising a feed cost three times
 * the XML parse; see README "Performance"), and nothing recurses, so hostile nesting thousands of
 * levels deep costs nothing extra. Content inside skipped elements is dropped however deep.
 */
function collectText(html: string): string {
  const parts: string[] = [];
  let skipDepth = 0;
  const parser = new Parser(
    {
      onopentagname(name) {
        const tag = name.toLowerCase();
        if (SKIPPED_TAGS.has(tag)) skipDepth++;
        else if (BLOCK_TAGS.has(tag)) parts.push(' ');
      },
      onclosetag(name) {
        const tag = name.toLowerCase();
        if (SKIPPED_TAGS.has(tag)) skipDepth = Math.max(0, skipDepth - 1);
        else if (BLOCK_TAGS.has(tag)) parts.push(' ');
      },
      ontext(text) {
        if (skipDepth === 0) parts.push(text);
      },
    },
    { xmlMode: false, decodeEntities: true },
  );
  parser.end(html);
  return parts.join('');
}

/** Plain text of an HTML fragment: scripts and styles dropped, blocks separated, entities decoded. */
export function htmlToPlainText(html: string | null | undefined): string {
  if (!html) return '';
  let input = html;
  if (html.length > MAX_INPUT) {
    // Cut, and drop a tag left half-open by the cut ("...</di").
    input = html.slice(0, MAX_INPUT);
    const open = input.lastIndexOf('<');
    if (open > input.lastIndexOf('>')) input = input.slice(0, open);
  }
  if (!MARKUP_HINT.test(input)) return cleanText(input);
  return cleanText(collectText(input));
}

/** Characters past the budget a sentence boundary needs to be seen (closing quotes, a space). */
const BOUNDARY_LOOKAHEAD = 64;

/**
 * Enough of `text` to summarise it in `maxChars`: no sentence that ends beyond the budget can be
 * used, so splitting a 50,000-character article into sentences to keep three is wasted work. A
 * cut that whitespace runs might have made too short (the text is not always clean) is widened.
 */
function headFor(text: string, maxChars: number): string {
  const want = maxChars + BOUNDARY_LOOKAHEAD;
  if (text.length <= want * 2) return text;
  const head = text.slice(0, want * 2);
  return cleanText(head).length > want ? head : text;
}

/**
 * A summary of at most `maxSentences` whole sentences and `maxChars` characters. When even the
 * first sentence is too long it is cut at a word boundary with an ellipsis.
 */
export function summariseText(text: string, maxChars = 400, maxSentences = 3): string {
  const sentences = splitSentences(headFor(text, maxChars));
  if (sentences.length === 0) return '';
  let summary = '';
  for (const sentence of sentences.slice(0, maxSentences)) {
    const next = summary === '' ? sentence : `${summary} ${sentence}`;
    if (next.length > maxChars) break;
    summary = next;
  }
  return summary === '' ? truncateAtWord(sentences[0]!, maxChars) : summary;
}
