// searchStories on small databases each test builds: numbers and facet tokens, the index
// following edits and re-tagging, capped large result sets, headline-first ranking.
import { describe, expect, it } from 'vitest';
import { parseSearchText } from '../../src/commands/parse-search-query.js';
import { openDatabase } from '../../src/store/database.js';
import { facetToken } from '../../src/store/fts-index.js';
import { LITERAL_BLOCK } from '../../src/store/search-ranking.js';
import { RANKED_CANDIDATES, searchStories } from '../../src/store/search.js';
import { saveStories } from '../../src/store/stories.js';
import { tagAndStore } from '../../src/pipeline/tag-and-store.js';
import { replaceTags } from '../../src/store/tags.js';
import { makeTag } from './make-story.js';
import { DUDLEY, item, NO_ENTITIES_FOR_SEARCH, NOW } from './search-fixtures.js';

describe('searchStories: numbers and the hidden facet tokens', () => {
  it('finds numbers in the text but never matches a facet token typed as a word', () => {
    const numbers = openDatabase(':memory:');
    tagAndStore(
      numbers,
      [
        item(1, 'nhse', '2017-02-14T09:00:00.000Z', 'NHS 111 calls rise', 'Call volumes in 2017.'),
        item(2, 'nhse', '2017-02-15T09:00:00.000Z', 'Winter beds', 'Occupancy stays high.'),
      ],
      NOW,
      () => ({ tags: [makeTag('carter')], entities: NO_ENTITIES_FOR_SEARCH, rulesVersion: 'v1' }),
    );
    const run = (text: string) =>
      searchStories(numbers, parseSearchText(text).query, NOW).hits.map((h) => h.id);
    expect(run('111')).toEqual(['s1']);
    expect(run('calls 2017')).toEqual(['s1']);
    expect(run('beds -111')).toEqual(['s2']);
    // The story's own facet tokens: theme carter, source nhse, year 2017, month 2017-02.
    for (const token of [facetToken('theme', 'carter'), facetToken('source', 'nhse'), '52017']) {
      expect(run(token)).toEqual([]);
      expect(run(`${token.slice(0, 4)}*`)).toEqual([]);
      expect(run(`beds -${token}`)).toEqual(['s2']);
    }
    expect(run('beds -42017*')).toEqual(['s2']);
    numbers.close();
  });
});

describe('searchStories: the index follows every change', () => {
  it('finds edited text, forgets the old, and follows re-tagging and new sources', () => {
    const live = openDatabase(':memory:');
    const first = item(
      1,
      'nhse',
      '2017-02-14T09:00:00.000Z',
      'Pathology hubs announced',
      'Twenty-nine networks will share laboratories.',
    );
    tagAndStore(live, [first], NOW, () => ({
      tags: [makeTag('mergers')],
      entities: { organisations: [], money: [] },
      rulesVersion: 'v1',
    }));
    const find = (text: string) =>
      searchStories(live, parseSearchText(text).query, NOW).hits.map((h) => h.id);
    expect(find('laboratories theme:mergers')).toEqual(['s1']);

    saveStories(
      live,
      [{ ...first, summary: 'Twenty-nine networks will share microbiology services.' }],
      NOW,
    );
    expect(find('laboratories')).toEqual([]);
    expect(find('microbiology theme:mergers')).toEqual(['s1']);

    replaceTags(live, 's1', [makeTag('procurement')], { organisations: [DUDLEY], money: [] }, 'v2');
    expect(find('microbiology theme:mergers')).toEqual([]);
    expect(find('microbiology theme:procurement org:RNA')).toEqual(['s1']);

    expect(find('microbiology source:hsj')).toEqual([]);
    saveStories(
      live,
      [{ ...first, id: 'g_hsj', sourceId: 'hsj', summary: 'Trade press version.' }],
      NOW,
    );
    expect(find('microbiology source:hsj')).toEqual(['s1']);
    expect(find('microbiology source:nhse')).toEqual(['s1']);
    live.close();
  });
});

describe('searchStories: large result sets', () => {
  it('ranks the newest RANKED_CANDIDATES matches and marks a capped total', () => {
    const big = openDatabase(':memory:');
    const stories = Array.from({ length: RANKED_CANDIDATES + 20 }, (_, i) =>
      item(
        i,
        'nhse',
        new Date(Date.UTC(2016, 0, 1) + i * 3_600_000).toISOString(),
        `Winter pressures update ${i}`,
        'Beds and discharge.',
      ),
    );
    tagAndStore(big, stories, NOW, () => ({
      tags: [makeTag('finance')],
      entities: { organisations: [], money: [] },
      rulesVersion: 'v1',
    }));
    const run = (text: string, offset = 0) =>
      searchStories(big, parseSearchText(text, { limit: 50, offset }).query, NOW);
    const plain = run('winter');
    // A first page ranks (and counts) only the newest block: "250+".
    expect(plain.total).toBe(LITERAL_BLOCK);
    expect(plain.totalIsLowerBound).toBe(true);
    expect(plain.hits[0]!.id).toBe(`s${RANKED_CANDIDATES + 19}`);
    const filtered = run('winter theme:finance since:2016-01-01');
    expect(filtered.totalIsLowerBound).toBe(true);
    const last = run('winter', RANKED_CANDIDATES - 50);
    expect(last.total).toBe(RANKED_CANDIDATES);
    expect(last.totalIsLowerBound).toBe(true);
    expect(last.hits).toHaveLength(50);
    expect(last.nextOffset).toBeNull();
    const small = run('winter until:2016-01-02');
    expect(small.total).toBe(24);
    expect(small.totalIsLowerBound).toBeUndefined();
    big.close();
  });
});

describe('searchStories: headline-first ranking under filters', () => {
  it('puts a story with every word in its headline above a newer one with them only in the text', () => {
    const db2 = openDatabase(':memory:');
    tagAndStore(
      db2,
      [
        item(
          1,
          'nhse',
          '2017-01-10T09:00:00.000Z',
          'Ambulance handover delays reach new high',
          'Crews waited outside hospitals.',
        ),
        item(
          2,
          'nhse',
          '2017-02-20T09:00:00.000Z',
          'Winter update for trusts',
          'Ambulance handover times are among the measures.',
        ),
      ],
      NOW,
      () => ({
        tags: [makeTag('workforce')],
        entities: { organisations: [], money: [] },
        rulesVersion: 'v1',
      }),
    );
    const run = (text: string) =>
      searchStories(db2, parseSearchText(text).query, NOW).hits.map((h) => h.id);
    expect(run('ambulance handover theme:workforce')).toEqual(['s1', 's2']);
    expect(run('ambulance handover')).toEqual(['s1', 's2']);
    db2.close();
  });
});
