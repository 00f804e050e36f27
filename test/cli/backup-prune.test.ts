// `briefing backup` and `briefing prune` through the real CLI entry on a real SQLite file.
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { captureStream as capture, runCli } from '../helpers/run-cli.js';
import { migrate, openDatabase } from '../../src/store/database.js';
import { saveStories } from '../../src/store/stories.js';
import { makeStory } from '../store/make-story.js';

const work = mkdtempSync(join(tmpdir(), 'briefing-backup-cli-'));
const DATABASE_PATH = join(work, 'archive.db');
afterAll(() => rmSync(work, { recursive: true, force: true }));

beforeAll(() => {
  const db = openDatabase(DATABASE_PATH);
  const stories = Array.from({ length: 40 }, (_, i) =>
    makeStory({
      id: `g_${i}`,
      guid: `https://example.nhs.uk/news/${i}`,
      url: `https://example.nhs.uk/news/${i}`,
      content: `Long article text ${i} `.repeat(200),
      publishedAt: i < 20 ? '2019-01-10T09:00:00.000Z' : '2026-11-10T09:00:00.000Z',
    }),
  );
  saveStories(db, stories, new Date('2026-11-20T00:00:00Z'));
  db.close();
});

function briefing(...argv: string[]) {
  return runCli(argv, { DATABASE_PATH, BRIEFING_CONFIG_DIR: 'config' });
}

describe('briefing backup', () => {
  it('writes a checked copy with every story, and refuses to overwrite without --force', async () => {
    const file = join(work, 'copy.db');
    const first = await briefing('backup', file);
    expect(first.stderr).toBe('');
    expect(first.stdout).toMatch(
      /^Backed up 40 stories to .*copy\.db \(\d+\.\d MB\), checked\.\n$/,
    );
    const copy = new Database(file, { readonly: true });
    expect(copy.prepare('SELECT count(*) AS n FROM stories').get()).toEqual({ n: 40 });
    copy.close();
    // Nothing of the check is left beside it (a WAL copy opened read-only leaves -wal and -shm).
    expect(readdirSync(work).filter((f) => f.startsWith('copy.db'))).toEqual(['copy.db']);

    const again = await briefing('backup', file);
    expect([again.code, again.stderr]).toEqual([2, expect.stringContaining('use --force')]);
    expect((await briefing('backup', file, '--force')).code).toBe(0);
  });

  it('needs exactly one file', async () => {
    expect((await briefing('backup')).code).toBe(2);
  });

  it('reports a destination it cannot write and leaves nothing behind', async () => {
    const blocked = join(work, 'not-a-dir');
    writeFileSync(blocked, 'x');
    const run = await briefing('backup', join(blocked, 'copy.db'));
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^backup failed: .*; nothing written\n$/);
  });

  it('refuses to write over the live database (or its WAL), even with --force', async () => {
    // The running bot keeps its open file; a rename over DATABASE_PATH would leave every later
    // write in an unlinked file, lost at the next restart.
    const bot = new Database(DATABASE_PATH);
    try {
      for (const target of [DATABASE_PATH, `${DATABASE_PATH}-wal`]) {
        const run = await briefing('backup', target, '--force');
        expect([run.code, run.stderr]).toEqual([1, expect.stringContaining('the live database')]);
      }
      bot.prepare("UPDATE stories SET title = 'written after' WHERE id = 'g_0'").run();
    } finally {
      bot.close();
    }
    const reopened = new Database(DATABASE_PATH, { readonly: true });
    const row = reopened.prepare("SELECT title FROM stories WHERE id = 'g_0'").get();
    reopened.close();
    expect(row).toEqual({ title: 'written after' });
  });
});

describe('briefing backup of what is there', () => {
  async function backupWith(database: string, file: string) {
    const err = capture();
    const code = await main(
      ['backup', file],
      { stdout: capture().stream, stderr: err.stream },
      { LOG_LEVEL: 'silent', DATABASE_PATH: database, BRIEFING_CONFIG_DIR: 'config' },
    );
    return { code, stderr: err.text() };
  }

  it('fails, creating nothing, when DATABASE_PATH has no database (a cron job in the wrong folder)', async () => {
    const missing = join(work, 'elsewhere', 'briefing.db');
    const run = await backupWith(missing, join(work, 'empty.db'));
    expect([run.code, run.stderr]).toEqual([1, expect.stringContaining('no database at')]);
    expect(existsSync(missing)).toBe(false);
    expect(existsSync(join(work, 'empty.db'))).toBe(false);
  });

  it('copies the schema as it is: no migration runs before a backup (backup, then upgrade)', async () => {
    const older = join(work, 'older.db');
    const db = new Database(older);
    migrate(db, 2);
    db.close();
    expect((await backupWith(older, join(work, 'older-copy.db'))).code).toBe(0);
    for (const file of [older, join(work, 'older-copy.db')]) {
      const check = new Database(file, { readonly: true });
      expect(check.pragma('user_version', { simple: true })).toBe(2);
      check.close();
    }
  });
});

describe('briefing prune', () => {
  it('says retention is off by default', async () => {
    const run = await briefing('prune');
    expect(run.stdout).toContain('retention.contentMonths is not set');
  });

  it('drops old article text with --months and reports the space', async () => {
    const run = await briefing('prune', '--months', '24', '--json');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as { dropped: { stories: number } };
    expect(report.dropped.stories).toBe(20);
    const db = new Database(DATABASE_PATH, { readonly: true });
    const empty = db.prepare("SELECT count(*) AS n FROM stories WHERE content = ''").get();
    db.close();
    expect(empty).toEqual({ n: 20 });
    expect((await briefing('prune', '--months', 'x')).code).toBe(2);
  });
});
