// fetchSource against a real loopback server: every fault case of issues 2 and 8 that lives at
// the HTTP layer. Timeouts use short real limits (the assertion is the outcome, not the time).
import { createServer, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchSource, type FetchOptions } from '../../src/ingest/fetch-source.js';
import {
  drip,
  gzipBomb,
  hang,
  oversize,
  redirectTo,
  resetMidBody,
  respondStatus,
  serveBody,
  sequence,
  serveFile,
  startFeedServer,
  type FeedServer,
} from '../fakes/feed-server.js';

const FEED = '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title></channel></rss>';
const LAST_MODIFIED = 'Tue, 14 Feb 2017 09:00:00 GMT';

const options: FetchOptions = {
  userAgent: 'nhs-briefing-bot/test (+https://example.org/contact)',
  connectTimeoutMs: 2_000,
  timeoutMs: 5_000,
  maxBytes: 1024 * 1024,
  maxRedirects: 3,
  allowPrivateAddresses: true,
  now: () => new Date('2017-02-14T09:00:00Z'),
};

let server: FeedServer;

beforeAll(async () => {
  server = await startFeedServer({
    '/feed.xml': serveBody(FEED, { etag: '"v1"', lastModified: LAST_MODIFIED }),
    '/dated.xml': serveBody(FEED, { lastModified: LAST_MODIFIED }),
    '/fixture.xml': serveFile('test/fixtures/feeds/rss2-nhs.xml'),
    '/gzip.xml': serveBody(FEED, { encoding: 'gzip' }),
    '/deflate.xml': serveBody(FEED, { encoding: 'deflate' }),
    '/deflate-raw.xml': serveBody(FEED, { encoding: 'deflate-raw' }),
    '/br.xml': serveBody(FEED, { encoding: 'br' }),
    '/empty': serveBody(''),
    '/404': respondStatus(404),
    '/401': respondStatus(401),
    '/403': respondStatus(403),
    '/410': respondStatus(410),
    '/500': respondStatus(500),
    '/429': respondStatus(429, { 'retry-after': '120' }),
    '/503-date': respondStatus(503, { 'retry-after': 'Tue, 14 Feb 2017 09:05:00 GMT' }),
    '/503-bad': respondStatus(503, { 'retry-after': 'soon' }),
    '/hang': hang(),
    '/drip': drip(20),
    '/reset': resetMidBody(FEED.repeat(200)),
    '/big': oversize(3 * 1024 * 1024),
    '/big-chunked': oversize(3 * 1024 * 1024, false),
    '/bomb': gzipBomb(50 * 1024 * 1024),
    '/moved': redirectTo('/moved-2', 301),
    '/moved-2': redirectTo('/feed.xml', 308),
    '/mixed': redirectTo('/mixed-2', 301),
    '/mixed-2': redirectTo('/feed.xml', 302),
    '/temp': redirectTo('/feed.xml', 302),
    '/loop-a': redirectTo('/loop-b', 302),
    '/loop-b': redirectTo('/loop-a', 302),
    '/chain-1': redirectTo('/chain-2'),
    '/chain-2': redirectTo('/chain-3'),
    '/chain-3': redirectTo('/chain-4'),
    '/chain-4': redirectTo('/feed.xml'),
    '/to-ftp': redirectTo('ftp://example.org/feed.xml'),
    '/to-js': redirectTo('javascript:alert(1)'),
    '/flaky': sequence([
      respondStatus(500),
      respondStatus(503, { 'retry-after': '1' }),
      serveBody(FEED),
    ]),
  });
});

afterAll(async () => {
  await server.close();
});

describe('fetchSource: success paths', () => {
  it('returns the bytes, validators and a real User-Agent', async () => {
    const result = await fetchSource({ url: server.url('/feed.xml') }, options);
    expect(result.status).toBe('ok');
    if (result.status !== 'ok') return;
    expect(Buffer.from(result.bytes).toString()).toBe(FEED);
    expect(result.etag).toBe('"v1"');
    expect(result.lastModified).toBe(LAST_MODIFIED);
    expect(result.contentType).toContain('application/rss+xml');
    expect(result.finalUrl).toBe(server.url('/feed.xml'));
    expect(result.permanentRedirectTo).toBeUndefined();
    const logged = server.requests.at(-1)!;
    expect(logged.headers['user-agent']).toBe(options.userAgent);
    expect(logged.headers['accept-encoding']).toBe('gzip, deflate, br');
  });

  it('serves a fixture file', async () => {
    const result = await fetchSource({ url: server.url('/fixture.xml') }, options);
    expect(result.status).toBe('ok');
  });

  it.each(['/gzip.xml', '/deflate.xml', '/deflate-raw.xml', '/br.xml'])(
    'decompresses %s',
    async (path) => {
      const result = await fetchSource({ url: server.url(path) }, options);
      expect(result.status).toBe('ok');
      if (result.status === 'ok') expect(Buffer.from(result.bytes).toString()).toBe(FEED);
    },
  );

  it('returns an empty body as ok with zero bytes (the parser reports it)', async () => {
    const result = await fetchSource({ url: server.url('/empty') }, options);
    expect(result.status).toBe('ok');
    if (result.status === 'ok') expect(result.bytes.byteLength).toBe(0);
  });
});

describe('fetchSource: conditional GET', () => {
  it('sends If-None-Match and gets not-modified', async () => {
    const result = await fetchSource({ url: server.url('/feed.xml'), etag: '"v1"' }, options);
    expect(result.status).toBe('not-modified');
    expect(server.requests.at(-1)!.headers['if-none-match']).toBe('"v1"');
  });

  it('sends If-Modified-Since and gets not-modified', async () => {
    const result = await fetchSource(
      { url: server.url('/dated.xml'), lastModified: LAST_MODIFIED },
      options,
    );
    expect(result.status).toBe('not-modified');
    if (result.status === 'not-modified') expect(result.lastModified).toBe(LAST_MODIFIED);
  });

  it('a stale ETag gets the full body again', async () => {
    const result = await fetchSource({ url: server.url('/feed.xml'), etag: '"v0"' }, options);
    expect(result.status).toBe('ok');
  });
});

describe('fetchSource: HTTP errors', () => {
  it.each([
    ['/404', 404, /404 Not Found/],
    ['/401', 401, /401 Unauthorized/],
    ['/403', 403, /403 Forbidden/],
    ['/500', 500, /500 Internal Server Error/],
  ])('%s is an http-error %i', async (path, httpStatus, detail) => {
    const result = await fetchSource({ url: server.url(path) }, options);
    expect(result).toMatchObject({ status: 'http-error', httpStatus });
    expect(result.detail).toMatch(detail);
    if (result.status === 'http-error') expect(result.gone).toBeUndefined();
  });

  it('410 marks the source gone', async () => {
    const result = await fetchSource({ url: server.url('/410') }, options);
    expect(result).toMatchObject({ status: 'http-error', httpStatus: 410, gone: true });
  });

  it.each([
    ['/429', 120_000],
    ['/503-date', 300_000],
    ['/503-bad', undefined],
  ])('%s carries Retry-After as %s ms', async (path, retryAfterMs) => {
    const result = await fetchSource({ url: server.url(path) }, options);
    expect(result.status).toBe('http-error');
    if (result.status === 'http-error') expect(result.retryAfterMs).toBe(retryAfterMs);
  });
});

describe('fetchSource: redirects', () => {
  it('reports the final permanent URL of a 301/308 chain', async () => {
    const result = await fetchSource({ url: server.url('/moved') }, options);
    expect(result).toMatchObject({
      status: 'ok',
      finalUrl: server.url('/feed.xml'),
      permanentRedirectTo: server.url('/feed.xml'),
    });
  });

  it('stops the permanent URL at the first temporary hop', async () => {
    const result = await fetchSource({ url: server.url('/mixed') }, options);
    expect(result).toMatchObject({ status: 'ok', permanentRedirectTo: server.url('/mixed-2') });
  });

  it('a temporary redirect does not change the stored URL', async () => {
    const result = await fetchSource({ url: server.url('/temp') }, options);
    expect(result.status).toBe('ok');
    if (result.status === 'ok') expect(result.permanentRedirectTo).toBeUndefined();
  });

  it('detects a loop', async () => {
    const result = await fetchSource({ url: server.url('/loop-a') }, options);
    expect(result).toMatchObject({ status: 'network-error', reason: 'redirect-loop' });
  });

  it('enforces the redirect limit', async () => {
    const result = await fetchSource({ url: server.url('/chain-1') }, options);
    expect(result).toMatchObject({ status: 'network-error', reason: 'too-many-redirects' });
    const ok = await fetchSource({ url: server.url('/chain-1') }, { ...options, maxRedirects: 4 });
    expect(ok.status).toBe('ok');
  });

  it.each(['/to-ftp', '/to-js'])('refuses %s (non-http scheme)', async (path) => {
    const result = await fetchSource({ url: server.url(path) }, options);
    expect(result.status).toBe('blocked');
    expect(result.detail).toMatch(/redirect to a (ftp|javascript): URL refused/);
  });
});

describe('fetchSource: recovery', () => {
  it('recovers when the source does (500, 503, then the feed)', async () => {
    const statuses = [];
    for (let i = 0; i < 4; i++) {
      statuses.push((await fetchSource({ url: server.url('/flaky') }, options)).status);
    }
    expect(statuses).toEqual(['http-error', 'http-error', 'ok', 'ok']);
  });

  it('follows a route replaced mid-test', async () => {
    server.setRoute('/replaced', respondStatus(404));
    expect((await fetchSource({ url: server.url('/replaced') }, options)).status).toBe(
      'http-error',
    );
    server.setRoute('/replaced', serveBody(FEED));
    expect((await fetchSource({ url: server.url('/replaced') }, options)).status).toBe('ok');
  });
});

describe('fetchSource: limits and faults', () => {
  it('times out on a server that never answers', async () => {
    const result = await fetchSource({ url: server.url('/hang') }, { ...options, timeoutMs: 300 });
    expect(result).toMatchObject({ status: 'timeout', phase: 'total' });
  });

  it('times out on a body that drips', async () => {
    const result = await fetchSource({ url: server.url('/drip') }, { ...options, timeoutMs: 300 });
    expect(result).toMatchObject({ status: 'timeout', phase: 'total' });
  });

  it('reports a connection reset mid-body', async () => {
    const result = await fetchSource({ url: server.url('/reset') }, options);
    expect(result).toMatchObject({ status: 'network-error', reason: 'reset' });
  });

  it('reports connection refused', async () => {
    const port = await unusedPort();
    const result = await fetchSource({ url: `http://127.0.0.1:${port}/feed` }, options);
    expect(result).toMatchObject({ status: 'network-error', reason: 'refused' });
  });

  it.each(['/big', '/big-chunked'])('%s stops at maxBytes', async (path) => {
    const result = await fetchSource({ url: server.url(path) }, options);
    expect(result).toMatchObject({ status: 'too-large', limitBytes: options.maxBytes });
  });

  it('stops a gzip bomb at the decompressed cap without inflating it all', async () => {
    const before = process.memoryUsage().arrayBuffers;
    const result = await fetchSource({ url: server.url('/bomb') }, options);
    expect(result).toMatchObject({ status: 'too-large' });
    expect(result.detail).toMatch(/after decompression/);
    // 50 MB inflated would show; the cap is 1 MB. Generous bound, not a timing assertion.
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(30 * 1024 * 1024);
  });
});

async function unusedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}
