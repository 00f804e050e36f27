// The operations endpoints of a running bot, over real HTTP on loopback: startBot (the real
// composition root) polls a loopback feed with WEB_PORT set, and /healthz, /readyz and /metrics
// answer what an operator's load balancer and Prometheus would read.
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEnv } from '../../src/config/env.js';
import { silentLogger } from '../../src/logging.js';
import { startBot, type RunningBot } from '../../src/main.js';
import { openDatabase, type Db } from '../../src/store/database.js';
import { serveFile, startFeedServer, type FeedServer } from '../fakes/feed-server.js';
import { loadFixtureConfig } from '../helpers/app-fixture.js';
import { testSource } from '../helpers/poll-fixtures.js';

let feeds: FeedServer;
let db: Db;
let bot: RunningBot;

beforeAll(async () => {
  feeds = await startFeedServer({
    '/feed.xml': serveFile('test/fixtures/feeds/atom-xml-base.xml'),
  });
  const loaded = loadEnv({ LOG_LEVEL: 'silent', WEB_PORT: '0' });
  if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
  db = openDatabase(':memory:');
  const config = loadFixtureConfig();
  bot = await startBot({
    env: loaded.env,
    config: {
      ...config,
      settings: {
        ...config.settings,
        poll: { ...config.settings.poll, allowPrivateAddresses: true },
      },
      sources: [testSource(feeds.url('/feed.xml'), { id: 'loopback' })],
    },
    db,
    logger: silentLogger,
    out: new PassThrough(),
    platforms: [],
  });
});

afterAll(async () => {
  await bot?.stop(0);
  db?.close();
  await feeds?.close();
});

const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${bot.webUrl}${path}`, { headers });

describe('operations endpoints of a running bot', () => {
  it('listens on loopback only', () => {
    expect(bot.webUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('/healthz answers while the process runs', async () => {
    const response = await get('/healthz');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('/readyz checks the database, schema, scheduler and polls', async () => {
    const response = await get('/readyz');
    const body = (await response.json()) as {
      status: string;
      checks: { name: string; ok: boolean }[];
    };
    expect(response.status).toBe(200);
    expect(body.status).toBe('ready');
    expect(body.checks.map((c) => [c.name, c.ok])).toEqual([
      ['database', true],
      ['migrations', true],
      ['scheduler', true],
      ['polls', true],
    ]);
  });

  it('/metrics exposes polls, latencies, the archive and the process in Prometheus format', async () => {
    const response = await get('/metrics');
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    expect(text).toContain('briefing_polls_total{source="loopback",outcome="ok"} 1');
    expect(text).toMatch(/briefing_fetch_duration_seconds_count\{source="loopback"\} 1/);
    expect(text).toMatch(/briefing_parse_duration_seconds_count\{source="loopback"\} 1/);
    expect(text).toMatch(/^briefing_stories_stored 2$/m);
    expect(text).toContain('# TYPE briefing_outbox_parts gauge');
    expect(text).toContain('# TYPE briefing_rate_limited_total counter');
    expect(text).toContain('# TYPE briefing_digest_build_duration_seconds histogram');
    expect(text).toMatch(/^briefing_nodejs_eventloop_lag_seconds \d/m);
    expect(text).toMatch(/^briefing_process_resident_memory_bytes \d+/m);
  });
});
