// SSRF guard by classification (issue 12): a table of address spellings, literal in the URL and
// as DNS answers, each refused or allowed as it should be. Literal refusals go through
// fetchSource with the guard on, after checking that the literal check refuses them, so no
// packet can leave the machine. DNS answers come from a stand-in resolver (FetchOptions.resolve);
// refused answers are refused inside the socket's lookup, before any connect. Allowed answers
// are checked through a CONNECT proxy fake on loopback (test/ingest/ssrf-proxy.test.ts), never
// by connecting to a public address.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkHostLiteral } from '../../src/ingest/address-policy.js';
import { fetchSource, type FetchOptions } from '../../src/ingest/fetch-source.js';
import { serveBody, startFeedServer, type FeedServer } from '../fakes/feed-server.js';
import { answering } from '../helpers/answering-resolver.js';

const strict: FetchOptions = {
  userAgent: 'nhs-briefing-bot/test (+https://example.org/contact)',
  connectTimeoutMs: 2_000,
  timeoutMs: 5_000,
  maxBytes: 1024 * 1024,
  maxRedirects: 3,
  allowPrivateAddresses: false,
};

let server: FeedServer;
let port: string;

beforeAll(async () => {
  server = await startFeedServer({ '/': serveBody('<rss version="2.0"><channel/></rss>') });
  port = new URL(server.origin).port;
});

afterAll(async () => {
  await server.close();
});

// [URL as written, the words the refusal must contain]. Loopback forms point at the real
// loopback server's port: if the guard let one through, the server would log a request.
const REFUSED_LITERALS: [string, RegExp][] = [
  ['http://127.0.0.1:PORT/', /loopback/],
  ['http://2130706433:PORT/', /loopback/], // decimal
  ['http://017700000001:PORT/', /loopback/], // octal
  ['http://0x7f.1:PORT/', /loopback/], // hex, short
  ['http://0x7f000001:PORT/', /loopback/], // hex
  ['http://127.1:PORT/', /loopback/], // short
  ['http://127.0.0.1.:PORT/', /loopback/], // trailing dot
  ['http://LOCALHOST.:PORT/', /loopback name/],
  ['http://feeds.localhost:PORT/', /loopback name/], // RFC 6761
  ['http://[::1]:PORT/', /loopback/],
  ['http://[0:0:0:0:0:0:0:1]:PORT/', /loopback/],
  ['http://[::127.0.0.1]:PORT/', /loopback.*IPv4-compatible/], // the URL parser gives ::7f00:1
  ['http://[::ffff:127.0.0.1]:PORT/', /loopback.*IPv4-mapped/],
  ['http://[::ffff:7f00:1]:PORT/', /loopback.*IPv4-mapped/],
  ['http://[::ffff:0:127.0.0.1]:PORT/', /loopback.*IPv4-translated/],
  ['http://[64:ff9b::127.0.0.1]:PORT/', /loopback.*NAT64/],
  ['http://[2002:7f00:1::]:PORT/', /loopback.*6to4/],
  ['http://[2001:0:4136:e378:8000:63bf:80ff:fffe]:PORT/', /loopback.*Teredo/], // client 127.0.0.1
  ['http://0:PORT/', /unspecified/],
  ['http://0.0.0.0:PORT/', /unspecified/],
  ['http://[::]:PORT/', /unspecified/],
  ['http://10.0.0.1/', /private/],
  ['http://172.16.0.1/', /private/],
  ['http://192.168.1.1/', /private/],
  ['http://3232235777/', /private/], // 192.168.1.1 in decimal
  ['http://[::ffff:10.0.0.1]/', /private.*IPv4-mapped/],
  ['http://[2002:c0a8:101::1]/', /private.*6to4/], // 192.168.1.1
  ['http://[2001:0:c0a8:101::ffff:ffff]/', /private.*Teredo/], // server 192.168.1.1
  ['http://[2a00:1450::5efe:10.1.2.3]/', /private.*ISATAP/],
  ['http://169.254.169.254/latest/meta-data/', /link-local/], // cloud metadata
  ['http://[::ffff:169.254.169.254]/', /link-local/],
  ['http://[64:ff9b::a9fe:a9fe]/', /link-local.*NAT64/],
  ['http://[fe80::1]/', /link-local/],
  ['http://[fd00::1]/', /unique-local/],
  ['http://[fec0::1]/', /site-local/],
  ['http://100.64.0.1/', /carrier-grade NAT/],
  ['http://224.0.0.1/', /multicast/],
  ['http://[ff02::1]/', /multicast/],
  ['http://255.255.255.255/', /broadcast/],
  ['http://198.18.0.1/', /reserved/], // benchmarking
  ['http://192.0.2.1/', /reserved/], // documentation
  ['http://203.0.113.5/', /reserved/], // documentation
  ['http://240.0.0.1/', /reserved/],
  ['http://192.0.0.8/', /reserved/],
  ['http://[2001:db8::1]/', /reserved/],
  ['http://[64:ff9b:1::a00:1]/', /local-use NAT64/],
  ['http://[100::1]/', /special-purpose/], // discard-only
  ['http://[4000::1]/', /reserved/], // outside 2000::/3 global unicast
];

describe('literal addresses in the URL, in every spelling, are judged by what they are', () => {
  it.each(REFUSED_LITERALS)('%s is refused before connecting', async (written, words) => {
    const url = written.replace('PORT', port);
    expect(checkHostLiteral(new URL(url).hostname)).toMatch(words);
    const before = server.requests.length;
    const result = await fetchSource({ url }, strict);
    expect(result).toMatchObject({ status: 'blocked' });
    expect(result.detail).toMatch(words);
    expect(server.requests.length).toBe(before);
  });

  it.each([
    'http://8.8.8.8/',
    'http://151.101.0.81/',
    'http://172.32.0.1/', // just outside 172.16/12
    'http://100.128.0.1/', // just outside 100.64/10
    'http://[2a04:4e42::81]/',
    'http://[::ffff:8.8.8.8]/',
    'http://[64:ff9b::8.8.8.8]/', // NAT64 of a public address: IPv6-only networks with DNS64
    'http://[2002:808:808::1]/',
    'http://www.england.nhs.uk/', // names are judged by their DNS answers
    'http://www.england.nhs.uk./',
    'http://127.0.0.1.nip.io/',
  ])('%s passes the literal check', (url) => {
    expect(checkHostLiteral(new URL(url).hostname)).toBeNull();
  });
});

describe('DNS answers are judged at connect time, whatever their spelling', () => {
  it.each([
    [['127.0.0.1'], /loopback/],
    [['127.255.255.254'], /loopback/],
    [['::1'], /loopback/],
    [['::ffff:7f00:1'], /loopback/],
    [['::7f00:1'], /loopback.*IPv4-compatible/],
    [['64:ff9b::7f00:1'], /loopback.*NAT64/],
    [['2002:7f00:1::1'], /loopback.*6to4/],
    [['0.0.0.0'], /unspecified/],
    [['10.1.2.3'], /private/],
    [['169.254.169.254'], /link-local/],
    [['fe80::1'], /link-local/],
    [['fd12:3456::1'], /unique-local/],
    [['100.100.100.200'], /carrier-grade NAT/],
    [['198.19.255.1'], /reserved/],
    [['8.8.8.8', '10.0.0.1'], /10\.0\.0\.1, private/], // one bad answer is enough
    [['2a04:4e42::81', 'fd00::5'], /fd00::5, unique-local/],
  ])('a name answering %j is refused', async (addresses, words) => {
    const resolve = answering({ 'feeds.publisher.test': addresses });
    const result = await fetchSource(
      { url: `http://feeds.publisher.test:${port}/` },
      { ...strict, resolve },
    );
    expect(result).toMatchObject({ status: 'blocked' });
    expect(result.detail).toMatch(/feeds\.publisher\.test resolves to/);
    expect(result.detail).toMatch(words);
  });
});
