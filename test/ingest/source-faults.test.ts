// Issue 8's source faults, end to end through the ingest edge (fetch -> decode -> parse ->
// normalise) against a misbehaving loopback server. Each case must end in stories or in ONE
// clear line of reason, never a throw. (Recording the reason on the source is poll-source's job.)
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Source, Story } from '../../src/domain.js';
import { fetchSource, type FetchOptions } from '../../src/ingest/fetch-source.js';
import { readDocument } from '../../src/ingest/read-document.js';
import {
  drip,
  gzipBomb,
  hang,
  oversize,
  redirectTo,
  resetMidBody,
  respondStatus,
  serveBody,
  serveFile,
  startFeedServer,
  type FeedServer,
} from '../fakes/feed-server.js';

const NOW = new Date('2022-07-10T12:00:00Z');
const SOURCE: Source = {
  id: 'faulty',
  name: 'Faulty',
  kind: 'feed',
  url: 'http://127.0.0.1/',
  pollIntervalMinutes: 30,
  paywalled: false,
  authority: 0.5,
  enabled: true,
  verified: true,
};
const OPTIONS: FetchOptions = {
  userAgent: 'nhs-briefing-bot/test',
  connectTimeoutMs: 1_000,
  timeoutMs: 10_000,
  maxBytes: 2 * 1024 * 1024,
  maxRedirects: 5,
  allowPrivateAddresses: true,
};

type Ingested =
  { kind: 'stories'; stories: Story[] } | { kind: 'failed'; status: string; reason: string };

/** Hanging and dripping servers get a short total timeout; everything else a generous one. */
const SHORT_TIMEOUT_PATHS = new Set(['/hang', '/drip']);

async function ingest(url: string): Promise<Ingested> {
  const timeoutMs = SHORT_TIMEOUT_PATHS.has(new URL(url).pathname) ? 400 : OPTIONS.timeoutMs;
  const fetched = await fetchSource({ url }, { ...OPTIONS, timeoutMs });
  if (fetched.status !== 'ok')
    return { kind: 'failed', status: fetched.status, reason: fetched.detail };
  const read = await readDocument(SOURCE, fetched.bytes, {
    contentType: fetched.contentType,
    finalUrl: fetched.finalUrl,
    now: NOW,
  });
  if (!read.ok) return { kind: 'failed', status: read.kind, reason: read.reason };
  return { kind: 'stories', stories: read.stories };
}

const item = (i: number, extra = ''): string =>
  `<item><title>Story ${i}</title><link>https://example.org/${i}</link><guid>g${i}</guid>${extra}</item>`;
const rss = (items: string): string =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>F</title>${items}</channel></rss>`;

const failures: [string, string, RegExp][] = [
  ['/404', 'http-error', /^HTTP 404 Not Found$/],
  ['/410', 'http-error', /^HTTP 410 Gone: the publisher has removed this feed$/],
  ['/401', 'http-error', /^HTTP 401 Unauthorized$/],
  ['/403', 'http-error', /^HTTP 403 Forbidden$/],
  ['/429', 'http-error', /^HTTP 429 Too Many Requests \(retry after 60 s\)$/],
  ['/503', 'http-error', /^HTTP 503 Service Unavailable \(retry after 3600 s\)$/],
  ['/500', 'http-error', /^HTTP 500 Internal Server Error$/],
  ['/reset', 'network-error', /closed early/],
  ['/hang', 'timeout', /no complete answer within 400 ms/],
  ['/drip', 'timeout', /no complete answer within 400 ms/],
  ['/loop', 'network-error', /^redirect loop at /],
  ['/to-ftp', 'blocked', /redirect to a ftp: URL refused/],
  ['/empty', 'empty', /^empty document$/],
  ['/huge', 'too-large', /larger than the 2097152-byte limit/],
  ['/bomb', 'too-large', /after decompression/],
  ['/invalid-xml', 'invalid-xml', /^invalid feed XML: /],
  ['/html-error-200', 'html-page', /^not a feed: looks like an HTML page$/],
];

let server: FeedServer;
beforeAll(async () => {
  server = await startFeedServer({
    '/404': respondStatus(404),
    '/410': respondStatus(410),
    '/401': respondStatus(401),
    '/403': respondStatus(403),
    '/429': respondStatus(429, { 'retry-after': '60' }),
    '/503': respondStatus(503, { 'retry-after': '3600' }),
    '/500': respondStatus(500, {}, '<html><body>Internal error</body></html>'),
    '/reset': resetMidBody(rss(item(1).repeat(300))),
    '/hang': hang(),
    '/drip': drip(25),
    '/loop': redirectTo('/loop-2'),
    '/loop-2': redirectTo('/loop'),
    '/to-ftp': redirectTo('ftp://files.example.org/feed.xml', 301),
    '/empty': serveBody(''),
    '/huge': oversize(50 * 1024 * 1024),
    '/bomb': gzipBomb(),
    '/invalid-xml': serveBody(
      '<rss version="2.0"><channel><title>Broken</title><item><guid>1</guid><<<>>>',
    ),
    '/html-error-200': serveBody(
      '<!DOCTYPE html><html><head><title>Error</title></head><body>Oops</body></html>',
      {
        contentType: 'text/html',
      },
    ),
    '/truncated': serveBody(rss(item(1) + item(2) + item(3)).slice(0, -60)),
    '/wrong-charset': serveBody(
      iconv.encode(rss(`<item><title>“Quoted” £5bn</title><guid>w</guid></item>`), 'windows-1252'),
      {
        contentType: 'application/rss+xml; charset=utf-8',
      },
    ),
    '/missing-fields': serveFile('test/fixtures/feeds/missing-and-duplicates.xml'),
    '/ten-thousand': serveBody(rss(Array.from({ length: 10_000 }, (_, i) => item(i)).join('')), {
      encoding: 'gzip',
    }),
    '/long-title': serveBody(
      rss(`<item><title>${'Trust '.repeat(10_000)}</title><guid>long</guid></item>`),
    ),
    '/control-chars': serveBody(
      rss(`<item><title>NHS\u0000 \u0001England\u001f</title><guid>ctl</guid></item>`),
    ),
    '/dates': serveBody(
      rss(
        item(1, '<pubDate>Sat, 01 Jan 2101 00:00:00 GMT</pubDate>') +
          item(2, '<pubDate>Thu, 01 Jan 1970 00:00:00 GMT</pubDate>'),
      ),
    ),
  });
});
afterAll(async () => {
  await server.close();
});

describe('source faults end in one clear reason', () => {
  it.each(failures)('%s -> %s', async (path, status, reason) => {
    const result = await ingest(server.url(path));
    expect(result).toMatchObject({ kind: 'failed', status });
    if (result.kind === 'failed') {
      expect(result.reason).toMatch(reason);
      expect(result.reason).not.toContain('\n');
    }
  });

  it('connection refused', async () => {
    const closed = await startFeedServer();
    const url = closed.url('/feed.xml');
    await closed.close();
    expect(await ingest(url)).toMatchObject({
      kind: 'failed',
      status: 'network-error',
      reason: expect.stringMatching(/connection refused/),
    });
  });
});

describe('awkward documents still give stories', () => {
  it('truncated XML keeps the complete items', async () => {
    const result = await ingest(server.url('/truncated'));
    expect(result.kind).toBe('stories');
    if (result.kind === 'stories')
      expect(result.stories.map((s) => s.title).slice(0, 2)).toEqual(['Story 1', 'Story 2']);
  });

  it('a wrong charset header is survived', async () => {
    const result = await ingest(server.url('/wrong-charset'));
    expect(result.kind === 'stories' && result.stories[0]!.title).toBe('“Quoted” £5bn');
  });

  it('items with no GUID, link or date, and duplicate GUIDs', async () => {
    const result = await ingest(server.url('/missing-fields'));
    expect(result.kind === 'stories' && result.stories.length).toBe(6);
  });

  it('10,000 items in one (gzipped) feed', async () => {
    const result = await ingest(server.url('/ten-thousand'));
    expect(result.kind === 'stories' && new Set(result.stories.map((s) => s.id)).size).toBe(10_000);
  });

  it('a 60,000-character title is capped', async () => {
    const result = await ingest(server.url('/long-title'));
    expect(result.kind === 'stories' && result.stories[0]!.title.length).toBeLessThanOrEqual(300);
  });

  it('NUL and control characters are removed', async () => {
    const result = await ingest(server.url('/control-chars'));
    expect(result.kind === 'stories' && result.stories[0]!.title).toBe('NHS England');
  });

  it('far-future and 1970 dates become the first-seen time, marked estimated', async () => {
    const result = await ingest(server.url('/dates'));
    expect(
      result.kind === 'stories' && result.stories.map((s) => [s.publishedAt, s.publishedEstimated]),
    ).toEqual([
      [NOW.toISOString(), true],
      [NOW.toISOString(), true],
    ]);
  });
});
