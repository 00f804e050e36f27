// Server-side request forgery (issue 8), end to end through pollSource with the settings default
// allowPrivateAddresses: false. Loopback addresses in every spelling the URL parser accepts (and a
// host name that resolves to loopback) point at a real loopback feed server, which must receive
// nothing; the same URL with allowPrivateAddresses: true is fetched, which proves it was the
// guard that refused. Link-local (cloud metadata) and private literals are checked only after
// confirming the guard refuses them before connecting, so no packet leaves the machine.
import { lookup } from 'node:dns/promises';
import { hostname } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPollDeps } from '../../src/pipeline/build-poll-deps.js';
import { loadEnv } from '../../src/config/env.js';
import { loadConfigOrThrow, type AppConfig } from '../../src/config/load.js';
import type { Source } from '../../src/domain.js';
import { checkHostLiteral, isPublicAddress } from '../../src/ingest/address-policy.js';
import { pollSource } from '../../src/pipeline/poll-source.js';
import { silentLogger } from '../../src/logging.js';
import { openDatabase, type Db } from '../../src/store/database.js';
import { getSourceState } from '../../src/store/source-state.js';
import { serveBody, startFeedServer, type FeedServer } from '../fakes/feed-server.js';
import { REPO_ROOT } from './kill-world.js';
import { testSource } from '../helpers/poll-fixtures.js';

const RSS = `<?xml version="1.0"?><rss version="2.0"><channel><title>Internal</title>
<item><title>Internal only: integrated care board minutes</title><guid>internal-1</guid>
<link>https://intranet.example.org/minutes</link></item></channel></rss>`;

let server: FeedServer;
let port: string;
let config: AppConfig;
let db: Db;

function source(url: string): Source {
  return testSource(url, { id: `s-${Math.random().toString(36).slice(2, 8)}`, name: 'Private' });
}

async function poll(url: string, allowPrivateAddresses: boolean) {
  const env = loadEnv({});
  if (!env.ok) throw new Error(env.errors.join('; '));
  const s = source(url);
  const outcome = await pollSource(
    s,
    buildPollDeps({
      db,
      env: env.env,
      config,
      logger: silentLogger,
      fetchOverrides: { allowPrivateAddresses, connectTimeoutMs: 1_000, timeoutMs: 3_000 },
    }),
  );
  return { outcome, state: getSourceState(db, s.id) };
}

beforeAll(async () => {
  server = await startFeedServer({ '/feed.xml': serveBody(RSS) });
  port = new URL(server.origin).port;
  config = loadConfigOrThrow(`${REPO_ROOT}/config`);
  expect(config.settings.poll.allowPrivateAddresses).toBe(false); // the shipped default
  db = openDatabase(':memory:');
});

afterAll(async () => {
  db.close();
  await server.close();
});

describe('sources cannot reach loopback addresses unless configuration allows it', () => {
  it.each([
    ['127.0.0.1', () => `http://127.0.0.1:${port}/feed.xml`],
    ['localhost', () => `http://localhost:${port}/feed.xml`],
    ['LOCALHOST.', () => `http://LOCALHOST.:${port}/feed.xml`],
    ['decimal 2130706433', () => `http://2130706433:${port}/feed.xml`],
    ['hex 0x7f.0.0.1', () => `http://0x7f.0.0.1:${port}/feed.xml`],
    ['short 127.1', () => `http://127.1:${port}/feed.xml`],
    ['[::1]', () => `http://[::1]:${port}/feed.xml`],
    ['[::ffff:127.0.0.1]', () => `http://[::ffff:127.0.0.1]:${port}/feed.xml`],
    ['0.0.0.0', () => `http://0.0.0.0:${port}/feed.xml`],
    ['trailing dot 127.0.0.1.', () => `http://127.0.0.1.:${port}/feed.xml`],
    ['IPv4-compatible [::127.0.0.1]', () => `http://[::127.0.0.1]:${port}/feed.xml`],
    ['IPv4-translated [::ffff:0:127.0.0.1]', () => `http://[::ffff:0:127.0.0.1]:${port}/feed.xml`],
    ['6to4 [2002:7f00:1::]', () => `http://[2002:7f00:1::]:${port}/feed.xml`],
  ])('%s is refused and recorded; nothing reaches the server', async (_label, url) => {
    const before = server.requests.length;
    const { outcome, state } = await poll(url(), false);
    expect(outcome.status).toBe('failed');
    expect(outcome.reason).toMatch(/loopback|private/);
    expect(state?.lastError).toBe(outcome.reason);
    expect(server.requests.length).toBe(before);
  });

  it('a host name that resolves to loopback is refused at connect time', async (ctx) => {
    const name = hostname();
    const addresses = await lookup(name, { all: true }).catch(() => []);
    if (addresses.length === 0 || addresses.some((a) => isPublicAddress(a.address))) {
      ctx.skip(); // this machine's name does not resolve only to loopback
      return;
    }
    const before = server.requests.length;
    const { outcome } = await poll(`http://${name}:${port}/feed.xml`, false);
    expect(outcome.status).toBe('failed');
    expect(outcome.reason).toMatch(/resolves to .*(private|loopback)/);
    expect(server.requests.length).toBe(before);
  });

  it('the same loopback source is fetched when allowPrivateAddresses is true', async () => {
    const before = server.requests.length;
    const { outcome } = await poll(`http://127.0.0.1:${port}/feed.xml`, true);
    expect(outcome).toMatchObject({ status: 'ok', newStories: 1 });
    expect(server.requests.length).toBe(before + 1);
  });

  it.each(['169.254.169.254', '10.0.0.1', '192.168.1.1', '172.16.0.1', '100.64.0.1', '[fd00::1]'])(
    'private or link-local %s is refused before any connection',
    async (host) => {
      // Only proceed when the literal check refuses it: otherwise a packet could leave the host.
      expect(checkHostLiteral(host)).not.toBeNull();
      const { outcome } = await poll(`http://${host}/latest/meta-data/`, false);
      expect(outcome.status).toBe('failed');
      expect(outcome.reason).toMatch(/private, loopback or link-local/);
    },
  );
});
