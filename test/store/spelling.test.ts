// Spelling suggestions from the archive's own vocabulary (an fts5vocab table over the index):
// a word the archive lacks gets the closest stored word as stories write it; a search that finds
// nothing as typed searches the suggestion instead and says so.
import { afterAll, describe, expect, it } from 'vitest';
import { suggestSpellings } from '../../src/store/spelling.js';
import { buildArchive, search, story } from './search-archive-fixture.js';

const db = buildArchive([
  story(
    'g_sp00000001',
    'hsj',
    '2019-01-07',
    'Every area to be covered by an integrated care system',
    'The long term plan says partnerships must mature.',
  ),
  story(
    'g_sp00000002',
    'pulse',
    '2021-02-11',
    'Integrated care systems to become legal bodies',
    'Systems go on a statutory footing.',
  ),
  story(
    'g_sp00000003',
    'nhe',
    '2017-03-09',
    'Vanguard sites cut emergency admissions',
    'The new care models programme reports on its sustainability.',
  ),
]);
afterAll(() => db.close());

describe('suggestSpellings', () => {
  it('suggests a stored word for a typo, as stories write it', () => {
    expect(suggestSpellings(db, ['intergrated'])).toEqual([
      { word: 'intergrated', suggestion: 'integrated' },
    ]);
    expect(suggestSpellings(db, ['vangard'])).toEqual([
      { word: 'vangard', suggestion: 'vanguard' },
    ]);
    expect(suggestSpellings(db, ['sustainabilty'])).toEqual([
      { word: 'sustainabilty', suggestion: 'sustainability' },
    ]);
  });

  it('leaves known, short, numeric and far-off words alone', () => {
    expect(
      suggestSpellings(db, ['integrated', 'systems', 'ics', '2021', 'zzzzzzzz', 'x"y']),
    ).toEqual([]);
  });
});

describe('suggestSpellings: cost', () => {
  it('counts a word before stemming it: a common word never reaches the stemming table', () => {
    // The stem is found by writing the word to a temp FTS5 table (four statements); the count
    // alone rules out a word more than two stories hold. A fresh connection has no temp tables.
    const fresh = buildArchive([
      story('g_sp10000001', 'hsj', '2019-01-07', 'Care plans', 'Care homes.'),
      story('g_sp10000002', 'hsj', '2019-01-08', 'Care costs', 'Care homes.'),
      story('g_sp10000003', 'hsj', '2019-01-09', 'Care staff', 'Care homes.'),
    ]);
    const tempTables = () =>
      fresh.prepare("SELECT name FROM temp.sqlite_master WHERE type = 'table'").all();
    expect(suggestSpellings(fresh, ['care', 'homes'])).toEqual([]);
    expect(tempTables()).toEqual([]);
    // A rare word is still stemmed and compared, without writing through the archive's
    // connection: its change count is how search knows its cached word counts still hold.
    const changes = () => fresh.prepare('SELECT total_changes() AS n').get();
    const before = changes();
    expect(suggestSpellings(fresh, ['caer'])).toEqual([{ word: 'caer', suggestion: 'care' }]);
    expect(changes()).toEqual(before);
    fresh.close();
  });
});

describe('search with spelling suggestions', () => {
  it('searches the suggestion when nothing matches as typed, and says so', () => {
    const page = search(db, 'intergrated care');
    expect(page.corrected).toBe(true);
    expect(page.suggestions).toEqual([{ word: 'intergrated', suggestion: 'integrated' }]);
    expect(page.hits.map((h) => h.id).sort()).toEqual(['g_sp00000001', 'g_sp00000002']);
    // The query is kept as typed, so paging re-runs the same correction.
    expect(page.query.terms).toEqual(['intergrated', 'care']);
  });

  it('suggests nothing when the words match', () => {
    const page = search(db, 'integrated care');
    expect(page.suggestions).toBeUndefined();
    expect(page.corrected).toBeUndefined();
  });
});
