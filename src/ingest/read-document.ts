// One fetched document to Stories: decode -> parse (feed, or the source's HTML listing) ->
// normalise. The single copy of that sequence, used by polling, `briefing parse`, the tests and
// the parse benchmark. A pure function of its inputs: no store, no logger, no network, no clock
// (the caller passes `now`), so it can run in a worker thread; its input and output are plain
// objects, Uint8Array and Date, all structured-cloneable (HTML spec, "structured clone").
// Expected failures (not a feed, invalid XML, an HTML page) are values; anything else throws.
// `maxItems` (settings poll.maxItemsPerDocument) caps the items on the decoded TEXT, before the
// parser builds anything (cap-items.ts); the HTML listing path caps the parsed list.
import type { Source, Story } from '../domain.js';
import { capFeedItems, capParsedItems } from './cap-items.js';
import { decodeFeedBytes, type EncodingSource } from './decode.js';
import { parseHtmlListing } from './html-source.js';
import { normaliseItems } from './normalise.js';
import { parseFeed, type ParseFailureKind } from './parse-feed.js';
import type { ParsedFeed } from './parsed-feed.js';

export interface ReadDocumentOptions {
  /** The HTTP Content-Type header (its charset is one decoding hint), or null for files. */
  contentType: string | null;
  /** Base for relative links: the URL the document was finally fetched from, null for files. */
  finalUrl: string | null;
  /** Stands in for missing or implausible publication dates (normalise.ts). */
  now: Date;
  /** Items read at most, newest kept (cap-items.ts); no cap when absent. */
  maxItems?: number;
}

/** What the document says about itself; its items are not repeated here, only counted. */
export type DocumentAbout = Omit<ParsedFeed, 'items'>;

export interface DocumentEncoding {
  /** The encoding used, e.g. `utf-8`, `windows-1252`. */
  encoding: string;
  /** Which rule chose it (decode.ts). */
  encodingSource: EncodingSource;
}

export type ReadDocumentResult =
  | ({
      ok: true;
      feed: DocumentAbout;
      /** Items read from the document, before empty and duplicate items are dropped. */
      items: number;
      /** Items beyond `maxItems`, not read (0 without a cap). */
      itemsDropped: number;
      stories: Story[];
    } & DocumentEncoding)
  | ({
      ok: false;
      kind: ParseFailureKind;
      /** One line for a person, e.g. "not a feed: looks like an HTML page". */
      reason: string;
      /** Feeds an HTML page advertises (autodiscovery), absolute; only for HTML pages. */
      feedLinks?: string[];
    } & DocumentEncoding);

export type ReadDocumentSuccess = Extract<ReadDocumentResult, { ok: true }>;

/**
 * Reads one document as `source` would be read by a poll. An HTML listing source (kind html
 * with selectors) is read with its selectors, links resolved against `finalUrl` (or the
 * source's own URL when null); every other source is parsed as a feed, relative links resolved
 * against `finalUrl` (left relative when null).
 */
export async function readDocument(
  source: Source,
  bytes: Uint8Array,
  options: ReadDocumentOptions,
): Promise<ReadDocumentResult> {
  const decoded = decodeFeedBytes(bytes, options.contentType);
  const encoding: DocumentEncoding = {
    encoding: decoded.encoding,
    encodingSource: decoded.source,
  };
  const maxItems = options.maxItems ?? Number.POSITIVE_INFINITY;
  let feed: ParsedFeed;
  let dropped = 0;
  if (source.kind === 'html' && source.selectors) {
    feed = parseHtmlListing(decoded.text, options.finalUrl ?? source.url, source.selectors);
  } else {
    const capped = capFeedItems(decoded.text, maxItems);
    dropped = capped.dropped;
    const parsed = await parseFeed(capped.text, options.finalUrl);
    if (!parsed.ok) return { ...parsed, ...encoding };
    feed = parsed.feed;
  }
  const last = capParsedItems(feed, maxItems);
  const stories = normaliseItems(last.feed, source, options.now);
  const { items, ...about } = last.feed;
  const itemsDropped = dropped + last.dropped;
  return { ok: true, feed: about, items: items.length, itemsDropped, stories, ...encoding };
}
