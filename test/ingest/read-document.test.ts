// readDocument: the one decode -> parse (feed or HTML listing) -> normalise sequence, its
// expected failures as values, and a result that survives structured cloning (worker threads).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Source } from '../../src/domain.js';
import { testSource } from '../helpers/poll-fixtures.js';
import { readDocument } from '../../src/ingest/read-document.js';

const NOW = new Date('2026-12-03T10:00:00Z');
const fixture = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(new URL(`../fixtures/${name}`, import.meta.url)));

const FEED_SOURCE: Source = testSource('https://wire.example.org/feed.xml');

const LISTING_SOURCE: Source = {
  ...FEED_SOURCE,
  id: 'thinktank',
  kind: 'html',
  url: 'https://thinktank.example.org/publications',
  selectors: {
    item: 'article.teaser',
    title: '.teaser__title',
    link: '.teaser__title a',
    date: 'time',
    summary: '.teaser__summary',
  },
};

describe('readDocument', () => {
  it('reads a feed: what the document says about itself, its item count and its stories', async () => {
    const read = await readDocument(FEED_SOURCE, fixture('feeds/windows-1252.xml'), {
      contentType: 'application/rss+xml',
      finalUrl: 'https://wire.example.org/feed.xml',
      now: NOW,
    });
    if (!read.ok) throw new Error(read.reason);
    expect(read.encoding).toBe('windows-1252');
    expect(read.encodingSource).toBe('xml-prolog');
    expect(read.feed).not.toHaveProperty('items');
    expect(read.feed.format).toBe('rss');
    expect(read.items).toBeGreaterThan(0);
    expect(read.stories.length).toBeGreaterThan(0);
    expect(read.stories.every((s) => s.sourceId === 'wire')).toBe(true);
  });

  it('reads an HTML listing source with its selectors, links against the page URL', async () => {
    const read = await readDocument(LISTING_SOURCE, fixture('html/listing.html'), {
      contentType: 'text/html; charset=utf-8',
      finalUrl: 'https://thinktank.example.org/publications',
      now: NOW,
    });
    if (!read.ok) throw new Error(read.reason);
    expect(read.feed).toMatchObject({ format: 'html-listing', parser: 'html-listing' });
    expect(read.items).toBe(3);
    expect(read.stories.map((s) => s.url)).toEqual([
      'https://thinktank.example.org/publications/nhs-deficit-2017',
      'https://thinktank.example.org/publications/vanguards-evaluated',
      'https://thinktank.example.org/publications/social-care-funding',
    ]);
  });

  it('falls back to the listing source URL when there is no final URL (a file)', async () => {
    const page = new TextEncoder().encode(
      '<html><body><article class="teaser"><h3 class="teaser__title"><a href="/a">A</a></h3></article></body></html>',
    );
    const read = await readDocument(LISTING_SOURCE, page, {
      contentType: null,
      finalUrl: null,
      now: NOW,
    });
    if (!read.ok) throw new Error(read.reason);
    expect(read.stories.map((s) => s.url)).toEqual(['https://thinktank.example.org/a']);
  });

  it('returns an HTML page given as a feed as a failure naming the feeds it advertises', async () => {
    const read = await readDocument(FEED_SOURCE, fixture('html/autodiscovery.html'), {
      contentType: 'text/html',
      finalUrl: 'https://www.example.org/news/',
      now: NOW,
    });
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.kind).toBe('html-page');
    expect(read.reason).toBe('not a feed: looks like an HTML page');
    expect(read.feedLinks?.length).toBeGreaterThan(0);
    expect(read.encoding).toBe('utf-8');
  });

  it('returns an empty document as a failure, not a throw', async () => {
    const read = await readDocument(FEED_SOURCE, new Uint8Array(), {
      contentType: null,
      finalUrl: null,
      now: NOW,
    });
    expect(read).toMatchObject({ ok: false, kind: 'empty', reason: 'empty document' });
  });

  it('dates undated items with the given now, not the clock', async () => {
    const rss = new TextEncoder().encode(
      '<rss version="2.0"><channel><title>T</title><item><title>Undated</title><link>https://wire.example.org/u</link></item></channel></rss>',
    );
    const read = await readDocument(FEED_SOURCE, rss, {
      contentType: null,
      finalUrl: null,
      now: NOW,
    });
    if (!read.ok) throw new Error(read.reason);
    expect(read.stories[0]).toMatchObject({
      publishedAt: NOW.toISOString(),
      publishedEstimated: true,
    });
  });

  it('takes and gives only structured-cloneable values (it may run in a worker thread)', async () => {
    const bytes = fixture('feeds/rss2-nhs.xml');
    const options = { contentType: 'application/rss+xml', finalUrl: FEED_SOURCE.url, now: NOW };
    // structuredClone throws DataCloneError on functions, class instances with private state, etc.
    const input = structuredClone({ source: LISTING_SOURCE, bytes, options });
    expect(input.bytes).toEqual(bytes);
    const read = await readDocument(FEED_SOURCE, bytes, options);
    expect(structuredClone(read)).toEqual(read);
  });
});
