// Small pure pieces of the fetch path: limiter, backoff, Retry-After, SSRF address policy,
// XML repair, decoding, HTML listings and autodiscovery.
import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { checkHostLiteral, isPublicAddress } from '../../src/ingest/address-policy.js';
import { findFeedLinks } from '../../src/ingest/autodiscover.js';
import { backoffDelayMs, nextAttemptAfterFailure } from '../../src/ingest/backoff.js';
import { decodeFeedBytes } from '../../src/ingest/decode.js';
import { parseRetryAfter } from '../../src/ingest/fetch-errors.js';
import { parseHtmlListing } from '../../src/ingest/html-source.js';
import { createFetchLimiter } from '../../src/ingest/limiter.js';
import { repairXmlText } from '../../src/ingest/repair-xml.js';

const MIN = 60_000;

describe('createFetchLimiter', () => {
  function deferred(): { promise: Promise<void>; resolve: () => void } {
    let resolve!: () => void;
    const promise = new Promise<void>((r) => (resolve = r));
    return { promise, resolve };
  }

  it('holds the global and per-host limits and serves waiters in order', async () => {
    const limiter = createFetchLimiter({ concurrency: 3, perHost: 2 });
    const gates = Array.from({ length: 5 }, deferred);
    const started: string[] = [];
    const hosts = ['a', 'a', 'a', 'b', 'c'];
    const runs = hosts.map((host, i) =>
      limiter.run(host, async () => {
        started.push(`${host}${i}`);
        await gates[i]!.promise;
        return i;
      }),
    );
    await Promise.resolve();
    // a0, a1 start; a2 waits for host a; b3 takes the third global slot; c4 waits globally.
    expect(started).toEqual(['a0', 'a1', 'b3']);
    expect(limiter.active()).toBe(3);
    expect(limiter.active('A')).toBe(2);
    expect(limiter.pending()).toBe(2);
    gates[3]!.resolve(); // b3 done: a2 still blocked by host a, so c4 starts
    await runs[3];
    await Promise.resolve();
    expect(started).toEqual(['a0', 'a1', 'b3', 'c4']);
    gates[0]!.resolve(); // a0 done: a2 starts
    await runs[0];
    await Promise.resolve();
    expect(started).toContain('a2');
    for (const gate of gates) gate.resolve();
    expect(await Promise.all(runs)).toEqual([0, 1, 2, 3, 4]);
    expect(limiter.active()).toBe(0);
  });

  it('releases the slot when the task fails', async () => {
    const limiter = createFetchLimiter({ concurrency: 1, perHost: 1 });
    await expect(limiter.run('h', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await limiter.run('h', async () => 'next')).toBe('next');
  });
});

describe('backoff', () => {
  it.each([
    [1, undefined, 30 * MIN],
    [2, undefined, 60 * MIN],
    [3, undefined, 120 * MIN],
    [10, undefined, 1440 * MIN], // capped
    [1, 5 * 60 * MIN, 5 * 60 * MIN], // Retry-After longer than the backoff wins
    [3, 60_000, 120 * MIN], // shorter Retry-After does not shorten the backoff
    [1, 30 * 24 * 60 * MIN, 1440 * MIN], // absurd Retry-After is capped
  ])('failure %i, Retry-After %s -> %i ms', (failures, retryAfter, delay) => {
    expect(backoffDelayMs(failures, 30, 1440, retryAfter)).toBe(delay);
  });

  it('returns the instant of the next attempt', () => {
    const now = new Date('2017-02-14T09:00:00Z');
    expect(nextAttemptAfterFailure(2, 30, 1440, undefined, now).toISOString()).toBe(
      '2017-02-14T10:00:00.000Z',
    );
  });
});

describe('parseRetryAfter', () => {
  const now = new Date('2017-02-14T09:00:00Z');
  it.each([
    ['120', 120_000],
    ['0', 0],
    ['Tue, 14 Feb 2017 09:10:00 GMT', 600_000],
    ['Tue, 14 Feb 2017 08:00:00 GMT', 0],
    ['soon', undefined],
    [null, undefined],
  ])('%j -> %s', (value, ms) => {
    expect(parseRetryAfter(value, now)).toBe(ms);
  });
});

describe('address policy', () => {
  it.each([
    ['8.8.8.8', true],
    ['151.101.0.81', true],
    ['2a04:4e42::81', true],
    ['127.0.0.1', false],
    ['10.0.0.1', false],
    ['172.16.5.4', false],
    ['172.32.0.1', true],
    ['192.168.1.1', false],
    ['169.254.169.254', false],
    ['100.64.0.1', false],
    ['0.0.0.0', false],
    ['::1', false],
    ['fe80::1', false],
    ['fd00::1', false],
    ['::ffff:127.0.0.1', false],
    ['::ffff:7f00:1', false],
    ['not-an-ip', false],
  ])('%s public: %s', (address, expected) => {
    expect(isPublicAddress(address)).toBe(expected);
  });

  it('refuses loopback names and private literals, lets public names through to DNS', () => {
    expect(checkHostLiteral('localhost')).toMatch(/loopback/);
    expect(checkHostLiteral('[::1]')).toMatch(/private/);
    expect(checkHostLiteral('www.england.nhs.uk')).toBeNull();
  });
});

describe('repairXmlText', () => {
  it.each([
    ['<t>A &nbsp; B</t>', '<t>A &#160; B</t>'],
    ['<t>&pound;5 &mdash; &hellip;</t>', '<t>&#163;5 &#8212; &#8230;</t>'],
    ['<t>R&D & more</t>', '<t>R&amp;D &amp; more</t>'],
    ['<t>&amp; &lt; &#38; &#x26;</t>', '<t>&amp; &lt; &#38; &#x26;</t>'],
    ['<t>&bogus;</t>', '<t>&amp;bogus;</t>'],
    ['<t>&#0;&#x1B;ok</t>', '<t>ok</t>'],
    ['<t><![CDATA[a & b &nbsp;]]></t>', '<t><![CDATA[a & b &nbsp;]]></t>'],
    ['junk\n  <rss/>', '<rss/>'],
  ])('%j -> %j', (input, output) => {
    expect(repairXmlText(input)).toBe(output);
  });
});

describe('decodeFeedBytes', () => {
  const cp1252 = (text: string): Buffer => iconv.encode(text, 'windows-1252');
  it.each([
    [
      'BOM wins',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<rss>£</rss>')]),
      'text/xml; charset=windows-1252',
      '<rss>£</rss>',
      'utf-8',
      'bom',
    ],
    [
      'prolog before HTTP',
      cp1252('<?xml version="1.0" encoding="windows-1252"?><t>“£”</t>'),
      'text/xml; charset=utf-8',
      '<?xml version="1.0" encoding="windows-1252"?><t>“£”</t>',
      'windows-1252',
      'xml-prolog',
    ],
    [
      'ISO-8859-1 label read as windows-1252',
      cp1252("<?xml version='1.0' encoding='ISO-8859-1'?><t>’</t>"),
      null,
      "<?xml version='1.0' encoding='ISO-8859-1'?><t>’</t>",
      'windows-1252',
      'xml-prolog',
    ],
    [
      'HTTP charset',
      cp1252('<t>é</t>'),
      'application/rss+xml; charset="iso-8859-1"',
      '<t>é</t>',
      'windows-1252',
      'http',
    ],
    [
      'HTML meta',
      cp1252('<!DOCTYPE html><meta charset="windows-1252"><p>–</p>'),
      'text/html',
      '<!DOCTYPE html><meta charset="windows-1252"><p>–</p>',
      'windows-1252',
      'html-meta',
    ],
    ['default UTF-8', Buffer.from('<t>NHS £</t>'), null, '<t>NHS £</t>', 'utf-8', 'default'],
    [
      'invalid UTF-8 falls back',
      cp1252('<t>“quoted”</t>'),
      'text/xml; charset=utf-8',
      '<t>“quoted”</t>',
      'windows-1252',
      'fallback',
    ],
    [
      'UTF-16LE with BOM',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<t>£</t>', 'utf16le')]),
      null,
      '<t>£</t>',
      'utf-16le',
      'bom',
    ],
    [
      'NUL and controls stripped',
      Buffer.from('<t>a\u0000b\u0001c\u000bd</t>'),
      null,
      '<t>abcd</t>',
      'utf-8',
      'default',
    ],
    [
      'unknown label ignored',
      Buffer.from('<?xml version="1.0" encoding="x-made-up"?><t/>'),
      null,
      '<?xml version="1.0" encoding="x-made-up"?><t/>',
      'utf-8',
      'default',
    ],
  ])('%s', (_name, bytes, contentType, text, encoding, source) => {
    expect(decodeFeedBytes(new Uint8Array(bytes), contentType)).toEqual({ text, encoding, source });
  });
});

describe('HTML listing and autodiscovery', () => {
  const html = readFileSync(new URL('../fixtures/html/listing.html', import.meta.url), 'utf8');
  const selectors = {
    item: 'article.teaser',
    title: '.teaser__title',
    link: '.teaser__title a',
    date: 'time',
    summary: '.teaser__summary',
  };

  it('reads teasers with the declared selectors', () => {
    const feed = parseHtmlListing(html, 'https://thinktank.example.org/publications', selectors);
    expect(feed).toMatchObject({
      title: 'Example Health Think Tank',
      format: 'html-listing',
      parser: 'html-listing',
    });
    expect(feed.items.map((i) => [i.title, i.link, i.published])).toEqual([
      [
        'The NHS deficit in 2016/17',
        'https://thinktank.example.org/publications/nhs-deficit-2017',
        '2017-02-14T08:00:00Z',
      ],
      [
        'Vanguards evaluated',
        'https://thinktank.example.org/publications/vanguards-evaluated?utm_source=home',
        '9 January 2017',
      ],
      [
        'Social care funding: the gap widens',
        'https://thinktank.example.org/publications/social-care-funding',
        null,
      ],
    ]);
    expect(feed.items[0]!.summaryHtml).toBe(
      'Trusts ended the year £791m in the red. We look at which sectors drove the gap.',
    );
    expect(feed.items[1]!.summaryHtml).not.toContain('alert');
  });

  it('finds advertised feeds, absolute, and nothing on a page without them', () => {
    const page = readFileSync(
      new URL('../fixtures/html/autodiscovery.html', import.meta.url),
      'utf8',
    );
    expect(findFeedLinks(page, 'https://body.example.org/news')).toEqual([
      'https://body.example.org/news/feed/',
      'https://blog.example.org/atom.xml',
    ]);
    expect(findFeedLinks(html, 'https://thinktank.example.org/')).toEqual([]);
  });
});
