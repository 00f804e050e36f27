// An archive written under migrations 0001-0004 opens with the current code: migrated in place
// (0005 onwards), with every story, source, tag and index entry kept and searchable.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { parseSearchText } from '../../src/commands/parse-search-query.js';
import { migrate, openDatabase } from '../../src/store/database.js';
import { searchStories } from '../../src/store/search.js';
import {
  countStories,
  getStory,
  listStoriesBetween,
  saveStories,
} from '../../src/store/stories.js';
import { replaceTags } from '../../src/store/tags.js';
import { makeStory, makeTag } from './make-story.js';
import { writeOldEntityRows } from './old-entity-rows.js';
import { tagAndStore } from '../../src/pipeline/tag-and-store.js';

const NOW = new Date('2017-03-01T12:00:00Z');
const work = mkdtempSync(join(tmpdir(), 'briefing-upgrade-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const WALSALL = {
  id: 'RBK',
  name: 'Walsall Healthcare NHS Trust',
  kind: 'trust' as const,
  matched: 'Walsall Healthcare',
};

/**
 * A database at schema version 4 holding stories, sources, tags, organisations and their index
 * rows, written through the store (whose writes to these tables are as they were under 0004),
 * except entities: those are rows, as the store wrote them then (old-entity-rows.ts).
 */
function buildVersion4Archive(path: string): void {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  migrate(db, 4);
  expect(db.pragma('user_version', { simple: true })).toBe(4);
  // Today's store writes stories.entities (0016-entities-on-stories.sql): the column is there
  // while it writes, and dropped again below, so the file has the 0004 shape.
  db.exec('ALTER TABLE stories ADD COLUMN entities TEXT');
  const stories = Array.from({ length: 60 }, (_, i) =>
    makeStory({
      id: `g_${i}`,
      guid: `https://example.nhs.uk/news/${i}`,
      url: `https://example.nhs.uk/news/${i}`,
      sourceId: i % 2 === 0 ? 'nhse' : 'hsj',
      publishedAt: new Date(Date.UTC(2017, 0, 1 + i)).toISOString(),
      title: i === 7 ? 'Walsall and Dudley consider a merger' : `Theatre productivity update ${i}`,
      summary:
        i === 12
          ? 'Trusts join a pathology network to share their supply chain.'
          : 'Benchmarks for theatre sessions and outpatient clinics.',
      content: i % 3 === 0 ? 'Community services were part of the review.' : '',
    }),
  );
  tagAndStore(db, stories, new Date('2017-03-01T08:00:00Z'), (story) => ({
    tags: story.id === 'g_7' ? [makeTag('mergers')] : [makeTag('carter')],
    entities: { organisations: [], money: [] },
    rulesVersion: 'v4',
  }));
  writeOldEntityRows(db, 'g_7', { organisations: [WALSALL], money: [] }, false);
  // A second source for one story, as a later poll would add it.
  saveStories(db, [{ ...stories[12]!, id: 'g_pulse-12', sourceId: 'pulse' }], NOW);
  db.exec('ALTER TABLE stories DROP COLUMN entities');
  db.close();
}

describe('upgrading an archive made by migrations 0001-0004', () => {
  const path = join(work, 'briefing.db');
  buildVersion4Archive(path);
  const db = openDatabase(path);
  afterAll(() => db.close());
  const find = (text: string) =>
    searchStories(db, parseSearchText(text).query, NOW).hits.map((h) => h.id);

  it('migrates to the newest version and keeps every story', () => {
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(5);
    expect(countStories(db)).toBe(60);
    expect(getStory(db, 'g_12')!.sourceIds).toEqual(['nhse', 'pulse']);
  });

  it('sets the index merge policy in the index itself', () => {
    const config = new Map(
      (
        db.prepare("SELECT k, v FROM stories_fts_config WHERE k <> 'version'").all() as {
          k: string;
          v: number;
        }[]
      ).map((r) => [r.k, r.v]),
    );
    expect(config.get('automerge')).toBe(16);
    expect(config.get('crisismerge')).toBe(64);
    expect(() =>
      db.prepare("INSERT INTO stories_fts (stories_fts) VALUES ('integrity-check')").run(),
    ).not.toThrow();
  });

  it('finds the old stories by words, phrases, prefixes and filters', () => {
    expect(find('merger')).toEqual(['g_7']);
    expect(find('"supply chain"')).toEqual(['g_12']);
    expect(find('pathol*')).toEqual(['g_12']);
    expect(find('merger theme:mergers org:"Walsall Healthcare"')).toEqual(['g_7']);
    expect(find('pathology source:pulse')).toEqual(['g_12']);
    expect(find('community source:nhse').sort()).toEqual(
      ['g_0', 'g_6', 'g_12', 'g_18', 'g_24', 'g_30', 'g_36', 'g_42', 'g_48', 'g_54'].sort(),
    );
    expect(find('theme:mergers')).toEqual(['g_7']);
    expect(find('theatre -productivity')).toHaveLength(1);
  });

  it('keeps the index in step with new writes, re-tags and the digest read', () => {
    saveStories(
      db,
      [
        makeStory({
          id: 'g_new',
          guid: 'https://example.nhs.uk/news/new',
          url: 'https://example.nhs.uk/news/new',
          publishedAt: '2017-02-28T09:00:00.000Z',
          title: 'Vanguard sites publish their evaluation',
          summary: 'New care models report fewer admissions.',
          content: '',
        }),
      ],
      NOW,
    );
    expect(find('vanguard evaluation')).toEqual(['g_new']);
    replaceTags(db, 'g_7', [makeTag('finance')], { organisations: [], money: [] }, 'v5');
    expect(find('merger theme:mergers')).toEqual([]);
    expect(find('merger theme:finance')).toEqual(['g_7']);
    expect(
      listStoriesBetween(db, '2017-01-08T00:00:00.000Z', '2017-01-09T00:00:00.000Z').map(
        (s) => s.id,
      ),
    ).toEqual(['g_7']);
  });
});
