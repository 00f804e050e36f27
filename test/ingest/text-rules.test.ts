// Pure text rules: canonical URLs, plain text, sentence cutting, dates, story ids.
import { describe, expect, it } from 'vitest';
import { canonicaliseUrl, resolveHttpUrl } from '../../src/ingest/canonical-url.js';
import { parseFeedDate } from '../../src/ingest/parse-date.js';
import {
  htmlToPlainText,
  splitSentences,
  summariseText,
  truncateAtWord,
} from '../../src/ingest/plain-text.js';
import { computeStoryId } from '../../src/ingest/story-id.js';

describe('canonicaliseUrl', () => {
  it.each([
    ['https://WWW.Example.ORG/News?utm_source=x&utm_medium=y', 'https://www.example.org/News'],
    ['https://example.org/a?id=3&fbclid=abc&gclid=1&page=2', 'https://example.org/a?id=3&page=2'],
    ['https://example.org/a?mc_cid=1&mc_eid=2&_hsenc=3#section', 'https://example.org/a'],
    ['https://user:pw@example.org:443/a', 'https://example.org/a'],
    ['http://example.org:80/a?', 'http://example.org/a'],
    ['https://example.org/a?b=2&a=1', 'https://example.org/a?b=2&a=1'],
    ['  https://example.org/a b  ', 'https://example.org/a%20b'],
    ['javascript:alert(1)', null],
    ['data:text/html,hi', null],
    ['mailto:x@example.org', null],
    ['ftp://example.org/f', null],
    ['/relative/path', null],
    ['', null],
    [null, null],
  ])('%j -> %j', (raw, expected) => {
    expect(canonicaliseUrl(raw)).toBe(expected);
  });

  it('resolves relative links against a base', () => {
    expect(resolveHttpUrl('../b?x=1', 'https://example.org/a/c/feed')).toBe(
      'https://example.org/a/b?x=1',
    );
    expect(canonicaliseUrl('/news/1?utm_campaign=z', 'https://example.org/feed')).toBe(
      'https://example.org/news/1',
    );
  });
});

describe('htmlToPlainText', () => {
  it.each([
    ['<p>One</p><p>Two</p>', 'One Two'],
    ['Save &pound;5bn&nbsp;now &amp; later', 'Save £5bn now & later'],
    ['<script>alert(1)</script><style>p{}</style>Kept', 'Kept'],
    ['Pay rise < inflation', 'Pay rise < inflation'],
    ['  lots \n\t of   space ', 'lots of space'],
    ['NH\u0000S\u0007 E\u200bng\u200dland\u2066', 'NHS England'],
    ['A<br>B<br/>C', 'A B C'],
    ['', ''],
  ])('%j -> %j', (html, text) => {
    expect(htmlToPlainText(html)).toBe(text);
  });
});

describe('sentences and cutting', () => {
  it('splits sentences without breaking on abbreviations or initials', () => {
    expect(
      splitSentences(
        'Dr. Smith met Mr. Jones at St. Thomas’. The NHS Confed met J. R. Hartley. Done!',
      ),
    ).toEqual([
      'Dr. Smith met Mr. Jones at St. Thomas’.',
      'The NHS Confed met J. R. Hartley.',
      'Done!',
    ]);
  });

  it('keeps at most three sentences and 400 characters', () => {
    const text = 'First sentence. Second one. Third one. Fourth one.';
    expect(summariseText(text)).toBe('First sentence. Second one. Third one.');
    const long = `${'word '.repeat(100)}end. Next sentence.`;
    const summary = summariseText(long, 400);
    expect(summary.length).toBeLessThanOrEqual(400);
    expect(summary.endsWith('…')).toBe(true);
    expect(summariseText(`${'a'.repeat(300)}. B${'b'.repeat(200)}.`)).toBe(`${'a'.repeat(300)}.`);
  });

  it('truncates at a word boundary with an ellipsis', () => {
    expect(truncateAtWord('The quick brown fox jumps', 16)).toBe('The quick brown…');
    expect(truncateAtWord('short', 16)).toBe('short');
  });
});

describe('parseFeedDate', () => {
  it.each([
    ['Tue, 14 Feb 2017 09:00:00 GMT', '2017-02-14T09:00:00.000Z'],
    ['Thu, 14 Jul 2016 08:00:00 BST', '2016-07-14T07:00:00.000Z'],
    ['Wed, 30 Mar 2016 14:00:00 +0100', '2016-03-30T13:00:00.000Z'],
    ['2017-02-13T07:00:00.123+01:00', '2017-02-13T06:00:00.123Z'],
    ['2017-02-13 07:00', '2017-02-13T07:00:00.000Z'],
    ['2017-02-13', '2017-02-13T00:00:00.000Z'],
    ['14 February 2017', '2017-02-14T00:00:00.000Z'],
    ['14/02/2017', '2017-02-14T00:00:00.000Z'],
    ['Tuesday, 14 February 2017 09:00', '2017-02-14T09:00:00.000Z'],
    ['yesterday', null],
    ['', null],
  ])('%j -> %j', (raw, iso) => {
    expect(parseFeedDate(raw)?.toISOString() ?? null).toBe(iso);
  });
});

describe('computeStoryId fallback chain', () => {
  const base = { sourceId: 's', guid: null, canonicalUrl: null, title: 'T', rawPublished: null };
  it.each([
    [{ ...base, guid: 'tag:x.org,2017:1' }, 'guid', 'g_'],
    [{ ...base, guid: '  ', canonicalUrl: 'https://x.org/1' }, 'url', 'u_'],
    [{ ...base }, 'title', 't_'],
  ])('%o -> %s', (input, kind, prefix) => {
    const id = computeStoryId(input);
    expect(id.kind).toBe(kind);
    expect(id.id.startsWith(prefix)).toBe(true);
    expect(computeStoryId(input).id).toBe(id.id);
  });

  it('different title/date give different hash ids', () => {
    const a = computeStoryId({ ...base, rawPublished: '2017-01-01' }).id;
    const b = computeStoryId({ ...base, rawPublished: '2017-01-02' }).id;
    expect(a).not.toBe(b);
  });
});
