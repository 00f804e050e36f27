// A running bot with the web archive on, for the real-browser page tests (test/web/browser/):
// `startBot` (the composition root `briefing run` uses) with WEB_PORT=0 on 127.0.0.1, over a
// SQLite file seeded through the real pipeline:
// - the invented stories of app-fixture-stories.ts with ids as ingest gives them (computeStoryId
//   over their URL: "u_" + hex, so story references resolve), tagged by the real annotator;
// - a first poll, by startBot itself, of two loopback sources: one Atom feed that answers and one
//   that answers 404, so the source health page has an outcome and an error to show;
// - the weekly digests of 2017-W06 and 2017-W07 archived to a temp digests/ by the real digest
//   job for a subscribed channel on the in-memory platform.
// The configured (public) sources stay listed but disabled, so nothing leaves loopback.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { loadEnv } from '../../src/config/env.js';
import type { Story } from '../../src/domain.js';
import { computeStoryId } from '../../src/ingest/story-id.js';
import type { AppConfig } from '../../src/config/load.js';
import { MemoryAdapter } from '../../src/delivery/memory-adapter.js';
import { silentLogger } from '../../src/logging.js';
import { startBot, type RunningBot } from '../../src/main.js';
import { buildAnnotator } from '../../src/pipeline/build-poll-deps.js';
import { runDigestJob } from '../../src/pipeline/run-digest-job.js';
import { tagAndStore } from '../../src/pipeline/tag-and-store.js';
import { openDatabase, type Db } from '../../src/store/database.js';
import { upsertSubscription } from '../../src/store/subscriptions.js';
import {
  respondStatus,
  serveFile,
  startFeedServer,
  type FeedServer,
} from '../fakes/feed-server.js';
import { FIXTURE_STORIES, loadFixtureConfig } from './app-fixture.js';
import { testSource } from './poll-fixtures.js';

/** The bot's clock: Monday of 2017-W08, after 2017-W07's digest fell due (08:00 London). */
export const ARCHIVE_NOW = new Date('2017-02-20T09:00:00.000Z');
/** The weeks whose digests the fixture archives, oldest first. */
export const ARCHIVED_WEEKS = ['2017-W06', '2017-W07'] as const;

export interface WebArchiveBot {
  /** e.g. http://127.0.0.1:41234 */
  url: string;
  db: Db;
  config: AppConfig;
  stop(): Promise<void>;
}

function loopbackConfig(feeds: FeedServer): AppConfig {
  const config = loadFixtureConfig();
  return {
    ...config,
    settings: {
      ...config.settings,
      poll: { ...config.settings.poll, allowPrivateAddresses: true },
    },
    sources: [
      ...config.sources.map((s) => ({ ...s, enabled: false })),
      testSource(feeds.url('/publications.atom'), {
        id: 'policy-example',
        name: 'Example Policy Institute',
      }),
      testSource(feeds.url('/gone.xml'), { id: 'gone-feed', name: 'A feed that moved' }),
    ],
  };
}

/** The fixture stories as a poll would have stored them: ids from their canonical links. */
function asIngested(stories: readonly Story[]): Story[] {
  return stories.map((story) => {
    const { id } = computeStoryId({
      sourceId: story.sourceId,
      guid: null,
      canonicalUrl: story.url,
      title: story.title,
      rawPublished: story.publishedAt,
    });
    return { ...story, id, guid: null };
  });
}

/** Archives each week's digest the way the scheduler would, each when it falls due. */
async function archiveWeeks(db: Db, config: AppConfig, digestsDir: string): Promise<void> {
  const channel = { platform: 'memory', workspaceId: 'T-WEB', channelId: 'C-WEB' } as const;
  upsertSubscription(
    db,
    { ...channel, themes: 'all', organisations: [], schedule: null, createdBy: 'U-WEB' },
    new Date('2017-01-30T00:00:00.000Z'),
  );
  const adapters = new Map([['memory' as const, new MemoryAdapter()]]);
  // Each Monday 09:00 (an hour after the default 08:00 due time) archives the week before it.
  for (const now of [new Date('2017-02-13T09:00:00.000Z'), ARCHIVE_NOW]) {
    const report = await runDigestJob({ db, config, adapters, now, digestsDir });
    if (report.archived.length !== 1) {
      throw new Error(`web-archive-bot: expected one archived digest at ${now.toISOString()}`);
    }
  }
}

/** Starts the seeded bot; `extraEnv` adds e.g. WEB_USERS. */
export async function startWebArchiveBot(
  extraEnv: Record<string, string> = {},
): Promise<WebArchiveBot> {
  const dir = mkdtempSync(join(tmpdir(), 'briefing-web-'));
  const digestsDir = join(dir, 'digests');
  const feeds = await startFeedServer({
    '/publications.atom': serveFile('test/fixtures/feeds/atom-xml-base.xml'),
    '/gone.xml': respondStatus(404),
  });
  const loaded = loadEnv({
    LOG_LEVEL: 'silent',
    WEB_PORT: '0',
    DIGESTS_DIR: digestsDir,
    ...extraEnv,
  });
  if (!loaded.ok) throw new Error(`web-archive-bot: ${loaded.errors.join('\n')}`);
  const db = openDatabase(join(dir, 'briefing.db'));
  const config = loopbackConfig(feeds);
  const stop = async (bot?: RunningBot) => {
    await bot?.stop(0);
    db.close();
    await feeds.close();
    rmSync(dir, { recursive: true, force: true });
  };
  let bot: RunningBot | undefined;
  try {
    tagAndStore(
      db,
      asIngested(FIXTURE_STORIES),
      new Date('2017-02-16T12:00:00.000Z'),
      buildAnnotator(config),
    );
    bot = await startBot({
      env: loaded.env,
      config,
      db,
      logger: silentLogger,
      out: new PassThrough(),
      now: () => ARCHIVE_NOW,
      platforms: [],
    });
    await archiveWeeks(db, config, digestsDir);
    if (bot.webUrl === null) throw new Error('web-archive-bot: the web server did not start');
    const running = bot;
    return { url: bot.webUrl, db, config, stop: () => stop(running) };
  } catch (error) {
    await stop(bot);
    throw error;
  }
}
