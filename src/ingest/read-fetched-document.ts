// Fetched bytes -> Stories: decode, cap the items (cap-items.ts, on the text, before any parser
// builds objects), parse the feed or HTML listing, normalise. Pure apart from the time it takes,
// so it runs the same inside a parse worker (parse-worker-task.ts) or, where no pool is given
// (tests that build PollDeps by hand), on the calling thread. Expected failures are values.
import type { Source, Story } from '../domain.js';
import { capFeedItems, capParsedItems } from './cap-items.js';
import { decodeFeedBytes } from './decode.js';
import { parseHtmlListing } from './html-source.js';
import { normaliseItems } from './normalise.js';
import { parseFeed } from './parse-feed.js';
import type { ParsedFeed } from './parsed-feed.js';

export interface FetchedDocument {
  source: Source;
  bytes: Uint8Array;
  contentType: string | null;
  finalUrl: string;
  /** ISO instant used for estimated publication dates. */
  now: string;
  maxItems: number;
}

export type DocumentRead =
  | {
      ok: true;
      stories: Story[];
      /** Items the document held beyond the cap, not read (newest kept). */
      itemsDropped: number;
    }
  | { ok: false; reason: string };

export async function readFetchedDocument(doc: FetchedDocument): Promise<DocumentRead> {
  const { source, finalUrl, maxItems } = doc;
  const { text } = decodeFeedBytes(doc.bytes, doc.contentType);
  let feed: ParsedFeed;
  let dropped = 0;
  if (source.kind === 'html' && source.selectors) {
    feed = parseHtmlListing(text, finalUrl, source.selectors);
  } else {
    const capped = capFeedItems(text, maxItems);
    dropped = capped.dropped;
    const parsed = await parseFeed(capped.text, finalUrl);
    if (!parsed.ok) {
      const hint = parsed.feedLinks?.length
        ? `; a feed is advertised at ${parsed.feedLinks[0]}`
        : '';
      return { ok: false, reason: `${parsed.reason}${hint}` };
    }
    feed = parsed.feed;
  }
  const last = capParsedItems(feed, maxItems);
  const stories = normaliseItems(last.feed, source, new Date(doc.now));
  return { ok: true, stories, itemsDropped: dropped + last.dropped };
}
