// The per-document item cap works on the text before parsing: newest items kept (by their first
// date element), the rest counted; CDATA and comments that mention <item> are not items; an
// unclosed item ends where the next begins; documents under the cap pass through untouched.
import { describe, expect, it } from 'vitest';
import { capFeedItems, capParsedItems } from '../../src/ingest/cap-items.js';
import { parseFeed } from '../../src/ingest/parse-feed.js';

function rssItem(n: number, date?: string): string {
  const when = date ? `<pubDate>${date}</pubDate>` : '';
  return `<item><title>Story ${n}</title><link>https://x.example/${n}</link>${when}</item>`;
}

const wrap = (items: string): string =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>F</title>${items}</channel></rss>`;

async function titlesOf(text: string): Promise<string[]> {
  const parsed = await parseFeed(text, 'https://x.example/feed');
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.feed.items.map((i) => i.title);
}

describe('capFeedItems', () => {
  it('leaves a document at or under the cap as it is', () => {
    const text = wrap([1, 2, 3].map((n) => rssItem(n)).join(''));
    expect(capFeedItems(text, 3)).toEqual({ text, found: 0, dropped: 0 });
  });

  it('keeps the newest items by date, in document order, and counts the rest', async () => {
    const items = [
      rssItem(1, 'Mon, 02 Nov 2026 09:00:00 GMT'),
      rssItem(2, 'Fri, 27 Nov 2026 09:00:00 GMT'),
      rssItem(3),
      rssItem(4, 'Wed, 25 Nov 2026 09:00:00 GMT'),
      rssItem(5, 'Tue, 01 Dec 2026 09:00:00 GMT'),
    ];
    const capped = capFeedItems(wrap(items.join('\n')), 3);
    expect(capped.found).toBe(5);
    expect(capped.dropped).toBe(2);
    expect(await titlesOf(capped.text)).toEqual(['Story 2', 'Story 4', 'Story 5']);
  });

  it('keeps the first items when none is dated (feeds list newest first)', async () => {
    const capped = capFeedItems(wrap([1, 2, 3, 4].map((n) => rssItem(n)).join('')), 2);
    expect(await titlesOf(capped.text)).toEqual(['Story 1', 'Story 2']);
  });

  it('caps Atom entries with a prefix and ignores <item> inside CDATA and comments', async () => {
    const entry = (n: number, updated: string) =>
      `<a:entry><a:title>Entry ${n}</a:title><a:updated>${updated}</a:updated>` +
      `<a:summary><![CDATA[quotes <item> and <entry> as text]]></a:summary></a:entry>`;
    const text =
      `<a:feed xmlns:a="http://www.w3.org/2005/Atom"><a:title>F</a:title><!-- <entry> -->` +
      [
        entry(1, '2026-11-01T00:00:00Z'),
        entry(2, '2026-12-01T00:00:00Z'),
        entry(3, '2026-11-15T00:00:00Z'),
      ].join('') +
      `</a:feed>`;
    const capped = capFeedItems(text, 2);
    expect(capped).toMatchObject({ found: 3, dropped: 1 });
    expect(capped.text).toContain('<!-- <entry> -->');
    expect(await titlesOf(capped.text)).toEqual(['Entry 2', 'Entry 3']);
  });

  it('treats an unclosed item as ending where the next begins', () => {
    const text = wrap(
      '<item><title>A</title><item><title>B</title></item><item><title>C</title></item>',
    );
    const capped = capFeedItems(text, 1);
    expect(capped).toMatchObject({ found: 3, dropped: 2 });
    expect(capped.text).toBe(wrap('<item><title>A</title>'));
  });

  it('cuts an item bomb down before any parser sees it', async () => {
    const bomb = wrap(Array.from({ length: 50_000 }, (_, n) => rssItem(n)).join('\n'));
    const capped = capFeedItems(bomb, 100);
    expect(capped).toMatchObject({ found: 50_000, dropped: 49_900 });
    expect(capped.text.length).toBeLessThan(bomb.length / 100);
    expect((await titlesOf(capped.text)).length).toBe(100);
  });
});

describe('capParsedItems', () => {
  it('keeps the newest parsed items and counts the rest', () => {
    const item = (title: string, published: string | null) => ({
      guid: null,
      link: null,
      title,
      summaryHtml: '',
      contentHtml: '',
      author: null,
      categories: [],
      published,
    });
    const feed = {
      title: 'F',
      link: null,
      format: 'html-listing' as const,
      parser: 'html-listing' as const,
      items: [item('old', '2026-01-01'), item('undated', null), item('new', '2026-06-01')],
    };
    const capped = capParsedItems(feed, 2);
    expect(capped.dropped).toBe(1);
    expect(capped.feed.items.map((i) => i.title)).toEqual(['old', 'new']);
    expect(capParsedItems(feed, 3)).toEqual({ feed, dropped: 0 });
  });
});
