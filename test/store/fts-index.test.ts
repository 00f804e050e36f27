import { describe, expect, it } from 'vitest';
import { parseSearchText } from '../../src/commands/parse-search-query.js';
import { openDatabase, type Db } from '../../src/store/database.js';
import { buildFacets, coverDays, facetToken } from '../../src/store/fts-index.js';
import { searchStories } from '../../src/store/search.js';
import { saveStories } from '../../src/store/stories.js';
import { makeStory } from './make-story.js';

describe('facet tokens', () => {
  it('are digits only and distinct per kind and id', () => {
    const tokens = [
      facetToken('theme', 'carter'),
      facetToken('theme', 'covid_cip'),
      facetToken('source', 'carter'),
      facetToken('org', 'RNA'),
      facetToken('source', 'nhse-news'),
    ];
    for (const t of tokens) expect(t).toMatch(/^\d+$/);
    expect(new Set(tokens).size).toBe(tokens.length);
    expect(facetToken('theme', 'ab')).toBe('1097098');
  });

  it('include the date at year, month and day', () => {
    const facets = buildFacets({
      sourceIds: ['hsj'],
      themes: [],
      organisationIds: [],
      publishedAt: '2017-02-14T09:30:00.000Z',
    });
    expect(facets.split(' ')).toEqual(
      expect.arrayContaining(['52017', '4201702', '620170214', facetToken('source', 'hsj')]),
    );
  });
});

describe('coverDays', () => {
  it.each<[string, string, string[] | null]>([
    ['2017-02-14', '2017-02-14', ['620170214']],
    [
      '2017-02-13',
      '2017-02-19',
      ['620170213', '620170214', '620170215', '620170216', '620170217', '620170218', '620170219'],
    ],
    ['2017-02-01', '2017-02-28', ['4201702']],
    ['2017-01-31', '2017-03-01', ['620170131', '4201702', '620170301']],
    ['2016-01-01', '2017-12-31', ['52016', '52017']],
    ['2015-12-31', '2017-01-02', ['620151231', '52016', '620170101', '620170102']],
    ['2017-02-15', '2017-02-14', []],
    ['2000-01-02', '2030-12-30', null],
  ])('%s .. %s', (first, last, expected) => {
    expect(coverDays(first, last, 40)).toEqual(expected);
  });
});

describe('index writes', () => {
  // The index is external-content: a delete must carry exactly what was indexed, so a wrong
  // net write shows up in FTS5's integrity-check and in searches for old or new words.
  const NOW = new Date('2017-03-01T12:00:00Z');
  const stories = Array.from({ length: 6 }, (_, i) =>
    makeStory({
      id: `g_${i}`,
      guid: `https://example.nhs.uk/news/${i}`,
      url: `https://example.nhs.uk/news/${i}`,
      title: `Pathology network update ${i}`,
      summary: 'Laboratories will be shared.',
      content: '',
    }),
  );
  const find = (db: Db, text: string) =>
    searchStories(db, parseSearchText(text).query, NOW)
      .hits.map((h) => h.id)
      .sort();
  const integrityCheck = (db: Db) =>
    db.prepare("INSERT INTO stories_fts (stories_fts) VALUES ('integrity-check')").run();

  it('stay exact when one batch links and edits stories newest first', () => {
    const db = openDatabase(':memory:');
    saveStories(db, stories, NOW);
    // A second source carries them all, newest first as feeds list them; one is edited by its
    // own source in the same batch.
    const relinked = [...stories]
      .reverse()
      .map((s) => ({ ...s, id: `g_pulse-${s.id}`, sourceId: 'pulse' }));
    saveStories(
      db,
      [...relinked, { ...stories[2]!, summary: 'Microbiology will be shared.' }],
      NOW,
    );
    expect(() => integrityCheck(db)).not.toThrow();
    expect(find(db, 'laboratories source:pulse')).toEqual(['g_0', 'g_1', 'g_3', 'g_4', 'g_5']);
    expect(find(db, 'microbiology source:pulse')).toEqual(['g_2']);
    db.close();
  });

  it('stay exact when a story is new and changed again within one batch', () => {
    const db = openDatabase(':memory:');
    const edited = { ...stories[0]!, summary: 'Microbiology will be shared.' };
    const relinked = { ...stories[0]!, id: 'g_pulse-0', sourceId: 'pulse' };
    saveStories(db, [stories[0]!, edited, relinked, stories[1]!], NOW);
    expect(() => integrityCheck(db)).not.toThrow();
    expect(find(db, 'laboratories')).toEqual(['g_1']);
    expect(find(db, 'microbiology source:pulse')).toEqual(['g_0']);
    db.close();
  });
});
