// fetchSource's network policy: the SSRF guard, proxies (HTTP_PROXY / NO_PROXY through a real
// CONNECT proxy on loopback) and the concurrency limiter.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BLOCKED_ADDRESS_CODE,
  guardedLookup,
  type ResolveAll,
} from '../../src/ingest/address-policy.js';
import { fetchSource, type FetchOptions } from '../../src/ingest/fetch-source.js';
import { createFetchLimiter } from '../../src/ingest/limiter.js';
import { startConnectProxy } from '../fakes/connect-proxy.js';
import { serveBody, startFeedServer, type FeedServer } from '../fakes/feed-server.js';

const FEED = '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title></channel></rss>';

const options: FetchOptions = {
  userAgent: 'nhs-briefing-bot/test (+https://example.org/contact)',
  connectTimeoutMs: 2_000,
  timeoutMs: 5_000,
  maxBytes: 1024 * 1024,
  maxRedirects: 3,
  allowPrivateAddresses: true,
};

let server: FeedServer;

beforeAll(async () => {
  server = await startFeedServer({ '/feed.xml': serveBody(FEED) });
});

afterAll(async () => {
  await server.close();
});

describe('fetchSource: SSRF guard', () => {
  const strict = { ...options, allowPrivateAddresses: false };

  it.each([
    'http://127.0.0.1/feed',
    'http://localhost/feed',
    'http://10.1.2.3/feed',
    'http://192.168.0.1/feed',
    'http://169.254.169.254/latest/meta-data',
    'http://[::1]/feed',
    'http://[::ffff:127.0.0.1]/feed',
    'http://0.0.0.0/feed',
  ])('blocks %s', async (url) => {
    const result = await fetchSource({ url }, strict);
    expect(result.status).toBe('blocked');
  });

  it.each(['ftp://example.org/feed', 'file:///etc/passwd', 'javascript:alert(1)', 'not a url'])(
    'blocks %s (not http)',
    async (url) => {
      expect((await fetchSource({ url }, strict)).status).toBe('blocked');
    },
  );

  it('refuses a hostname that resolves to loopback at DNS lookup time', async () => {
    const error = await new Promise<NodeJS.ErrnoException | null>((resolve) =>
      guardedLookup('localhost', {}, (err) => resolve(err)),
    );
    expect(error?.code).toBe(BLOCKED_ADDRESS_CODE);
  });
});

describe('fetchSource: proxy and limiter', () => {
  it('tunnels through HTTP_PROXY with CONNECT', async () => {
    const proxy = await startConnectProxy(Number(new URL(server.origin).port));
    // The guard resolves the name here before asking the proxy: answer with a public address.
    const resolve: ResolveAll = (_host, callback) =>
      callback(null, [{ address: '151.101.0.81', family: 4 }]);
    const result = await fetchSource(
      { url: 'http://feeds.example.org/feed.xml' },
      { ...options, allowPrivateAddresses: false, proxy: { httpProxy: proxy.url }, resolve },
    );
    expect(result.status).toBe('ok');
    expect(proxy.targets).toEqual(['feeds.example.org:80']);
    await proxy.close();
  });

  it('bypasses the proxy for NO_PROXY hosts', async () => {
    const result = await fetchSource(
      { url: server.url('/feed.xml') },
      { ...options, proxy: { httpProxy: 'http://127.0.0.1:9', noProxy: '127.0.0.1' } },
    );
    expect(result.status).toBe('ok');
  });

  it('runs inside the limiter', async () => {
    const limiter = createFetchLimiter({ concurrency: 1, perHost: 1 });
    const results = await Promise.all(
      [1, 2, 3].map(() => fetchSource({ url: server.url('/feed.xml') }, { ...options, limiter })),
    );
    expect(results.map((r) => r.status)).toEqual(['ok', 'ok', 'ok']);
    expect(limiter.active()).toBe(0);
  });
});
