// Search counts agree with the results shown: copies of one story from several outlets are one
// result ("also: ..."), so the count says "2 stories in 1 result", paging walks results (a page
// never repeats a copy folded into an earlier result) and "past the end" counts the same way:
// through the real CLI over a real SQLite file, and in the Slack, Discord and Teams answers.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderSearchPage as renderDiscord } from '../../src/platforms/discord/render-search.js';
import { createSearchQueryCache } from '../../src/platforms/discord/search-paging.js';
import { renderSearchPage as renderSlack } from '../../src/platforms/slack/render-search.js';
import { renderSearchCard as renderTeams } from '../../src/platforms/teams/render-lookups.js';
import { openDatabase, type Db } from '../../src/store/database.js';
import { runCli } from '../helpers/run-cli.js';
import { collectTexts } from '../platforms/slack/hostile-text.js';
import { buildArchiveInto, search, story } from '../store/search-archive-fixture.js';

const SUMMARY =
  'Eight areas will lead the way as integrated care systems, taking control of their budgets.';
const STORIES = [
  story(
    'g_3fa9c1d2aa',
    'hsj',
    '2018-05-29',
    'Eight areas chosen as first integrated care systems',
    SUMMARY,
  ),
  story(
    'g_7bb0c1d2aa',
    'pulse',
    '2018-05-27',
    'Eight areas named as first integrated care systems',
    SUMMARY,
  ),
  story(
    'g_0cc0c1d2aa',
    'nhe',
    '2019-02-14',
    'Chair quits after row over capital plans',
    'The chair of one of the integrated care systems left after a row over capital plans.',
  ),
];

const work = mkdtempSync(join(tmpdir(), 'briefing-search-counts-'));
const DATABASE_PATH = join(work, 'archive.db');
let db: Db;
beforeAll(() => {
  db = openDatabase(DATABASE_PATH);
  buildArchiveInto(db, STORIES);
});
afterAll(() => {
  db.close();
  rmSync(work, { recursive: true, force: true });
});

const run = (...argv: string[]) => runCli(argv, { DATABASE_PATH, LOG_LEVEL: 'silent' });
const titles = (stdout: string) => stdout.match(/^\d{4}-\d\d-\d\d {2}.+$/gm) ?? [];

describe('briefing search counts results as shown', () => {
  it('says how many stories make how many results', async () => {
    const { code, stdout } = await run('search', 'eight areas');
    expect(code).toBe(0);
    expect(titles(stdout)).toHaveLength(1);
    expect(stdout).toContain('also: Pulse');
    expect(stdout).toMatch(/^2 stories in 1 result · showing 1-1$/m);
    const next = await run('search', 'eight areas', '--page', '2');
    expect(next.code).toBe(0);
    expect(next.stdout).toContain(
      'No more results: page 2 is past the end (2 stories in 1 result).',
    );
  });

  it('pages by results: a copy folded into page 1 is not page 2', async () => {
    const page = async (n: number) =>
      run('search', 'integrated care systems', '--limit', '1', '--page', String(n));
    const first = await page(1);
    expect(titles(first.stdout)).toEqual([
      expect.stringContaining('Eight areas chosen as first integrated care systems'),
    ]);
    expect(first.stdout).toMatch(/^3 stories in 2 results · showing 1-1; next: --page 2$/m);
    const second = await page(2);
    expect(titles(second.stdout)).toEqual([
      expect.stringContaining('Chair quits after row over capital plans'),
    ]);
    expect(second.stdout).toMatch(/^3 stories in 2 results · showing 2-2$/m);
    const third = await page(3);
    expect(titles(third.stdout)).toEqual([]);
    expect(third.stdout).toContain('page 3 is past the end (3 stories in 2 results).');
  });
});

describe('chat search answers use the same count', () => {
  it('Slack, Discord and Teams say "2 stories in 1 result"', () => {
    const page = search(db, 'eight areas');
    expect(page.hits).toHaveLength(1);
    const slack = collectTexts(renderSlack(page, { timeZone: 'Europe/London' })).join('\n');
    expect(slack).toContain('2 stories in 1 result · showing 1–1');
    const discord = renderDiscord(page, createSearchQueryCache(), 'Europe/London');
    expect(discord.embeds?.[0]?.title).toBe('2 stories in 1 result · showing 1–1');
    const teams = JSON.stringify(renderTeams(page, { timeZone: 'Europe/London' }));
    expect(teams).toContain('2 stories in 1 result · showing 1–1');
  });
});
