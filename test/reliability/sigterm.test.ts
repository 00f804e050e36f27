// SIGTERM (issue 8): `briefing run` (src/cli/run.ts + src/main.ts startBot) stops cleanly: work
// in flight finishes (SQLite writes are transactions, deliveries get a grace period), the process
// prints "Stopped." and exits 0, and the database is consistent afterwards. A source that never
// answers must not hold the shutdown: its fetch is cancelled, not waited out (the fetch timeout
// here is two minutes, far beyond the test's own time limit).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { hang, serveBody, startFeedServer, type FeedServer } from '../fakes/feed-server.js';
import { createTempSetup, sourcesYaml, startCli } from './cli-process.js';

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
});
