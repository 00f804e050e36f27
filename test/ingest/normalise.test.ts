// normaliseItems: parsed items -> domain Stories (ids, URLs, text, dates, paywall, duplicates).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Source } from '../../src/domain.js';
import { decodeFeedBytes } from '../../src/ingest/decode.js';
import { normaliseItem, normaliseItems, normalisePublished } from '../../src/ingest/normalise.js';
import { parseFeed, type ParsedFeed, type RawItem } from '../../src/ingest/parse-feed.js';

const NOW = new Date('2022-07-10T12:00:00Z');

const source = (overrides: Partial<Source> = {}): Source => ({
  id: 'wire',
  name: 'Health Policy Wire',
  kind: 'feed',
  url: 'https://wire.example.org/feed.xml',
  pollIntervalMinutes: 30,
  paywalled: false,
  authority: 0.5,
  enabled: true,
  verified: true,
  ...overrides,
});

const item = (overrides: Partial<RawItem> = {}): RawItem => ({
  guid: 'https://wire.example.org/a',
  link: 'https://wire.example.org/a',
  title: 'A title',
  summaryHtml: '',
  contentHtml: '',
  author: null,
  categories: [],
  published: 'Mon, 04 Jul 2022 08:00:00 GMT',
  ...overrides,
});

async function fixtureFeed(name: string): Promise<ParsedFeed> {
  const { text } = decodeFeedBytes(
    readFileSync(new URL(`../fixtures/feeds/${name}`, import.meta.url)),
    null,
  );
  const outcome = await parseFeed(text, 'https://wire.example.org/feed.xml');
  if (!outcome.ok) throw new Error(outcome.reason);
  return outcome.feed;
}

describe('normaliseItems on fixtures', () => {
  it('normalises the RSS 2.0 fixture', async () => {
    const stories = normaliseItems(await fixtureFeed('rss2-nhs.xml'), source(), NOW);
    expect(stories).toHaveLength(3);
    const carter = stories[0]!;
    expect(carter).toMatchObject({
      sourceId: 'wire',
      guid: 'https://wire.example.org/news/carter-review',
      url: 'https://wire.example.org/news/carter-review?page=2',
      title: 'Lord Carter’s productivity review: trusts told to cut unwarranted variation',
      author: 'Jane Okafor',
      categories: ['Productivity', 'Acute trusts'],
      publishedAt: '2016-02-05T09:30:00.000Z',
      publishedEstimated: false,
      paywalled: false,
    });
    expect(carter.id).toMatch(/^g_[0-9a-f]{20}$/);
    expect(carter.summary).toBe(
      'The final report on acute hospital productivity says the NHS in England could save £5bn a year by 2020. It asks every trust to benchmark itself with a new tool. Ministers welcomed the findings.',
    );
    expect(carter.content).toContain('Regional teams will publish');
    expect(carter.content).not.toContain('alert');
    expect(stories[1]!.url).toBe('https://wire.example.org/news/stp-footprints');
    expect(stories[2]!.publishedAt).toBe('2016-07-14T07:00:00.000Z');
  });

  it('handles missing GUID/link/date, duplicate GUIDs, impossible dates and javascript: links', async () => {
    const stories = normaliseItems(await fixtureFeed('missing-and-duplicates.xml'), source(), NOW);
    const byTitle = new Map(stories.map((s) => [s.title, s]));
    expect(stories.map((s) => s.title)).toEqual([
      'No GUID: ICB chief executives named',
      'No link and no GUID: CIP targets return for 2022/23',
      'No date: mental health investment standard met',
      'Duplicate GUID, first copy',
      'Epoch date: merger of two Midlands trusts',
      'Future date: CQC ratings',
    ]);
    expect(byTitle.get('No GUID: ICB chief executives named')).toMatchObject({
      guid: null,
      url: 'https://awkward.example.org/icb-chiefs',
    });
    expect(byTitle.get('No GUID: ICB chief executives named')!.id).toMatch(/^u_/);
    const noLink = byTitle.get('No link and no GUID: CIP targets return for 2022/23')!;
    expect(noLink.id).toMatch(/^t_/);
    expect(noLink.url).toBeNull();
    for (const title of [
      'No date: mental health investment standard met',
      'Epoch date: merger of two Midlands trusts',
      'Future date: CQC ratings',
    ]) {
      expect(byTitle.get(title)).toMatchObject({
        publishedAt: NOW.toISOString(),
        publishedEstimated: true,
      });
    }
    expect(byTitle.get('Future date: CQC ratings')!.url).toBeNull();
  });

  it('gives the same ids on a re-parse (stable across polls)', async () => {
    const first = normaliseItems(await fixtureFeed('rss2-nhs.xml'), source(), NOW).map((s) => s.id);
    const later = normaliseItems(
      await fixtureFeed('rss2-nhs.xml'),
      source(),
      new Date('2023-01-01T00:00:00Z'),
    ).map((s) => s.id);
    expect(later).toEqual(first);
  });
});

describe('normaliseItem rules', () => {
  it('keeps only headline and standfirst for paywalled sources', () => {
    const story = normaliseItem(
      item({
        summaryHtml: '<p>Standfirst here.</p>',
        contentHtml: '<p>Full text behind the paywall.</p>',
      }),
      source({ paywalled: true }),
      NOW,
    )!;
    expect(story).toMatchObject({ summary: 'Standfirst here.', content: '', paywalled: true });
  });

  it('uses the content for the summary when there is no description', () => {
    const story = normaliseItem(
      item({ contentHtml: '<p>One. Two. Three. Four.</p>' }),
      source(),
      NOW,
    )!;
    expect(story.summary).toBe('One. Two. Three.');
  });

  it('caps a 50,000-character title at a word boundary', () => {
    const story = normaliseItem(item({ title: 'NHS '.repeat(12_500) }), source(), NOW)!;
    expect(story.title.length).toBeLessThanOrEqual(300);
    expect(story.title.endsWith('NHS…')).toBe(true);
  });

  it('removes markup, mentions stay as text, zero-width and bidi characters go', () => {
    const story = normaliseItem(
      item({ title: '<b>Trust</b>\u200b \u202eboard\u202c <script>x()</script>&amp; <@U123>' }),
      source(),
      NOW,
    )!;
    expect(story.title).toBe('Trust board & <@U123>');
  });

  it('derives a title from the text when the item has none, and drops empty items', () => {
    expect(
      normaliseItem(
        item({ title: '', summaryHtml: 'Only a description here. And more.' }),
        source(),
        NOW,
      )!.title,
    ).toBe('Only a description here.');
    expect(normaliseItem(item({ title: '', link: null, guid: null }), source(), NOW)).toBeNull();
  });

  it('scopes non-URI GUIDs to the source but not URI GUIDs', () => {
    const a = normaliseItem(item({ guid: '12345' }), source({ id: 'a' }), NOW)!;
    const b = normaliseItem(item({ guid: '12345' }), source({ id: 'b' }), NOW)!;
    expect(a.id).not.toBe(b.id);
    const c = normaliseItem(item({ guid: 'https://x.example.org/1' }), source({ id: 'a' }), NOW)!;
    const d = normaliseItem(item({ guid: 'https://x.example.org/1' }), source({ id: 'b' }), NOW)!;
    expect(c.id).toBe(d.id);
  });

  it('deduplicates categories case-insensitively and strips their markup', () => {
    const story = normaliseItem(
      item({ categories: ['Workforce', 'workforce', '<i>Finance</i>', ' '] }),
      source(),
      NOW,
    )!;
    expect(story.categories).toEqual(['Workforce', 'Finance']);
  });
});

describe('normalisePublished', () => {
  it.each([
    ['Mon, 04 Jul 2022 08:00:00 GMT', '2022-07-04T08:00:00.000Z', false],
    ['2022-07-11T11:00:00Z', '2022-07-11T11:00:00.000Z', false], // within a day: kept
    ['2022-07-12T12:00:01Z', NOW.toISOString(), true], // beyond a day: clamped
    ['Thu, 01 Jan 1970 00:00:00 GMT', NOW.toISOString(), true],
    ['0001-01-01T00:00:00Z', NOW.toISOString(), true],
    ['not a date', NOW.toISOString(), true],
    [null, NOW.toISOString(), true],
  ])('%s -> %s (estimated %s)', (raw, publishedAt, publishedEstimated) => {
    expect(normalisePublished(raw, NOW)).toEqual({ publishedAt, publishedEstimated });
  });
});

describe('author and categories are plain text unless they hold tags (issue 19)', () => {
  it('keeps angle brackets as characters, and still reads real markup', () => {
    const story = normaliseItem(
      item({
        author: 'Desk <press@example.org> & <!channel>',
        categories: ['STP <footprints>', '<b>Procurement</b>'],
      }),
      source(),
      NOW,
    );
    expect(story?.author).toBe('Desk <press@example.org> & <!channel>');
    expect(story?.categories).toEqual(['STP <footprints>', 'Procurement']);
  });
});
