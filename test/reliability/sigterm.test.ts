// SIGTERM (issue 8): `briefing run` (src/cli/run.ts + src/main.ts startBot) stops cleanly: work
// in flight finishes (SQLite writes are transactions, deliveries get a grace period), the process
// prints "Stopped." and exits 0, and the database is consistent afterwards. A source that never
// answers must not hold the shutdown: its fetch is cancelled, not waited out (the fetch timeout
// here is two minutes, far beyond the test's own time limit).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { loadConfigOrThrow } from '../../src/config/load.js';
import { enqueueDigest } from '../../src/delivery/enqueue-digest.js';
import { previousWeek, weekOf } from '../../src/time/week.js';
import { buildWeekDigest } from '../../src/pipeline/build-week-digest.js';
import { silentLogger } from '../../src/logging.js';
import {
  createSlackDeliveryAdapter,
  createSlackDeliveryClient,
} from '../../src/platforms/slack/delivery-adapter.js';
import { openDatabase } from '../../src/store/database.js';
import { upsertSubscription } from '../../src/store/subscriptions.js';
import { hang, serveBody, startFeedServer, type FeedServer } from '../fakes/feed-server.js';
import { FakeSlackApi } from '../fakes/slack-api.js';
import { createTempSetup, sourcesYaml, startCli } from './cli-process.js';
import { startKillProxy } from './kill-proxy.js';
import { REPO_ROOT } from './kill-world.js';

const SETTINGS = `poll:\n  allowPrivateAddresses: true\n  timeoutMs: 120000\n  connectTimeoutMs: 2000\n`;

function rss(prefix: string, count: number): string {
  const items = Array.from(
    { length: count },
    (_, i) =>
      `<item><title>${prefix} integrated care board update ${i}</title>` +
      `<link>https://news.example.org/${prefix}/${i}</link><guid>https://news.example.org/${prefix}/${i}</guid>` +
      `<pubDate>Tue, 10 Nov 2026 09:0${i % 10}:00 GMT</pubDate></item>`,
  ).join('');
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>${prefix}</title>${items}</channel></rss>`;
}

let feeds: FeedServer;
beforeAll(async () => {
  feeds = await startFeedServer({
    '/a.xml': serveBody(rss('alpha', 8)),
    '/b.xml': serveBody(rss('beta', 5)),
    '/hang.xml': hang(),
  });
});
afterAll(async () => {
  await feeds.close();
});

function checkDatabase(path: string): { integrity: string; stories: number; failures: string[] } {
  const db = new Database(path, { readonly: true });
  try {
    const integrity = db.pragma('integrity_check', { simple: true }) as string;
    const stories = (db.prepare('SELECT count(*) AS n FROM stories').get() as { n: number }).n;
    const failures = (
      db.prepare('SELECT last_error FROM source_state WHERE last_error IS NOT NULL').all() as {
        last_error: string;
      }[]
    ).map((r) => r.last_error);
    return { integrity, stories, failures };
  } finally {
    db.close();
  }
}

describe('briefing run stops cleanly on SIGTERM', () => {
  it('after start-up: exit 0, "Stopped.", database consistent', async () => {
    const setup = createTempSetup({
      sourcesYaml: sourcesYaml({ alpha: feeds.url('/a.xml'), beta: feeds.url('/b.xml') }),
      settingsYaml: SETTINGS,
    });
    try {
      const bot = startCli(['run'], setup.env);
      await bot.waitFor('Running:');
      bot.child.kill('SIGTERM');
      const result = await bot.exited;
      expect(result.stdout).toContain('SIGTERM: stopping');
      expect(result.stdout).toContain('Stopped.');
      expect(result).toMatchObject({ code: 0, signal: null });
      expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
      expect(checkDatabase(setup.databasePath)).toEqual({
        integrity: 'ok',
        stories: 13,
        failures: [],
      });
    } finally {
      setup.remove();
    }
  }, 60_000);

  it('while a source hangs in the first poll: the hang is cancelled, exit 0', async () => {
    const setup = createTempSetup({
      sourcesYaml: sourcesYaml({
        alpha: feeds.url('/a.xml'),
        stuck: feeds.url('/hang.xml'),
        beta: feeds.url('/b.xml'),
      }),
      settingsYaml: SETTINGS,
    });
    try {
      const bot = startCli(['run'], setup.env);
      // Both answering sources are stored; only the hanging one is still in flight.
      await bot.waitFor('alpha');
      await bot.waitFor('beta');
      bot.child.kill('SIGTERM');
      const result = await bot.exited;
      expect(result).toMatchObject({ code: 0, signal: null });
      expect(result.stdout).toContain('Stopped.');
      expect(result.stdout).not.toContain('Running:');
      const db = checkDatabase(setup.databasePath);
      expect(db).toMatchObject({ integrity: 'ok', stories: 13 });
      // Cancelling at shutdown is not the source's fault: nothing is recorded against it.
      expect(db.failures).toEqual([]);
    } finally {
      setup.remove();
    }
  }, 60_000);

  it('with a digest post in flight: the post completes and is recorded, then exit 0', async () => {
    const slack = await new FakeSlackApi().start();
    slack.addChannel('C0TERM001');
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let arrived!: () => void;
    const postArrived = new Promise<void>((resolve) => (arrived = resolve));
    // The gate holds chat.postMessage until the bot has received SIGTERM.
    const gate = await startKillProxy(slack.baseUrl, (req) => {
      if (!req.path.endsWith('/chat.postMessage')) return { kind: 'pass' };
      arrived();
      return { kind: 'hold', until: released };
    });
    const setup = createTempSetup({
      sourcesYaml: sourcesYaml({ alpha: feeds.url('/a.xml') }),
      settingsYaml: SETTINGS,
    });
    try {
      // One digest part due now in the outbox of a subscribed Slack channel.
      const now = new Date();
      const db = openDatabase(setup.databasePath);
      const channel = {
        platform: 'slack' as const,
        workspaceId: slack.teamId,
        channelId: 'C0TERM001',
      };
      const { subscription } = upsertSubscription(
        db,
        { ...channel, themes: 'all', organisations: [], schedule: null, createdBy: null },
        now,
      );
      const adapter = createSlackDeliveryAdapter({
        client: createSlackDeliveryClient({ token: slack.botToken }),
        logger: silentLogger,
      });
      const digest = buildWeekDigest(
        db,
        loadConfigOrThrow(setup.configDir),
        previousWeek(weekOf(now)),
      );
      expect(enqueueDigest(db, { digest, subscription, adapter, now })).toMatchObject({
        status: 'enqueued',
      });
      db.close();

      // The delivery tick runs on the minute: start the bot's clock 15 s before one.
      const lead = 15_000;
      const real = Date.now();
      const offset = Math.ceil((real + lead) / 60_000) * 60_000 - lead - real;
      Object.assign(setup.env, {
        SLACK_BOT_TOKEN: slack.botToken,
        SLACK_SIGNING_SECRET: 'a'.repeat(32),
        PORT: '0',
        SLACK_API_URL: `${gate.origin}/api/`,
        CLOCK_OFFSET_MS: String(offset),
      });
      const bot = startCli(['run'], setup.env, [
        '--import',
        `${REPO_ROOT}/test/reliability/shift-clock.mjs`,
      ]);
      await bot.waitFor('Running:');
      await postArrived;
      bot.child.kill('SIGTERM');
      await bot.waitFor('SIGTERM: stopping');
      release();
      const result = await bot.exited;
      expect(result).toMatchObject({ code: 0, signal: null });
      expect(result.stdout).toContain('Stopped.');
      const posted = slack.posted('C0TERM001');
      expect(posted).toHaveLength(1);
      const check = new Database(setup.databasePath, { readonly: true });
      const parts = check.prepare('SELECT status, message_id FROM outbox').all();
      check.close();
      expect(parts).toEqual([{ status: 'sent', message_id: posted[0]!.ts }]);
    } finally {
      release();
      setup.remove();
      await gate.close();
      await slack.stop();
    }
  }, 150_000);
});
