// The per-document item cap (settings poll.maxItemsPerDocument). It works on the TEXT, before
// any parser builds objects: a cap applied after xml2js or cheerio has built 500,000 items
// protects nothing, since the memory is already spent. One scan finds each top-level <item> or
// <entry> (any prefix, any case), skipping CDATA sections and comments (their text is literal);
// when there are more than the cap, the newest are kept (by the first date element inside each,
// undated items after dated ones, document order breaking ties) and the rest are cut out of the
// text, which keeps the header, the kept items in document order, and any non-blank text between.
// capParsedItems applies the same rule to an already-parsed list (HTML listings, and a last guard).
import { parseFeedDate } from './parse-date.js';
import type { ParsedFeed, RawItem } from './parsed-feed.js';

export interface CappedText {
  text: string;
  /** Items found by the scan (0 when the quick count stayed under the cap). */
  found: number;
  dropped: number;
}

const ITEM_OPEN = /<(?:[A-Za-z_][\w.-]*:)?(?:item|entry)(?=[\s/>])/gi;
const SCAN =
  /<!\[CDATA\[[\s\S]*?(?:\]\]>|$)|<!--[\s\S]*?(?:-->|$)|<(\/?)(?:[A-Za-z_][\w.-]*:)?(?:item|entry)(?=[\s/>])/gi;
const DATE =
  /<(?:[\w.-]+:)?(?:pubDate|published|updated|date|issued|modified)\b[^>]*>\s*(?:<!\[CDATA\[)?\s*([^<\]]{4,80})/gi;

/** Counts item openings, stopping as soon as the count passes `max` (the common case is cheap). */
function exceedsCap(text: string, max: number): boolean {
  ITEM_OPEN.lastIndex = 0;
  let count = 0;
  while (ITEM_OPEN.exec(text) !== null) if (++count > max) return true;
  return false;
}

interface Segment {
  start: number;
  end: number;
}

/** Each top-level item's [start, end). An item left open ends where the next begins (or at EOF). */
function findItemSegments(text: string): Segment[] {
  const segments: Segment[] = [];
  let open: number | null = null;
  let depth = 0;
  SCAN.lastIndex = 0;
  for (let m = SCAN.exec(text); m !== null; m = SCAN.exec(text)) {
    if (m[1] === undefined) continue; // CDATA or comment
    const tagEnd = text.indexOf('>', m.index);
    const end = tagEnd < 0 ? text.length : tagEnd + 1;
    if (m[1] === '/') {
      if (open !== null && --depth === 0) {
        segments.push({ start: open, end });
        open = null;
      }
      continue;
    }
    if (open !== null) segments.push({ start: open, end: m.index }); // items do not nest
    if (text[end - 2] === '/') {
      segments.push({ start: m.index, end });
      open = null;
      depth = 0;
    } else {
      open = m.index;
      depth = 1;
    }
    SCAN.lastIndex = end;
  }
  if (open !== null) segments.push({ start: open, end: text.length });
  return segments;
}

/** Indexes of the `max` newest entries: dated first (newest first), then undated; stable. */
function newestIndexes(dates: readonly (number | null)[], max: number): Set<number> {
  const order = dates.map((_, i) => i);
  order.sort((a, b) => {
    const da = dates[a] ?? null;
    const db = dates[b] ?? null;
    if (da !== null && db !== null && da !== db) return db - da;
    if (da === null && db !== null) return 1;
    if (da !== null && db === null) return -1;
    return a - b;
  });
  return new Set(order.slice(0, max));
}

function dateOf(raw: string | null | undefined): number | null {
  return parseFeedDate(raw?.trim() ?? null)?.getTime() ?? null;
}

/**
 * The first date inside each segment, in one forward pass over the text (no slices): the next
 * date match is found once and reused by every segment that ends before it. Repeated date
 * strings (an item bomb's) are parsed once.
 */
function segmentDates(text: string, segments: readonly Segment[]): (number | null)[] {
  const parsed = new Map<string, number | null>();
  let next: RegExpExecArray | null | undefined;
  return segments.map((segment) => {
    if (next === undefined || (next !== null && next.index < segment.start)) {
      DATE.lastIndex = segment.start;
      next = DATE.exec(text);
    }
    if (next === null || next.index >= segment.end) return null;
    const raw = next[1]!;
    let date = parsed.get(raw);
    if (date === undefined) {
      date = dateOf(raw);
      if (parsed.size < 10_000) parsed.set(raw, date);
    }
    return date;
  });
}

export function capFeedItems(text: string, max: number): CappedText {
  // No cap (Infinity): nothing to count, so no scan of the whole document.
  if (max === Number.POSITIVE_INFINITY || !exceedsCap(text, max)) {
    return { text, found: 0, dropped: 0 };
  }
  const segments = findItemSegments(text);
  if (segments.length <= max) return { text, found: segments.length, dropped: 0 };
  const dates = segmentDates(text, segments);
  const keep = newestIndexes(dates, max);
  const parts: string[] = [];
  let last = 0;
  segments.forEach((segment, i) => {
    const gap = text.slice(last, segment.start);
    // Whitespace between items means nothing in XML: keep it only before a kept item, so a
    // bomb of items separated by newlines does not leave a bomb of newlines.
    if (keep.has(i) || gap.trim() !== '') parts.push(gap);
    if (keep.has(i)) parts.push(text.slice(segment.start, segment.end));
    last = segment.end;
  });
  parts.push(text.slice(last));
  return { text: parts.join(''), found: segments.length, dropped: segments.length - max };
}

/** The same rule on parsed items: at most `max`, newest kept, document order preserved. */
export function capParsedItems(
  feed: ParsedFeed,
  max: number,
): { feed: ParsedFeed; dropped: number } {
  if (feed.items.length <= max) return { feed, dropped: 0 };
  const keep = newestIndexes(
    feed.items.map((item) => dateOf(item.published)),
    max,
  );
  const items: RawItem[] = feed.items.filter((_, i) => keep.has(i));
  return { feed: { ...feed, items }, dropped: feed.items.length - max };
}
