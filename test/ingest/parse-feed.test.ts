// parseFeed over the fixtures we wrote: RSS 2.0, Atom with xml:base, RDF, legacy encodings,
// HTML entities and bare ampersands, broken and non-feed documents.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeFeedBytes } from '../../src/ingest/decode.js';
import { parseFeed, rootElementName, type ParsedFeed } from '../../src/ingest/parse-feed.js';

const fixture = (name: string): string =>
  decodeFeedBytes(readFileSync(new URL(`../fixtures/${name}`, import.meta.url)), null).text;

async function parseOk(text: string, url = 'https://example.org/feed.xml'): Promise<ParsedFeed> {
  const outcome = await parseFeed(text, url);
  if (!outcome.ok) throw new Error(`expected a feed, got: ${outcome.reason}`);
  return outcome.feed;
}

describe('parseFeed: formats', () => {
  it('reads RSS 2.0 with namespaces, categories and relative links', async () => {
    const feed = await parseOk(fixture('feeds/rss2-nhs.xml'), 'https://wire.example.org/feed.xml');
    expect(feed).toMatchObject({
      title: 'Health Policy Wire',
      link: 'https://wire.example.org/',
      format: 'rss',
      parser: 'rss-parser',
    });
    expect(feed.items).toHaveLength(3);
    const [carter, stp, mcp] = feed.items;
    expect(carter).toMatchObject({
      guid: 'https://wire.example.org/news/carter-review',
      title: 'Lord Carter’s productivity review: trusts told to cut unwarranted variation',
      author: 'Jane Okafor',
      categories: ['Productivity', 'Acute trusts'],
      published: 'Fri, 05 Feb 2016 09:30:00 GMT',
    });
    expect(carter!.contentHtml).toContain('Regional teams');
    expect(stp!.guid).toBe('wire-4412');
    expect(mcp!.link).toBe('https://wire.example.org/news/mcp-vanguards');
    expect(mcp!.guid).toBeNull();
  });

  it('reads Atom: xml:base, rel=alternate HTML link, categories, text and xhtml constructs', async () => {
    const feed = await parseOk(
      fixture('feeds/atom-xml-base.xml'),
      'https://elsewhere.example.com/feed',
    );
    expect(feed).toMatchObject({
      format: 'atom',
      link: 'https://policy.example.org/publications/',
    });
    const [pay, ics] = feed.items;
    expect(pay).toMatchObject({
      guid: 'tag:policy.example.org,2017:entry-812',
      link: 'https://policy.example.org/publications/pay-cap-nurses',
      title: 'Pay rise &lt; inflation: what the 1% cap means for nurses',
      author: 'Priya Raman',
      categories: ['Workforce', 'finance'],
      published: '2017-02-13T07:00:00Z',
    });
    expect(pay!.summaryHtml).toContain('<p>Our analysis');
    expect(pay!.contentHtml).toContain('<b>public sector pay cap</b>');
    expect(ics).toMatchObject({
      link: 'https://policy.example.org/blogs/ics-budgets',
      categories: ['stp'],
      published: '2017-02-15T09:15:00Z',
    });
  });

  it('reads RDF / RSS 1.0 with Dublin Core', async () => {
    const feed = await parseOk(fixture('feeds/rdf-rss1.xml'));
    expect(feed.format).toBe('rdf');
    expect(feed.items).toHaveLength(2);
    expect(feed.items[0]).toMatchObject({
      guid: 'https://bulletin.example.org/2017/carter-community',
      link: 'https://bulletin.example.org/2017/carter-community',
      author: 'Tom Whitlock',
      categories: ['Productivity'],
      published: '2017-06-20T11:00:00+01:00',
    });
  });

  it.each([
    ['feeds/windows-1252.xml', '“Unwarranted variation” costs £5bn – report'],
    ['feeds/iso-8859-1.xml', 'Trusts’ £800m deficit'],
  ])('decodes %s before parsing', async (name, title) => {
    const feed = await parseOk(fixture(name));
    expect(feed.items[0]!.title).toBe(title);
  });

  it('survives HTML entities and bare ampersands', async () => {
    const feed = await parseOk(fixture('feeds/entities-and-ampersands.xml'));
    expect(feed.parser).toBe('rss-parser');
    expect(feed.title).toBe('Trust Board Papers & News');
    expect(feed.items[0]!.title).toBe(
      'Procurement & supply chain: £300m saved\u00a0— says NHS Improvement',
    );
    expect(feed.items[0]!.link).toBe('https://boards.example.org/news?id=17&section=procurement');
    expect(feed.items[1]!.summaryHtml).toContain(
      'évaluate alternatives &unknownentity; after the contractor’s',
    );
  });
});

describe('parseFeed: broken and non-feed documents', () => {
  it('falls back to the tolerant reader for truncated XML and keeps the complete items', async () => {
    const text = fixture('feeds/rss2-nhs.xml');
    const truncated = text.slice(0, text.indexOf('<title>Vanguard'));
    const feed = await parseOk(truncated);
    expect(feed.parser).toBe('tolerant');
    expect(feed.items.slice(0, 2).map((i) => i.title)).toEqual([
      'Lord Carter’s productivity review: trusts told to cut unwarranted variation',
      'STP footprints confirmed across England',
    ]);
  });

  it.each([
    ['<rss version="2.0"><channel><title>x</title><item><guid>1</guid>', 'invalid-xml'],
    ['<?xml version="1.0"?><rss version="2.0"><channel><title>Cut off', 'invalid-xml'],
  ])('reports broken XML with nothing to recover: %j', async (text, kind) => {
    const outcome = await parseFeed(text, null);
    expect(outcome).toMatchObject({ ok: false, kind });
    if (!outcome.ok) expect(outcome.reason).toMatch(/^invalid feed XML: /);
  });

  it('recovers the items of an unclosed document', async () => {
    const feed = await parseOk(
      '<rss version="2.0"><channel><title>x</title><item><title>a</item></channel>',
    );
    expect(feed.items.map((i) => i.title)).toEqual(['a']);
  });

  it('recovers items from an Atom feed with one impossible date (rss-parser throws on it)', async () => {
    const text = `<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>
      <entry><title>Good</title><id>urn:a</id><published>2017-02-30T25:61:00Z</published></entry></feed>`;
    const feed = await parseOk(text);
    expect(feed.parser).toBe('tolerant');
    expect(feed.items[0]).toMatchObject({ title: 'Good', published: '2017-02-30T25:61:00Z' });
  });

  it('reads a feed whose Atom elements carry a namespace prefix', async () => {
    const text = `<?xml version="1.0"?><a:feed xmlns:a="http://www.w3.org/2005/Atom"><a:title>P</a:title>
      <a:entry><a:title>Prefixed entry</a:title><a:link href="/x"/><a:id>urn:x:1</a:id></a:entry></a:feed>`;
    const feed = await parseOk(text, 'https://example.org/feed');
    expect(feed.items[0]).toMatchObject({
      title: 'Prefixed entry',
      link: 'https://example.org/x',
      guid: 'urn:x:1',
    });
  });

  it('tells an HTML page apart and lists its advertised feeds', async () => {
    const outcome = await parseFeed(
      fixture('html/autodiscovery.html'),
      'https://body.example.org/news',
    );
    expect(outcome).toEqual({
      ok: false,
      kind: 'html-page',
      reason: 'not a feed: looks like an HTML page',
      feedLinks: ['https://body.example.org/news/feed/', 'https://blog.example.org/atom.xml'],
    });
  });

  it.each([
    ['', 'empty'],
    ['   \n ', 'empty'],
    ['{"version": "https://jsonfeed.org/version/1"}', 'json'],
    ['<?xml version="1.0"?><opml version="2.0"><body/></opml>', 'not-a-feed'],
    ['plain text, no markup', 'not-a-feed'],
    ['<!DOCTYPE html><p>Error 500</p>', 'html-page'],
  ])('rejects %j as %s', async (text, kind) => {
    const outcome = await parseFeed(text, null);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.kind).toBe(kind);
      expect(outcome.reason).not.toContain('\n');
    }
  });

  it('never throws on hostile input and keeps NUL/control characters out', async () => {
    const hostile = `<rss version="2.0"><channel><title>x</title><item><title>A\u0000B\u0007C</title>
      <link>https://example.org/a</link></item></channel></rss>`;
    const feed = await parseOk(decodeFeedBytes(Buffer.from(hostile), null).text);
    expect(feed.items[0]!.title).toBe('ABC');
  });

  it('parses 10,000 items', async () => {
    const items = Array.from(
      { length: 10_000 },
      (_, i) =>
        `<item><title>Story ${i}</title><link>https://example.org/${i}</link><guid>g${i}</guid></item>`,
    ).join('');
    const feed = await parseOk(
      `<rss version="2.0"><channel><title>Big</title>${items}</channel></rss>`,
    );
    expect(feed.items).toHaveLength(10_000);
  });
});

describe('rootElementName', () => {
  it.each([
    ['<?xml version="1.0"?>\n<!-- c --><rss version="2.0">', 'rss'],
    ['\uFEFF<feed xmlns="x">', 'feed'],
    ['<!DOCTYPE rss [<!ENTITY a "b">]><rss>', 'rss'],
    ['<rdf:RDF xmlns:rdf="x">', 'rdf:rdf'],
    ['hello', null],
  ])('%j -> %s', (text, name) => {
    expect(rootElementName(text)).toBe(name);
  });
});

describe('parseFeed keeps no state between documents', () => {
  // rss-parser keeps one xml2js parser per instance, and xml2js leaves it flagged after an error:
  // the next ill-formed document then "parsed" strictly, with whatever it had built.
  const BROKEN = '<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title></subtitle></feed>';

  it('rejects the same ill-formed document each time, whatever was parsed before', async () => {
    const first = await parseFeed(BROKEN, null);
    const second = await parseFeed(BROKEN, null);
    expect(first).toMatchObject({ ok: false, kind: 'invalid-xml' });
    expect(second).toEqual(first);
  });
});
