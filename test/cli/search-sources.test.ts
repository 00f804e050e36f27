// `briefing search` and `briefing sources` end to end: the real CLI entry, the repository's
// config/ folder and a real SQLite file seeded through the store.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { openDatabase } from '../../src/store/database.js';
import { recordPollFailure, recordPollSuccess } from '../../src/store/source-state.js';
import { makeStory, makeTag } from '../store/make-story.js';
import { tagAndStore } from '../../src/pipeline/tag-and-store.js';

const work = mkdtempSync(join(tmpdir(), 'briefing-search-cli-'));
const DATABASE_PATH = join(work, 'archive.db');
afterAll(() => rmSync(work, { recursive: true, force: true }));

beforeAll(() => {
  const db = openDatabase(DATABASE_PATH);
  const t = new Date('2017-02-20T09:00:00Z');
  tagAndStore(
    db,
    [
      makeStory({
        id: 'c1',
        guid: 'c1',
        url: 'https://example.org/c1',
        sourceId: 'nhse-news',
        title: 'Lord Carter publishes final report on hospital productivity',
        summary: 'The review finds unwarranted variation worth £5bn across acute trusts.',
        publishedAt: '2016-02-05T10:00:00.000Z',
      }),
      makeStory({
        id: 'c2',
        guid: 'c2',
        url: 'https://example.org/c2',
        sourceId: 'hsj',
        title: 'Carter metrics to drive procurement league tables',
        summary: 'Trusts will be ranked on what they pay for gloves and syringes.',
        publishedAt: '2017-02-14T08:00:00.000Z',
        paywalled: true,
        content: '',
      }),
      makeStory({
        id: 'p1',
        guid: 'p1',
        url: 'https://example.org/p1',
        sourceId: 'dhsc',
        title: 'New framework agreement for agency staff',
        summary: 'The framework caps rates paid to staffing agencies.',
        publishedAt: '2017-02-15T08:00:00.000Z',
      }),
    ],
    t,
    (s) => ({
      tags:
        s.id === 'p1'
          ? [makeTag('procurement')]
          : s.id === 'c2'
            ? [makeTag('carter'), makeTag('procurement', 1)]
            : [makeTag('carter')],
      entities: { organisations: [], money: [] },
      rulesVersion: 'test',
    }),
  );
  recordPollSuccess(db, 'nhse-news', {
    at: t,
    etag: '"x"',
    lastModified: null,
    nextPollAt: new Date(t.getTime() + 1_800_000),
  });
  recordPollSuccess(db, 'dhsc', {
    at: t,
    etag: null,
    lastModified: null,
    nextPollAt: new Date(t.getTime() + 1_800_000),
    itemsDropped: 4321,
  });
  recordPollFailure(db, 'hsj', {
    reason: 'HTTP 403 Forbidden',
    at: t,
    nextPollAt: new Date(t.getTime() + 3_600_000),
  });
  db.close();
});

function run(...argv: string[]) {
  return runWithEnv({}, ...argv);
}

function runWithEnv(env: Record<string, string>, ...argv: string[]) {
  return runCli(argv, { DATABASE_PATH, BRIEFING_CONFIG_DIR: 'config', ...env });
}

describe('briefing search', () => {
  it('prints the JSON contract: an array of {id, title, url, source, publishedAt, snippet}', async () => {
    const { code, stdout, stderr } = await run('search', 'carter', '--json');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const hits = JSON.parse(stdout) as Record<string, unknown>[];
    expect(hits.map((h) => h.id).sort()).toEqual(['c1', 'c2']);
    for (const hit of hits) {
      expect(Object.keys(hit)).toEqual(
        expect.arrayContaining(['id', 'title', 'url', 'source', 'publishedAt', 'snippet']),
      );
    }
    expect(hits.find((h) => h.id === 'c2')).toMatchObject({
      source: 'hsj',
      themes: ['carter', 'procurement'],
    });
  });

  it.each([
    [
      ['search', 'theme:procurement', '--json'],
      ['c2', 'p1'],
    ],
    [['search', '--theme', 'procurement', '--since', '2017-02-15', '--json'], ['p1']],
    [['search', 'carter', '--source', 'nhse-news', '--json'], ['c1']],
    [['search', 'Carter', '--until', '2017-01-01', '--json'], ['c1']],
    [['search', 'league', 'tables', '--json'], ['c2']],
  ])('%j', async (argv, expected) => {
    const { code, stdout } = await run(...argv);
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as { id: string }[]).map((h) => h.id).sort()).toEqual(expected);
  });

  it('prints readable results with a paging line', async () => {
    const { code, stdout } = await run('search', 'theme:carter,procurement', '--limit', '2');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^2017-02-15 {2}New framework agreement for agency staff$/m);
    expect(stdout).toMatch(/^3 stories · showing 1-2; next: --page 2$/m);
  });

  it('treats FTS syntax as words', async () => {
    const { code, stdout } = await run('search', 'Carter AND (', '--json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toHaveLength(2);
  });

  it.each([
    [['search', 'thme:carter'], /^briefing: unknown filter 'thme:' — did you mean 'theme'\?/],
    [
      ['search', '--theme', 'cartr', 'x'],
      /^briefing: unknown theme 'cartr' — did you mean 'carter'\?/,
    ],
    [['search', '--source', 'hjs', 'x'], /^briefing: unknown source 'hjs' — did you mean 'hsj'\?/],
    [['search', 'since:2017-02-30'], /^briefing: since: expects a date/],
    [['search', '"'], /^briefing: nothing to search for/],
    [['search'], /^briefing: search needs some words or a filter/],
    [['search', 'x'.repeat(10_000)], /^briefing: the search is too long/],
    [['search', 'x', '--limit', 'many'], /^briefing: --limit must be a whole number/],
  ])('%j exits 2 with one line', async (argv, message) => {
    const { code, stdout, stderr } = await run(...(argv as string[]));
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('briefing sources', () => {
  it('shows health per configured source', async () => {
    const { code, stdout } = await run('sources');
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /^nhse-news\s+feed\s+ok\s+2017-02-20 09:00\s+-\s+2017-02-20 09:30\s+1$/m,
    );
    expect(stdout).toMatch(
      /^hsj\s+feed\s+failing x1\s+-\s+2017-02-20 09:00\s+2017-02-20 10:00\s+1$/m,
    );
    expect(stdout).toMatch(/^ {4}last error: HTTP 403 Forbidden$/m);
    expect(stdout).toMatch(/^pulse\s+feed\s+not polled/m);
    expect(stdout).toMatch(/\? +html/); // unverified HTML sources are marked
    expect(stdout).not.toMatch(/Proxy:/);
  });

  it('says what a configured proxy means for the address guard, without its password', async () => {
    const { code, stdout } = await runWithEnv(
      { https_proxy: 'http://ops:s3cret@proxy.trust.test:3128', NO_PROXY: '.nhs.uk' },
      'sources',
    );
    expect(code).toBe(0);
    expect(stdout).toContain(
      'Proxy: http://proxy.trust.test:3128 (credentials hidden) for https (HTTPS_PROXY); not for .nhs.uk (NO_PROXY).',
    );
    expect(stdout).toMatch(/resolved here first and refused if any answer is private/);
    expect(stdout).not.toContain('s3cret');
  });

  it('reports the items the item cap dropped from a source', async () => {
    const { code, stdout } = await run('sources');
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /^dhsc\s.*\n {4}4321 items dropped: the last document held more than poll\.maxItemsPerDocument \(newest kept\)$/m,
    );
    expect(stdout.match(/items dropped/g)).toHaveLength(1);
    const rows = JSON.parse((await run('sources', '--json')).stdout) as Record<string, unknown>[];
    expect(rows.find((r) => r.sourceId === 'dhsc')).toMatchObject({ itemsDropped: 4321 });
    expect(rows.find((r) => r.sourceId === 'nhse-news')).not.toHaveProperty('itemsDropped');
  });

  it('prints JSON with the stored counts', async () => {
    const { code, stdout } = await run('sources', '--json');
    expect(code).toBe(0);
    const rows = JSON.parse(stdout) as {
      sourceId: string;
      storyCount: number;
      lastError: string | null;
    }[];
    expect(rows.find((r) => r.sourceId === 'hsj')).toMatchObject({
      storyCount: 1,
      lastError: 'HTTP 403 Forbidden',
    });
    expect(rows.find((r) => r.sourceId === 'dhsc')).toMatchObject({ storyCount: 1 });
  });
});
