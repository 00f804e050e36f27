// The archive pages of a running bot, over real HTTP on loopback: startBot (the real composition
// root, cli/start-operations.ts) polls a loopback feed with WEB_PORT and WEB_USERS set, and a
// person signs in to read the index, a week archived in DIGESTS_DIR, search and source health.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEnv } from '../../src/config/env.js';
import { archiveDigest } from '../../src/digest/archive-digest.js';
import { silentLogger } from '../../src/logging.js';
import { startBot, type RunningBot } from '../../src/main.js';
import { buildWeekDigest } from '../../src/pipeline/build-week-digest.js';
import { openDatabase, type Db } from '../../src/store/database.js';
import { hashPassword } from '../../src/web/password-hash.js';
import { serveFile, startFeedServer, type FeedServer } from '../fakes/feed-server.js';
import { loadFixtureConfig } from '../helpers/app-fixture.js';
import { testSource } from '../helpers/poll-fixtures.js';

let feeds: FeedServer;
let db: Db;
let bot: RunningBot;
const digests = mkdtempSync(join(tmpdir(), 'briefing-bot-archive-'));
const signIn = {
  authorization: `Basic ${Buffer.from('alice:wonderland 1865').toString('base64')}`,
};

beforeAll(async () => {
  feeds = await startFeedServer({
    '/feed.xml': serveFile('test/fixtures/feeds/atom-xml-base.xml'),
  });
  const hash = await hashPassword('wonderland 1865', { N: 1024, r: 8, p: 1 });
  const loaded = loadEnv({
    LOG_LEVEL: 'silent',
    WEB_PORT: '0',
    WEB_USERS: `alice:${hash}`,
    DIGESTS_DIR: digests,
  });
  if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
  db = openDatabase(':memory:');
  const fixture = loadFixtureConfig();
  const config = {
    ...fixture,
    settings: {
      ...fixture.settings,
      poll: { ...fixture.settings.poll, allowPrivateAddresses: true },
    },
    sources: [testSource(feeds.url('/feed.xml'), { id: 'loopback' })],
  };
  bot = await startBot({
    env: loaded.env,
    config,
    db,
    logger: silentLogger,
    out: new PassThrough(),
    platforms: [],
  });
  archiveDigest(buildWeekDigest(db, config, { year: 2017, week: 7 }), digests);
});

afterAll(async () => {
  await bot?.stop(0);
  db?.close();
  await feeds?.close();
  rmSync(digests, { recursive: true, force: true });
});

const get = (path: string, headers: Record<string, string> = signIn) =>
  fetch(`${bot.webUrl}${path}`, { headers });

describe('the archive of a running bot', () => {
  it('asks a person to sign in, then shows the pages', async () => {
    const refused = await get('/', {});
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toContain('Basic realm="briefing"');
    const index = await get('/');
    expect(index.status).toBe(200);
    expect(await index.text()).toContain('href="/weeks/2017-W07"');
    const week = await get('/weeks/2017-W07');
    expect(week.status).toBe(200);
    expect(await week.text()).toContain('<h1>Catch up: week of 13 February 2017</h1>');
    const sources = await get('/api/sources');
    const body = (await sources.json()) as { sources: { sourceId: string; status: string }[] };
    expect(body.sources).toEqual([expect.objectContaining({ sourceId: 'loopback', status: 'ok' })]);
    const search = await get('/api/search?q=source%3Aloopback');
    expect(search.status).toBe(200);
    expect(((await search.json()) as { total: number }).total).toBeGreaterThan(0);
  });
});
