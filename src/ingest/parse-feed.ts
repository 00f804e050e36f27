// Text of a fetched document -> ParsedFeed, or a one-line reason why it is not a feed.
// Order: recognise the root element (so an HTML page or JSON gets a useful answer, with its
// autodiscovered feed links), repair what strict XML parsers choke on (repair-xml.ts), parse
// with rss-parser (read-with-rss-parser.ts), and if rss-parser rejects the document fall back
// to the tolerant reader (read-tolerant.ts) so real-world broken feeds still yield items.
// Never throws for bad input: every failure is a value.
import { findFeedLinks } from './autodiscover.js';
import { applyXmlBase } from './feed-fields.js';
import type { FeedFormat, ParsedFeed } from './parsed-feed.js';
import { readTolerant } from './read-tolerant.js';
import { readWithRssParser } from './read-with-rss-parser.js';
import { repairXmlText } from './repair-xml.js';
import { skipXmlPreamble } from './skip-preamble.js';
import { inlineXhtmlConstructs } from './xhtml-constructs.js';

export type { FeedFormat, FeedParser, ParsedFeed, RawItem } from './parsed-feed.js';

export type ParseFailureKind = 'empty' | 'html-page' | 'json' | 'not-a-feed' | 'invalid-xml';

export type ParseOutcome =
  | { ok: true; feed: ParsedFeed }
  | {
      ok: false;
      kind: ParseFailureKind;
      /** One line for a person, e.g. "not a feed: looks like an HTML page". */
      reason: string;
      /** Feeds the HTML page advertises (autodiscovery), absolute; only for HTML pages. */
      feedLinks?: string[];
    };

/** The first element's name (with prefix, lower-case), or null when there is none. */
export function rootElementName(text: string): string | null {
  const bare = text.replace(/^\uFEFF/, '');
  const start = bare.slice(skipXmlPreamble(bare));
  const match = /^<([A-Za-z_][\w.:-]*)/.exec(start);
  return match ? match[1]!.toLowerCase() : null;
}

const HTML_ROOTS = new Set(['html', 'head', 'body', 'div', 'p', 'title', 'meta', 'h1', 'table']);

/** The xml:base attribute of the root element's start tag, if any. */
function rootXmlBase(text: string): string | null {
  const start = text.slice(skipXmlPreamble(text));
  const tag = /^<[^>]*>/.exec(start)?.[0] ?? '';
  return /\sxml:base\s*=\s*(["'])(.*?)\1/.exec(tag)?.[2] ?? null;
}

function formatOf(root: string): FeedFormat | null {
  const local = root.slice(root.lastIndexOf(':') + 1);
  if (local === 'feed') return 'atom';
  if (local === 'rdf') return 'rdf';
  if (local === 'rss' || local === 'channel') return 'rss';
  return null;
}

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? '').slice(0, 200);
}

export async function parseFeed(text: string, feedUrl: string | null): Promise<ParseOutcome> {
  if (text.trim() === '') return { ok: false, kind: 'empty', reason: 'empty document' };
  // Junk before the first tag (a PHP notice, stray text) is dropped, as repairXmlText does; a
  // JSON document keeps its own first character so it is recognised as JSON below.
  const firstTag = text.indexOf('<');
  if (firstTag > 0 && !/^\s*[[{]/.test(text)) text = text.slice(firstTag);
  const root = rootElementName(text);
  if (root === null) {
    if (/^\s*[[{]/.test(text)) {
      return {
        ok: false,
        kind: 'json',
        reason: 'not a feed: the document is JSON, not RSS or Atom',
      };
    }
    if (/^\s*<!doctype\s+html/i.test(text)) return htmlPage(text, feedUrl);
    return { ok: false, kind: 'not-a-feed', reason: 'not a feed: no XML element found' };
  }
  if (HTML_ROOTS.has(root) || /^\s*(?:<\?[^>]*>\s*)?<!doctype\s+html/i.test(text)) {
    return htmlPage(text, feedUrl);
  }
  const format = formatOf(root);
  if (format === null) {
    return {
      ok: false,
      kind: 'not-a-feed',
      reason: `not a feed: the root element is <${root}>, not <rss>, <feed> or <rdf:RDF>`,
    };
  }
  // Atom xhtml constructs become html ones first, so their text keeps its order (xhtml-constructs.ts).
  const repaired = inlineXhtmlConstructs(repairXmlText(text));
  let strictError: string;
  let wellFormed: boolean;
  try {
    // rss-parser does not hand back <rss>'s own attributes: apply its xml:base here. (Atom's
    // root attributes do come back, so they are applied by the reader, once.)
    const base = format === 'atom' ? feedUrl : applyXmlBase(rootXmlBase(repaired), feedUrl);
    return { ok: true, feed: await readWithRssParser(repaired, base, format) };
  } catch (error) {
    strictError = error instanceof Error ? error.message : String(error);
    // The XML parsed, and rss-parser itself then failed (a TypeError or RangeError on a field it
    // did not expect, an invalid date; or a root it does not know, such as RSS 1.1): the
    // document is a feed, whatever its items hold.
    wellFormed =
      error instanceof TypeError ||
      error instanceof RangeError ||
      strictError.startsWith('Feed not recognized');
  }
  try {
    // For XML that is not well-formed, only worth it when it recovers items: a broken document
    // with none is reported broken.
    const tolerant = readTolerant(repaired, feedUrl);
    const usable = tolerant?.items.some((i) => i.title.trim() !== '' || i.link !== null);
    if (tolerant && (usable || wellFormed)) return { ok: true, feed: tolerant };
  } catch {
    // fall through to the strict parser's explanation
  }
  return { ok: false, kind: 'invalid-xml', reason: `invalid feed XML: ${firstLine(strictError)}` };
}

function htmlPage(text: string, pageUrl: string | null): ParseOutcome {
  const feedLinks = findFeedLinks(text, pageUrl);
  return {
    ok: false,
    kind: 'html-page',
    reason: 'not a feed: looks like an HTML page',
    ...(feedLinks.length > 0 ? { feedLinks } : {}),
  };
}
