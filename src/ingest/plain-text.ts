// HTML (or text that may contain markup and entities) to one clean line of plain text, and the
// cutting rules for titles and summaries. Feed text is hostile: it may carry scripts, NULs,
// bidi overrides and zero-width characters meant to disguise mentions or links downstream.
import { splitSentences } from '../text/sentences.js';
import { truncateAtWord } from '../text/truncate.js';
import { cleanText } from './clean-feed-text.js';
import { scanSimpleHtml } from './scan-simple-html.js';
import { collectWithParser, createVisibleTextCollector } from './visible-text.js';

// The sentence splitter and word cutting are shared with the digest (src/text/).
export { splitSentences, truncateAtWord };
// One line of clean text (clean-feed-text.ts), used here and by the HTML listing reader.
export { cleanText };

const MARKUP_HINT = /<[A-Za-z!/?]|&(?:#\d+|#x[0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]{1,31});/;

/** Longest input we parse as HTML; beyond it the tail is dropped (a 10 MB item is an attack). */
const MAX_INPUT = 200_000;

/**
 * The visible text of `html`: simple markup by the fast scan (scan-simple-html.ts), anything else
 * by htmlparser2's Parser; both feed the same collector (visible-text.ts), so give the same text.
 * Content inside skipped elements is dropped however deep.
 */
function collectText(html: string): string {
  const fast = createVisibleTextCollector();
  if (scanSimpleHtml(html, fast)) return fast.result();
  const out = createVisibleTextCollector();
  collectWithParser(html, out);
  return out.result();
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

/**
 * HTML element names a title or untyped text field may carry as real markup. Anything else in
 * angle brackets ("<!channel>", "a < b > c", "<NHS England>") is text, not a tag.
 */
const HTML_TAG_NAMES = new Set(
  (
    'a abbr acronym address article aside audio b bdi bdo big blockquote body br caption center ' +
    'cite code dd del details dfn div dl dt em embed figcaption figure font footer h1 h2 h3 h4 ' +
    'h5 h6 header hr html i iframe img ins kbd li main mark nav noscript object ol p picture pre ' +
    'q s samp script section small source span strike strong style sub summary sup svg table ' +
    'tbody td template th thead time tr tt u ul var video wbr'
  ).split(' '),
);
/** A start or end tag: "<" or "</", a name, then a space, "/" or ">" (HTML "tag open state"). */
const TAG_PATTERN = /<\/?([A-Za-z][A-Za-z0-9]*)(?=[\s/>])/g;

/** Whether `text` holds at least one real HTML tag (a known element name), so is markup. */
export function hasHtmlTags(text: string): boolean {
  for (const match of text.matchAll(TAG_PATTERN)) {
    if (HTML_TAG_NAMES.has(match[1]!.toLowerCase())) return true;
  }
  return false;
}

/**
 * Plain text of a field that is markup only when it carries tags (RSS and Atom titles): with no
 * tag its angle brackets are characters ("Trusts told: <!channel> alerts banned" keeps its
 * words); entities are decoded either way, as feeds encode "&" in titles.
 */
export function fieldToPlainText(text: string | null | undefined): string {
  if (!text) return '';
  if (hasHtmlTags(text)) return htmlToPlainText(text);
  return htmlToPlainText(text.replace(/</g, '&lt;').replace(/>/g, '&gt;'));
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
