// SSRF guard with a proxy configured (issue 12), and on every redirect hop. A CONNECT proxy fake
// on 127.0.0.1 stands in for the corporate proxy and, behind it, the internet: it tunnels every
// CONNECT to a loopback feed server and records the targets asked for. The proxy itself is the
// operator's choice and is reached whatever its address; the names sent through it are resolved
// here first (a stand-in resolver gives the answers) and refused when any answer is not public.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchSource, type FetchOptions } from '../../src/ingest/fetch-source.js';
import { startConnectProxy, type ConnectProxy } from '../fakes/connect-proxy.js';
import { redirectTo, serveBody, startFeedServer, type FeedServer } from '../fakes/feed-server.js';
import { answering } from '../helpers/answering-resolver.js';

const RSS = '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title></channel></rss>';
const PUBLIC = '151.101.0.81';

let server: FeedServer;
let proxy: ConnectProxy;
let options: FetchOptions;

beforeAll(async () => {
  server = await startFeedServer({ '/feed.xml': serveBody(RSS) });
  proxy = await startConnectProxy(Number(new URL(server.origin).port));
  options = {
    userAgent: 'nhs-briefing-bot/test (+https://example.org/contact)',
    connectTimeoutMs: 2_000,
    timeoutMs: 5_000,
    maxBytes: 1024 * 1024,
    maxRedirects: 3,
    allowPrivateAddresses: false,
    proxy: { httpProxy: proxy.url, httpsProxy: proxy.url },
  };
});

afterAll(async () => {
  await proxy.close();
  await server.close();
});

/** Targets the proxy was asked for during `run`. */
async function proxiedDuring<T>(run: () => Promise<T>): Promise<{ result: T; targets: string[] }> {
  const before = proxy.targets.length;
  const result = await run();
  return { result, targets: proxy.targets.slice(before) };
}

describe('a proxy is configured: names are resolved here before the proxy is asked', () => {
  it.each([
    ['127.0.0.1', /loopback/],
    ['::1', /loopback/],
    ['::7f00:1', /loopback/],
    ['10.20.30.40', /private/],
    ['169.254.169.254', /link-local/],
    [`${PUBLIC} and 192.168.0.10`, /private/],
  ])('a name answering %s is refused and never reaches the proxy', async (answers, words) => {
    const resolve = answering({ 'intranet.nhs.test': answers.split(' and ') });
    const { result, targets } = await proxiedDuring(() =>
      fetchSource({ url: 'http://intranet.nhs.test/feed.xml' }, { ...options, resolve }),
    );
    expect(result).toMatchObject({ status: 'blocked' });
    expect(result.detail).toMatch(/intranet\.nhs\.test resolves to/);
    expect(result.detail).toMatch(words);
    expect(targets).toEqual([]);
  });

  it.each([PUBLIC, '2a04:4e42::81', '64:ff9b::808:808', '::ffff:8.8.8.8'])(
    'a name answering public %s is fetched through the proxy',
    async (address) => {
      const resolve = answering({ 'feeds.publisher.test': [address] });
      const { result, targets } = await proxiedDuring(() =>
        fetchSource({ url: 'http://feeds.publisher.test/feed.xml' }, { ...options, resolve }),
      );
      expect(result.status).toBe('ok');
      expect(targets).toEqual(['feeds.publisher.test:80']);
    },
  );

  it('a name that does not resolve here is a DNS failure, not sent to the proxy', async () => {
    const { result, targets } = await proxiedDuring(() =>
      fetchSource({ url: 'http://unknown.test/feed.xml' }, { ...options, resolve: answering({}) }),
    );
    expect(result).toMatchObject({ status: 'network-error', reason: 'dns' });
    expect(result.detail).toMatch(/before asking the proxy/);
    expect(targets).toEqual([]);
  });

  it('with allowPrivateAddresses the proxy decides', async () => {
    const resolve = answering({ 'intranet.nhs.test': ['127.0.0.1'] });
    const { result, targets } = await proxiedDuring(() =>
      fetchSource(
        { url: 'http://intranet.nhs.test/feed.xml' },
        { ...options, resolve, allowPrivateAddresses: true },
      ),
    );
    expect(result.status).toBe('ok');
    expect(targets).toEqual(['intranet.nhs.test:80']);
  });
});

describe('every redirect hop is checked like the first URL', () => {
  const resolve = answering({
    'news.publisher.test': [PUBLIC],
    'cdn.publisher.test': ['2a04:4e42::81'],
    'intranet.publisher.test': ['10.0.0.5'],
    'rebind.publisher.test': [PUBLIC, '127.0.0.1'],
  });

  it.each([
    ['http://127.0.0.1/feed.xml', /loopback/],
    ['http://2130706433/feed.xml', /loopback/],
    ['http://0x7f.1/feed.xml', /loopback/],
    ['http://127.1/feed.xml', /loopback/],
    ['http://127.0.0.1./feed.xml', /loopback/],
    ['http://localhost./feed.xml', /loopback name/],
    ['http://[::127.0.0.1]/feed.xml', /loopback/],
    ['http://[::ffff:7f00:1]/feed.xml', /loopback/],
    ['http://[64:ff9b::7f00:1]/feed.xml', /loopback/],
    ['http://[2002:7f00:1::]/feed.xml', /loopback/],
    ['http://[2001:0:4136:e378:8000:63bf:80ff:fffe]/feed.xml', /loopback/],
    ['http://169.254.169.254/latest/meta-data/', /link-local/],
    ['http://[fd00::1]/feed.xml', /unique-local/],
    ['http://100.64.0.1/feed.xml', /carrier-grade NAT/],
    ['http://intranet.publisher.test/feed.xml', /resolves to 10\.0\.0\.5, private/],
    ['http://rebind.publisher.test/feed.xml', /resolves to 127\.0\.0\.1, loopback/],
  ])('a redirect to %s is refused', async (target, words) => {
    server.setRoute('/moved', redirectTo(target, 301));
    const { result, targets } = await proxiedDuring(() =>
      fetchSource({ url: 'http://news.publisher.test/moved' }, { ...options, resolve }),
    );
    expect(result).toMatchObject({ status: 'blocked' });
    expect(result.detail).toMatch(words);
    expect(targets).toEqual(['news.publisher.test:80']);
  });

  it('a redirect to a public name is followed', async () => {
    server.setRoute('/moved', redirectTo('http://cdn.publisher.test/feed.xml', 301));
    const { result, targets } = await proxiedDuring(() =>
      fetchSource({ url: 'http://news.publisher.test/moved' }, { ...options, resolve }),
    );
    expect(result).toMatchObject({ status: 'ok', finalUrl: 'http://cdn.publisher.test/feed.xml' });
    expect(targets).toEqual(['news.publisher.test:80', 'cdn.publisher.test:80']);
  });
});
