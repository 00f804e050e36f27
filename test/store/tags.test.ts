import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseSearchText } from '../../src/commands/parse-search-query.js';
import { openDatabase, type Db } from '../../src/store/database.js';
import { searchStories } from '../../src/store/search.js';
import { getStory, inStoryTransaction, saveStories } from '../../src/store/stories.js';
import {
  countByThemeBetween,
  findOrganisationIds,
  replaceTags,
  replaceTagsBatch,
} from '../../src/store/tags.js';
import { makeStory, makeTag, NO_ENTITIES } from './make-story.js';
import { tagAndStore } from '../../src/pipeline/tag-and-store.js';

let db: Db;
beforeEach(() => {
  db = openDatabase(':memory:');
});
afterEach(() => db.close());

const T = new Date('2017-02-20T00:00:00Z');

function story(n: number, publishedAt: string) {
  return makeStory({ id: `s${n}`, guid: `s${n}`, url: `https://example.org/${n}`, publishedAt });
}

describe('replaceTags', () => {
  it('replaces tags and entities as a whole and records the rules version', () => {
    saveStories(db, [story(1, '2017-02-14T09:00:00.000Z')], T);
    replaceTags(db, 's1', [makeTag('carter', 3), makeTag('procurement', 5)], NO_ENTITIES, 'v1');
    expect(getStory(db, 's1')!.tags.map((t) => t.theme)).toEqual(['procurement', 'carter']);
    replaceTags(
      db,
      's1',
      [makeTag('stp')],
      {
        organisations: [
          { id: 'QHM', name: 'NHS Black Country ICB', kind: 'icb', matched: 'Black Country ICB' },
        ],
        money: [
          { text: '£200m', pounds: 200_000_000 },
          { text: '£78m', pounds: 78_000_000, context: '£78m contract' },
        ],
      },
      'v2',
    );
    const stored = getStory(db, 's1')!;
    expect(stored.tags.map((t) => t.theme)).toEqual(['stp']);
    // What a sum is survives the archive (the money-context migration); a sum without it reads back without.
    expect(stored.entities.money).toEqual([
      { text: '£200m', pounds: 200_000_000 },
      { text: '£78m', pounds: 78_000_000, context: '£78m contract' },
    ]);
    const version = db.prepare("SELECT rules_version FROM stories WHERE id = 's1'").get();
    expect(version).toEqual({ rules_version: 'v2' });
  });

  it('returns false for an unknown story', () => {
    expect(replaceTags(db, 'missing', [makeTag('stp')], NO_ENTITIES, 'v1')).toBe(false);
  });
});

describe('countByThemeBetween', () => {
  it('counts stories per theme inside the half-open window', () => {
    tagAndStore(
      db,
      [
        story(1, '2017-02-13T00:00:00.000Z'),
        story(2, '2017-02-15T00:00:00.000Z'),
        story(3, '2017-02-19T23:59:59.999Z'),
        story(4, '2017-02-20T00:00:00.000Z'),
      ],
      T,
      (s) => ({
        tags: s.id === 's2' ? [makeTag('stp'), makeTag('carter')] : [makeTag('carter')],
        entities: NO_ENTITIES,
        rulesVersion: 'v1',
      }),
    );
    expect(countByThemeBetween(db, '2017-02-13T00:00:00.000Z', '2017-02-20T00:00:00.000Z')).toEqual(
      {
        carter: 3,
        stp: 1,
      },
    );
  });
});

describe('findOrganisationIds', () => {
  it.each([
    ['RNA', ['RNA']],
    ['rna', ['RNA']],
    ['dudley group', ['RNA']],
    ['Dudley  Group FT', ['RNA']],
    ['THE DUDLEY GROUP NHS FOUNDATION TRUST', ['RNA']],
    ['foundation trust', ['RNA', 'RRK']],
    ['100%', []],
    ['_', []],
    ['', []],
  ])('%s', (typed, expected) => {
    tagAndStore(db, [story(1, '2017-02-14T09:00:00.000Z')], T, () => ({
      tags: [],
      entities: {
        organisations: [
          {
            id: 'RNA',
            name: 'The Dudley Group NHS Foundation Trust',
            kind: 'trust',
            matched: 'Dudley Group FT',
          },
          {
            id: 'RRK',
            name: 'University Hospitals Birmingham NHS Foundation Trust',
            kind: 'trust',
            matched: 'UHB',
          },
        ],
        money: [],
      },
      rulesVersion: 'v1',
    }));
    expect(findOrganisationIds(db, typed)).toEqual(expected);
  });
});

describe('replaceTagsBatch', () => {
  it('re-tags many stories at once and keeps theme search in step', () => {
    saveStories(
      db,
      [story(1, '2017-02-14T09:00:00.000Z'), story(2, '2017-02-15T09:00:00.000Z')],
      T,
    );
    const found = replaceTagsBatch(db, [
      { storyId: 's1', tags: [makeTag('carter')], entities: NO_ENTITIES, rulesVersion: 'v2' },
      { storyId: 's2', tags: [makeTag('stp')], entities: NO_ENTITIES, rulesVersion: 'v2' },
      { storyId: 'missing', tags: [], entities: NO_ENTITIES, rulesVersion: 'v2' },
    ]);
    expect(found).toBe(2);
    const hits = (text: string) =>
      searchStories(db, parseSearchText(text).query, T).hits.map((h) => h.id);
    expect(hits('theatre theme:carter')).toEqual(['s1']);
    expect(hits('theatre theme:stp')).toEqual(['s2']);
  });
});

describe('organisation spellings', () => {
  const dudley = (matched: string) => ({
    tags: [],
    entities: {
      organisations: [
        {
          id: 'RNA',
          name: 'The Dudley Group NHS Foundation Trust',
          kind: 'trust' as const,
          matched,
        },
      ],
      money: [],
    },
    rulesVersion: 'v1',
  });
  const names = () =>
    db.prepare('SELECT name_key FROM organisation_names ORDER BY name_key').pluck().all();

  it('stores each spelling once, however it is cased or spaced, and again after a rollback', () => {
    tagAndStore(db, [story(1, '2017-02-14T09:00:00.000Z')], T, () => dudley('Dudley Group FT'));
    tagAndStore(db, [story(2, '2017-02-15T09:00:00.000Z')], T, () => dudley('DUDLEY  group ft'));
    expect(names()).toEqual(['dudley group ft', 'rna', 'the dudley group nhs foundation trust']);
    // A save that fails after writing a new spelling stores nothing, and the spelling is
    // written by the next save that meets it (the spellings cache forgets what was undone).
    expect(() =>
      inStoryTransaction(db, () => {
        tagAndStore(db, [story(4, '2017-02-16T10:00:00.000Z')], T, () => dudley('Dudley FT'));
        throw new Error('test: fail after the write');
      }),
    ).toThrow('test: fail');
    expect(names()).not.toContain('dudley ft');
    tagAndStore(db, [story(5, '2017-02-17T09:00:00.000Z')], T, () => dudley('Dudley FT'));
    expect(names()).toContain('dudley ft');
    expect(findOrganisationIds(db, 'dudley ft')).toEqual(['RNA']);
  });
});
