// The Atom feed of weekly catch-ups, read back by the project's own feed parser (rss-parser's
// strict XML path, ingest/parse-feed.ts) and checked against RFC 4287's required elements: one
// entry per archived week, newest first, stable ids, `updated`, HTML content escaped once.
import { utimesSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFeed } from '../../src/ingest/parse-feed.js';
import { nameUuid } from '../../src/web/atom-feed.js';
import { createArchiveFixture, type ArchiveFixture } from './archive-fixture.js';

let fixture: ArchiveFixture;
beforeAll(async () => {
  fixture = await createArchiveFixture(
    { token: null },
    { WEB_PUBLIC_URL: 'https://briefing.example.nhs.uk/' },
  );
});
afterAll(async () => {
  await fixture?.close();
});

async function getFeed(): Promise<string> {
  const response = await fixture.server.inject({ method: 'GET', url: '/feed.atom' });
  expect(response.statusCode).toBe(200);
  expect(response.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
  return response.body;
}

/** Every `<name>` element's text directly inside each `<parent>` block. */
function children(xml: string, parent: string, name: string): string[][] {
  const blocks = [...xml.matchAll(new RegExp(`<${parent}>([\\s\\S]*?)</${parent}>`, 'g'))].map(
    (m) => m[1]!,
  );
  return blocks.map((b) =>
    [...b.matchAll(new RegExp(`<${name}[^>]*>([^<]*)</${name}>`, 'g'))].map((m) => m[1]!),
  );
}

describe('Atom feed', () => {
  it('parses as Atom with one entry per archived week, newest first', async () => {
    const outcome = await parseFeed(await getFeed(), 'https://briefing.example.nhs.uk/feed.atom');
    if (!outcome.ok) throw new Error(outcome.reason);
    expect(outcome.feed).toMatchObject({ format: 'atom', parser: 'rss-parser' });
    expect(outcome.feed.title).toBe('NHS policy briefing: weekly catch-ups');
    expect(outcome.feed.items.map((i) => i.link)).toEqual([
      'https://briefing.example.nhs.uk/weeks/2017-W07',
      'https://briefing.example.nhs.uk/weeks/2017-W06',
    ]);
    const [first] = outcome.feed.items;
    expect(first!.guid).toBe(nameUuid('https://briefing.example.nhs.uk/weeks/2017-W07'));
    expect(first!.title).toBe('Catch up: week of 13 February 2017');
    // The content is the week's HTML, feed text in it escaped: the hostile title is text.
    expect(first!.contentHtml).toContain('<h2>The lead</h2>');
    expect(first!.contentHtml).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(first!.contentHtml).not.toContain('<script');
    expect(first!.contentHtml).toContain(
      `href="https://briefing.example.nhs.uk/stories/${fixture.ref('fx-model-hospital')}"`,
    );
  });

  it("has RFC 4287's required elements, RFC 3339 dates and a self link", async () => {
    const xml = await getFeed();
    const head = xml.slice(0, xml.indexOf('<entry>'));
    expect(head).toMatch(/<feed xmlns="http:\/\/www\.w3\.org\/2005\/Atom"/);
    expect(head.match(/<id>/g)).toHaveLength(1);
    expect(head).toMatch(/<updated>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z<\/updated>/);
    expect(head).toContain('<author><name>NHS policy briefing</name></author>');
    expect(head).toContain(
      '<link rel="self" type="application/atom+xml" href="https://briefing.example.nhs.uk/feed.atom"/>',
    );
    const ids = children(xml, 'entry', 'id');
    const updated = children(xml, 'entry', 'updated');
    expect(ids.map((i) => i.length)).toEqual([1, 1]);
    expect(
      ids
        .flat()
        .every((id) =>
          /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(id),
        ),
    ).toBe(true);
    expect(new Set(ids.flat()).size).toBe(2);
    for (const [value] of updated)
      expect(value).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
    expect(xml).toContain('<content type="html">');
  });

  it('keeps entry ids when a week is rewritten, and moves its `updated`', async () => {
    const before = await getFeed();
    const later = new Date('2030-01-01T00:00:00Z');
    utimesSync(join(fixture.digestsDir, '2017', '2017-W07.json'), later, later);
    const after = await getFeed();
    expect(children(after, 'entry', 'id')).toEqual(children(before, 'entry', 'id'));
    expect(children(after, 'entry', 'updated')[0]).toEqual(['2030-01-01T00:00:00.000Z']);
    expect(after).toMatch(/<updated>2030-01-01T00:00:00.000Z<\/updated>\n<author>/);
  });
});
