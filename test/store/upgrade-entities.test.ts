// An archive whose entities are rows of the story_entities table (schema before
// migrations/0016-entities-on-stories.sql) opens with the current code: every organisation and sum
// moves onto its story's row in the order it was found, and search, continuity, the digest read
// and retention work on the migrated archive as on a new one.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { parseSearchText } from '../../src/commands/parse-search-query.js';
import type { Entities } from '../../src/domain.js';
import { tagAndStore } from '../../src/pipeline/tag-and-store.js';
import { migrate, openDatabase } from '../../src/store/database.js';
import { findEarlierByOrganisation, seqSpanOf } from '../../src/store/earlier-stories.js';
import { dropContentBefore } from '../../src/store/retention.js';
import { searchStories } from '../../src/store/search.js';
import { getStory, listStoriesBetween } from '../../src/store/stories.js';
import { makeStory, makeTag } from './make-story.js';
import { writeOldEntityRows } from './old-entity-rows.js';

const NOW = new Date('2017-03-01T12:00:00Z');
const work = mkdtempSync(join(tmpdir(), 'briefing-upgrade-entities-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const DUDLEY = { id: 'RNA', name: 'The Dudley Group NHS Foundation Trust', kind: 'trust' as const };
const WALSALL = { id: 'RBK', name: 'Walsall Healthcare NHS Trust', kind: 'trust' as const };
/** Story i's entities: Walsall before Dudley in odd stories, sums with and without context. */
function entitiesOf(i: number): Entities {
  if (i % 5 === 4) return { organisations: [], money: [] };
  const dudley = { ...DUDLEY, matched: 'Dudley Group' };
  const walsall = { ...WALSALL, matched: 'Walsall Healthcare' };
  return {
    organisations: i % 2 === 1 ? [walsall, dudley] : [dudley],
    money:
      i % 3 === 0
        ? [{ text: `£${i}m`, pounds: i * 1e6, context: `£${i}m theatre contract` }]
        : [{ text: '£1.5bn', pounds: 1.5e9 }],
  };
}

/** A database one migration short of 0015, its entities written as rows. */
function buildOldArchive(path: string): void {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  const before = openDatabaseVersion(db);
  // Today's store writes stories.entities: the column exists only while it writes.
  db.exec('ALTER TABLE stories ADD COLUMN entities TEXT');
  const stories = Array.from({ length: 30 }, (_, i) =>
    makeStory({
      id: `g_${i}`,
      guid: `https://example.nhs.uk/news/${i}`,
      url: `https://example.nhs.uk/news/${i}`,
      publishedAt: new Date(Date.UTC(2017, 0, 1 + i)).toISOString(),
      title: `Dudley theatre productivity update ${i}`,
      content: `The board heard about pathology turnaround in week ${i}.`,
    }),
  );
  tagAndStore(db, stories, NOW, () => ({
    tags: [makeTag('finance')],
    entities: { organisations: [], money: [] },
    rulesVersion: 'v14',
  }));
  stories.forEach((s, i) => writeOldEntityRows(db, s.id, entitiesOf(i)));
  db.exec('ALTER TABLE stories DROP COLUMN entities');
  expect(db.pragma('user_version', { simple: true })).toBe(before);
  db.close();
}

/** Migrates to just before the entities migration (by name: the lead renumbers); its version. */
function openDatabaseVersion(db: Database.Database): number {
  const names = readdirSync(new URL('../../src/store/migrations/', import.meta.url));
  const version = Number(names.find((name) => name.includes('-entities-on-stories'))!.slice(0, 4));
  migrate(db, version - 1);
  return version - 1;
}

describe('upgrading an archive whose entities are rows', () => {
  const path = join(work, 'briefing.db');
  buildOldArchive(path);
  const db = openDatabase(path);
  afterAll(() => db.close());
  const search = (text: string) => searchStories(db, parseSearchText(text).query, NOW);
  const find = (text: string) => search(text).hits.map((h) => h.id);

  it('moves every entity onto its story, in order, and the table becomes a view', () => {
    for (let i = 0; i < 30; i++) expect(getStory(db, `g_${i}`)!.entities).toEqual(entitiesOf(i));
    const kind = db.prepare("SELECT type FROM sqlite_schema WHERE name = 'story_entities'").pluck();
    expect(kind.get()).toBe('view');
    const none = db.prepare("SELECT entities FROM stories WHERE id = 'g_4'").pluck().get();
    expect(none).toBeNull();
    expect(() =>
      db.prepare("INSERT INTO stories_fts (stories_fts) VALUES ('integrity-check')").run(),
    ).not.toThrow();
  });

  it('keeps search by body words and organisation, continuity and the digest read', () => {
    expect(find('pathology "week 7"')).toEqual(['g_7']);
    expect(find('productivity org:"Walsall Healthcare"')).toHaveLength(12);
    const window = { since: '2017-01-10T00:00:00.000Z', before: '2017-01-20T00:00:00.000Z' };
    const span = seqSpanOf(db, window.since, window.before)!;
    const earlier = findEarlierByOrganisation(db, ['RNA', 'RBK'], ['finance'], span, {
      ...window,
      limit: 3,
    });
    expect(earlier.map((s) => [s.id, s.organisationId])).toEqual([
      ['g_18', 'RNA'],
      ['g_17', 'RBK'],
      ['g_17', 'RNA'],
    ]);
    const week = listStoriesBetween(db, '2017-01-02T00:00:00.000Z', '2017-01-05T00:00:00.000Z');
    expect(week.map((s) => s.entities)).toEqual([1, 2, 3].map(entitiesOf));
  });

  it('keeps retention working: bodies go, organisations stay', () => {
    expect(dropContentBefore(db, new Date('2017-01-15T00:00:00Z')).stories).toBe(14);
    expect(find('pathology "week 7"')).toEqual([]);
    expect(getStory(db, 'g_7')!.entities).toEqual(entitiesOf(7));
    expect(search('dudley org:RNA').total).toBe(24);
  });
});
