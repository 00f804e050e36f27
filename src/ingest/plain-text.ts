// HTML (or text that may contain markup and entities) to one clean line of plain text, and the
// cutting rules for titles and summaries. Feed text is hostile: it may carry scripts, NULs,
// bidi overrides and zero-width characters meant to disguise mentions or links downstream.
import { load } from 'cheerio';
import type { AnyNode, Element, ParentNode, Text } from 'domhandler';
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

// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
/** Zero-width, joiner, bidi override/isolate and BOM characters. */
const INVISIBLE_CHARS = /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF]/g;
const MARKUP_HINT = /<[A-Za-z!/?]|&(?:#\d+|#x[0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]{1,31});/;

/** Longest input we parse as HTML; beyond it the tail is dropped (a 10 MB item is an attack). */
const MAX_INPUT = 200_000;

/** Removes control, zero-width and bidi characters and collapses every run of whitespace. */
export function cleanText(text: string): string {
  return text.replace(CONTROL_CHARS, '').replace(INVISIBLE_CHARS, '').replace(/\s+/g, ' ').trim();
}

/**
 * The visible text under `roots`, with spaces at block boundaries. Iterative (an explicit
 * stack), so hostile nesting thousands of levels deep cannot overflow the call stack.
 */
function collectText(roots: readonly AnyNode[]): string {
  const parts: string[] = [];
  const stack: (AnyNode | ' ')[] = [...roots].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node === ' ') parts.push(' ');
    else if (node.type === 'text') parts.push((node as Text).data);
    else if ('children' in node) {
      const name = 'name' in node ? (node as Element).name.toLowerCase() : '';
      if (SKIPPED_TAGS.has(name)) continue;
      const block = BLOCK_TAGS.has(name);
      if (block) stack.push(' ');
      const children = (node as ParentNode).children;
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
      if (block) parts.push(' ');
    }
  }
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
  // htmlparser2 (cheerio's `xml: { xmlMode: false }`) is several times faster than parse5 and
  // just as good for taking the text of feed fragments.
  const $ = load(input, { xml: { xmlMode: false, decodeEntities: true } }, false);
  return cleanText(collectText($.root().toArray()));
}

/**
 * A summary of at most `maxSentences` whole sentences and `maxChars` characters. When even the
 * first sentence is too long it is cut at a word boundary with an ellipsis.
 */
export function summariseText(text: string, maxChars = 400, maxSentences = 3): string {
  const sentences = splitSentences(text);
  if (sentences.length === 0) return '';
  let summary = '';
  for (const sentence of sentences.slice(0, maxSentences)) {
    const next = summary === '' ? sentence : `${summary} ${sentence}`;
    if (next.length > maxChars) break;
    summary = next;
  }
  return summary === '' ? truncateAtWord(sentences[0]!, maxChars) : summary;
}
