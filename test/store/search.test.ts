import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSearchText } from '../../src/commands/parse-search-query.js';
import type { Entities, SearchQuery, Story } from '../../src/domain.js';
import { openDatabase, type Db } from '../../src/store/database.js';
import { RANKED_CANDIDATES, searchStories } from '../../src/store/search.js';
import { facetToken } from '../../src/store/fts-index.js';
import { replaceTags } from '../../src/store/tags.js';
import { saveStories } from '../../src/store/stories.js';
import { makeStory, makeTag } from './make-story.js';
import { tagAndStore } from '../../src/pipeline/tag-and-store.js';

const NOW = new Date('2017-03-01T12:00:00Z');
const NO_ENTITIES_FOR_SEARCH: Entities = { organisations: [], money: [] };

interface Fixture {
  story: Story;
  themes: string[];
  orgs?: Entities['organisations'];
}

function item(
  n: number,
  sourceId: string,
  publishedAt: string,
  title: string,
  summary: string,
  content = '',
): Story {
  return makeStory({
    id: `s${n}`,
    guid: `s${n}`,
    url: `https://example.org/${sourceId}/${n}`,
    sourceId,
    publishedAt,
    title,
    summary,
    content,
  });
}

const DUDLEY = {
  id: 'RNA',
  name: 'The Dudley Group NHS Foundation Trust',
  kind: 'trust' as const,
  matched: 'Dudley Group FT',
};

const FIXTURES: Fixture[] = [
  {
    story: item(
      1,
      'nhse',
      '2017-02-14T09:00:00.000Z',
      'Lord Carter sets out mental health productivity review',
      'The review will look at unwarranted variation in community and mental health trusts.',
    ),
    themes: ['carter'],
  },
  {
    story: item(
      2,
      'hsj',
      '2017-02-15T08:00:00.000Z',
      'STP leaders warn of deficit gap in footprint plans',
      'Sustainability and transformation plans in the Black Country face a funding gap.',
      'Dudley Group FT is among providers in the footprint.',
    ),
    themes: ['stp', 'finance'],
    orgs: [DUDLEY],
  },
  {
    story: item(
      3,
      'pulse',
      '2017-02-16T07:00:00.000Z',
      'Dudley multispecialty community provider procurement delayed',
      'The MCP contract award has been pushed back to the summer.',
    ),
    themes: ['mcp', 'procurement'],
    orgs: [{ ...DUDLEY, matched: 'Dudley Group NHS Foundation Trust' }],
  },
  {
    story: item(
      4,
      'nhse',
      '2016-02-10T09:00:00.000Z',
      'Carter report finds £5bn of savings in hospitals',
      'The final report on operational productivity in acute trusts identifies unwarranted variation.',
    ),
    themes: ['carter'],
  },
  {
    story: item(
      5,
      'dhsc',
      '2017-02-20T10:00:00.000Z',
      'Procurement league tables published for all trusts',
      'Trusts are ranked on how much they pay for common products and how many purchase orders they raise.',
    ),
    themes: ['procurement'],
  },
  {
    story: item(
      6,
      'hsj',
      '2017-02-21T10:00:00.000Z',
      'Hospital productivity improves in winter',
      'Productivity gains were reported by several trusts, with Carter metrics cited.',
    ),
    themes: [],
  },
  {
    story: item(
      7,
      'nhse',
      '2017-02-22T10:00:00.000Z',
      'Vanguard sites share new care models evaluation',
      'Early results from the vanguards suggest fewer emergency admissions; “accountable care” was discussed.',
    ),
    themes: ['mcp'],
  },
];

let db: Db;
beforeAll(() => {
  db = openDatabase(':memory:');
  const byId = new Map(FIXTURES.map((f) => [f.story.id, f]));
  tagAndStore(
    db,
    FIXTURES.map((f) => f.story),
    new Date('2017-02-23T00:00:00Z'),
    (story) => {
      const f = byId.get(story.id)!;
      return {
        tags: f.themes.map((t) => makeTag(t)),
        entities: { organisations: f.orgs ?? [], money: [] },
        rulesVersion: 'test',
      };
    },
  );
  // The same STP story also came through a second source.
  saveStories(db, [{ ...FIXTURES[1]!.story, sourceId: 'guardian', id: 'g_guardian-copy' }], NOW);
});
afterAll(() => db.close());

function search(text: string, options: { limit?: number; offset?: number } = {}) {
  const { query, problems } = parseSearchText(text, options);
  return { page: searchStories(db, query, NOW), problems };
}

function ids(text: string): string[] {
  return search(text).page.hits.map((h) => h.id);
}

describe('searchStories: words', () => {
  it.each([
    ['carter', ['s1', 's4', 's6']],
    ['"unwarranted variation"', ['s1', 's4']],
    ['carter -mental', ['s4', 's6']],
    ['carter -"mental health"', ['s4', 's6']],
    ['procur*', ['s3', 's5']],
    // Porter stemming: "productivity" and "products" share the stem "product".
    ['productivity', ['s6', 's1', 's4', 's5']],
    ['variations', ['s1', 's4']],
    ['accountable', ['s7']],
    ['-carter', ['s7', 's5', 's3', 's2']],
  ])('%s', (text, expected) => {
    const found = ids(text);
    expect([...found].sort()).toEqual([...expected].sort());
  });

  it('ranks a title match above a summary match, and the newer of two equal stories first', () => {
    const ranking = openDatabase(':memory:');
    saveStories(
      ranking,
      [
        item(
          1,
          'a',
          '2017-02-01T09:00:00.000Z',
          'Trust board papers published',
          'The board discussed the vanguard programme and its budget.',
        ),
        item(
          2,
          'a',
          '2017-02-01T09:00:00.000Z',
          'Vanguard programme budget confirmed',
          'The board papers were published on Tuesday.',
        ),
        item(
          3,
          'a',
          '2015-02-01T09:00:00.000Z',
          'Pathology network consolidation',
          'Pathology services merge into a hub.',
        ),
        item(
          4,
          'a',
          '2017-02-20T09:00:00.000Z',
          'Pathology network consolidation',
          'Pathology services merge into a hub.',
        ),
      ],
      NOW,
    );
    const run = (text: string) =>
      searchStories(ranking, parseSearchText(text).query, NOW).hits.map((h) => h.id);
    expect(run('vanguard')).toEqual(['s2', 's1']);
    expect(run('pathology')).toEqual(['s4', 's3']);
    ranking.close();
  });

  it('returns snippets from the text that matched and themes per hit', () => {
    const hit = search('purchase orders').page.hits[0]!;
    expect(hit.id).toBe('s5');
    expect(hit.snippet).toContain('purchase orders');
    expect(hit.themes).toEqual(['procurement']);
    expect(hit.source).toBe('dhsc');
  });

  it('ignores diacritics and case', () => {
    expect(ids('CARTÉR')).toHaveLength(3);
  });
});

describe('searchStories: filters', () => {
  it.each([
    ['theme:carter', ['s1', 's4']],
    ['theme:carter,procurement', ['s1', 's3', 's4', 's5']],
    ['productivity theme:carter', ['s1', 's4']],
    ['source:hsj', ['s2', 's6']],
    ['source:guardian', ['s2']],
    ['org:RNA', ['s2', 's3']],
    ['org:"dudley group"', ['s2', 's3']],
    ['org:"Dudley Group FT" procurement', ['s3']],
    ['org:"Nowhere Trust"', []],
    ['since:2017-02-20', ['s5', 's6', 's7']],
    ['until:2017-02-15', ['s1', 's4']],
    ['week:2017-W07', ['s1', 's2', 's3']],
    ['theme:mcp since:2017-02-17', ['s7']],
  ])('%s', (text, expected) => {
    const { page, problems } = search(text);
    expect(problems).toEqual([]);
    expect(page.hits.map((h) => h.id).sort()).toEqual([...expected].sort());
    expect(page.total).toBe(expected.length);
  });

  it('lists filter-only searches newest first with the summary as snippet', () => {
    const page = search('theme:carter').page;
    expect(page.hits.map((h) => h.id)).toEqual(['s1', 's4']);
    expect(page.hits[0]!.snippet).toMatch(/^The review will look at/);
  });

  it('reads bare dates as London midnight (BST moves the bound an hour)', () => {
    const summer = openDatabase(':memory:');
    saveStories(
      summer,
      [
        item(
          1,
          'nhse',
          '2017-06-30T23:30:00.000Z',
          'Late June story',
          'Published 00:30 BST on 1 July.',
        ),
        item(
          2,
          'nhse',
          '2017-06-30T22:30:00.000Z',
          'Earlier story',
          'Published 23:30 BST on 30 June.',
        ),
      ],
      NOW,
    );
    const { query } = parseSearchText('since:2017-07-01');
    expect(searchStories(summer, query, NOW).hits.map((h) => h.id)).toEqual(['s1']);
    expect(searchStories(summer, query, NOW, { timeZone: 'UTC' }).hits).toEqual([]);
    summer.close();
  });
});

describe('searchStories: paging', () => {
  it('pages through results with nextOffset and a stable total', () => {
    const first = search('theme:carter,procurement,mcp,stp', { limit: 2 }).page;
    expect(first.total).toBe(6);
    expect(first.hits).toHaveLength(2);
    expect(first.nextOffset).toBe(2);
    const seen = [...first.hits.map((h) => h.id)];
    let offset = first.nextOffset;
    while (offset !== null) {
      const next = search('theme:carter,procurement,mcp,stp', { limit: 2, offset }).page;
      seen.push(...next.hits.map((h) => h.id));
      offset = next.nextOffset;
    }
    expect(seen.sort()).toEqual(['s1', 's2', 's3', 's4', 's5', 's7']);
  });

  it('says there is no next page on the last one and past the end', () => {
    expect(search('carter', { limit: 3 }).page.nextOffset).toBeNull();
    const past = search('carter', { limit: 3, offset: 30 }).page;
    expect(past.hits).toEqual([]);
    expect(past.nextOffset).toBeNull();
    expect(past.total).toBe(3);
  });
});

describe('searchStories: hostile input never throws', () => {
  const hostile = [
    'NHS AND (',
    '"',
    '*',
    '**',
    'NEAR(',
    'NEAR(carter procurement, 2)',
    'carter OR',
    'title:carter',
    '{title summary}: carter',
    '^carter',
    "'; DROP TABLE stories; --",
    "1' OR '1'='1",
    'carter" OR "1"="1',
    '-',
    '--',
    '- -carter',
    '"unterminated phrase',
    '""',
    '"" ""',
    'x'.repeat(10_000),
    'carter '.repeat(2000),
    '🏥 🚑 carter 💷',
    'مستشفى',
    'בית חולים carter',
    'car\u200Bter',
    '\u202Ecarter',
    'carter\u0000procurement',
    'a:b:c',
    ':',
    '()',
    'AND OR NOT',
    'carter*"',
    '"carter*"',
    'ﬁnance',
    'org:"',
    'theme:',
    'since:2017-02-30',
  ];
  it.each(hostile.map((h) => [h.length > 40 ? `${h.slice(0, 40)}… (${h.length})` : h, h]))(
    '%s',
    (_label, text) => {
      const { query } = parseSearchText(text);
      expect(() => searchStories(db, query, NOW)).not.toThrow();
    },
  );

  it('still finds the story through a zero-width space and RTL mark', () => {
    expect(ids('car\u200Bter\u200F theme:carter')).toEqual(['s1', 's4']);
  });

  it('treats FTS operators in user text as plain words', () => {
    const or: SearchQuery = { ...parseSearchText('x').query, terms: ['carter', 'OR', 'vanguard'] };
    expect(searchStories(db, or, NOW).total).toBe(0);
    const near: SearchQuery = { ...parseSearchText('x').query, terms: ['NEAR(carter'] };
    expect(() => searchStories(db, near, NOW)).not.toThrow();
  });
});

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
    expect(plain.total).toBe(RANKED_CANDIDATES);
    expect(plain.totalIsLowerBound).toBe(true);
    expect(plain.hits[0]!.id).toBe(`s${RANKED_CANDIDATES + 19}`);
    const filtered = run('winter theme:finance since:2016-01-01');
    expect(filtered.totalIsLowerBound).toBe(true);
    const last = run('winter', RANKED_CANDIDATES - 50);
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
