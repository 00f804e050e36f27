// HTML (or text that may contain markup and entities) to one clean line of plain text, and the
// cutting rules for titles and summaries. Feed text is hostile: it may carry scripts, NULs,
// bidi overrides and zero-width characters meant to disguise mentions or links downstream.
import { load } from 'cheerio';

/** Block-level elements whose boundaries are word boundaries ("<p>a</p><p>b</p>" -> "a b"). */
const BLOCK_TAGS =
  'p, div, br, li, ul, ol, h1, h2, h3, h4, h5, h6, blockquote, section, article, header, ' +
  'footer, table, tr, td, th, dd, dt, figcaption, pre, hr';

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

/** Plain text of an HTML fragment: scripts and styles dropped, blocks separated, entities decoded. */
export function htmlToPlainText(html: string | null | undefined): string {
  if (!html) return '';
  const input = html.length > MAX_INPUT ? html.slice(0, MAX_INPUT) : html;
  if (!MARKUP_HINT.test(input)) return cleanText(input);
  const $ = load(input, null, false);
  $('script, style, noscript, template, iframe, object, svg').remove();
  $(BLOCK_TAGS).each((_, element) => {
    $(element).before(' ').after(' ');
  });
  return cleanText($.root().text());
}

/** Cuts at a word boundary to at most `max` characters (ellipsis included). */
export function truncateAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const room = text.slice(0, max - 1);
  const lastSpace = room.lastIndexOf(' ');
  const cut = lastSpace > max * 0.6 ? room.slice(0, lastSpace) : room;
  return `${cut.replace(/[\s,;:.\-–—]+$/, '')}…`;
}

/** Words after which a full stop does not end a sentence. */
const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'sir',
  'st',
  'no',
  'vs',
  'v',
  'etc',
  'e.g',
  'i.e',
  'approx',
  'cllr',
  'rt',
  'hon',
  'co',
  'inc',
  'ltd',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
]);

/** Splits plain text into sentences (., ! or ? followed by space and a capital, digit or quote). */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  const boundary = /[.!?]["'”’)\]]*\s+(?=["'“‘(£$€]?[A-Z0-9])/g;
  let start = 0;
  for (let match = boundary.exec(text); match !== null; match = boundary.exec(text)) {
    const candidate = text.slice(start, match.index + 1);
    const lastWord = /([A-Za-z.]+)\.$/.exec(candidate)?.[1]?.toLowerCase() ?? '';
    const isInitial = /(?:^|\s)[A-Z]\.$/.test(candidate);
    if (ABBREVIATIONS.has(lastWord) || isInitial) continue;
    const end = match.index + match[0].trimEnd().length;
    sentences.push(text.slice(start, end).trim());
    start = match.index + match[0].length;
  }
  const rest = text.slice(start).trim();
  if (rest !== '') sentences.push(rest);
  return sentences;
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
