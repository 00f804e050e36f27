// The search shortcuts of issue 18, on small real databases: each gives the same answer as the
// long way round and skips the work the long way did. Work is observed through the SQL the
// store prepares (better-sqlite3's Database.prepare, watched on a fresh connection whose
// statement cache is empty), never through timing.
import { describe, expect, it } from 'vitest';
import { parseSearchText } from '../../src/commands/parse-search-query.js';
import type { SearchExpansion, Story } from '../../src/domain.js';
import { openDatabase, type Db } from '../../src/store/database.js';
import { buildExpandedMatch } from '../../src/store/fts-query.js';
import { searchStories } from '../../src/store/search.js';
import {
  BM25_MAX_DOCS,
  EXPANSION_FIRST,
  LITERAL_BLOCK,
  RANKED_CANDIDATES,
} from '../../src/store/search-ranking.js';
import { tagAndStore } from '../../src/pipeline/tag-and-store.js';
import { item, NOW } from './search-fixtures.js';
import { preparedDuring } from '../helpers/prepared-during.js';

const ORG = { id: 'RXX', name: 'Rare Trust', kind: 'trust' as const, matched: 'Rare Trust' };

function archive(stories: Story[], orgFor: (n: number) => boolean = () => false): Db {
  const db = openDatabase(':memory:');
  tagAndStore(db, stories, NOW, (story) => ({
    tags: [],
    entities: { organisations: orgFor(Number(story.id.slice(1))) ? [ORG] : [], money: [] },
    rulesVersion: 'v1',
  }));
  return db;
}

const days = (n: number) => new Date(Date.UTC(2017, 0, 1) + n * 86_400_000).toISOString();

describe('search: date filters outside the archive', () => {
  it('answers at once, without walking the index, when the range misses every story', () => {
    const stories = Array.from({ length: 30 }, (_, i) =>
      item(i, 'nhse', days(i), `Winter beds ${i}`, 'Trusts open more winter beds.'),
    );
    const fresh = archive(stories);
    for (const text of [
      'winter since:2030-01-01',
      'winter until:2016-06-01',
      'winter since:2017-01-10 until:2017-01-05',
      'since:2031-01-01',
    ]) {
      let total = -1;
      const sql = preparedDuring(fresh, () => {
        total = searchStories(fresh, parseSearchText(text).query, NOW).total;
      });
      expect(total, text).toBe(0);
      expect(
        sql.filter((s) => /MATCH|ORDER BY/.test(s)),
        text,
      ).toEqual([]);
    }
    // Inside the span the same words still find stories.
    expect(searchStories(fresh, parseSearchText('winter since:2017-01-10').query, NOW).total).toBe(
      21,
    );
    fresh.close();
  });
});

describe('search: filter-only listings', () => {
  it('reads the few stories a rare organisation filter allows, newest first, as the date walk would', () => {
    // Archive order is not date order: story 3 is the newest.
    const dates = [days(1), days(5), days(2), days(40), days(3), days(4)];
    const stories = dates.map((d, i) => item(i, 'nhse', d, `Board papers ${i}`, 'Papers.'));
    const db = archive(stories, (n) => n % 2 === 1 || n === 0);
    let ids: string[] = [];
    const sql = preparedDuring(db, () => {
      ids = searchStories(db, parseSearchText('org:RXX').query, NOW).hits.map((h) => h.id);
    });
    expect(ids).toEqual(['s3', 's1', 's5', 's0']);
    // The organisation's facet token, not an EXISTS check on every story by date.
    expect(sql.some((s) => /stories_fts MATCH/.test(s))).toBe(true);
    expect(sql.some((s) => /EXISTS/.test(s))).toBe(false);
    const page = searchStories(db, parseSearchText('org:RXX until:2017-01-07').query, NOW);
    expect(page.hits.map((h) => h.id)).toEqual(['s1', 's5', 's0']);
    expect(page.total).toBe(3);
    const excluded = searchStories(db, parseSearchText('org:RXX -papers').query, NOW);
    expect(excluded.total).toBe(0);
    db.close();
  });
});

describe('search: filter-only listings of many stories', () => {
  it('walks the date index newest first when the stories are dense there, with the same page', () => {
    // 60 stories, the organisation's every other one; archive order is not date order.
    const stories = Array.from({ length: 60 }, (_, i) =>
      item(i, 'nhse', days(i % 3 === 0 ? i + 5 : i), `Board papers ${i}`, 'Papers.'),
    );
    const db = archive(stories, (n) => n % 2 === 0);
    const page = (limit: number, offset = 0, text = 'org:RXX') =>
      searchStories(db, { ...parseSearchText(text).query, limit, offset }, NOW);
    const fresh = archive(stories, (n) => n % 2 === 0);
    let ids: string[] = [];
    const sql = preparedDuring(fresh, () => {
      ids = searchStories(fresh, { ...parseSearchText('org:RXX').query, limit: 5 }, NOW).hits.map(
        (h) => h.id,
      );
    });
    fresh.close();
    expect(sql.some((s) => s.includes('INDEXED BY stories_published_at'))).toBe(true);
    // Newest first by publication: s54 (day 59) before s58 (day 58), s48 (day 53) before s52.
    expect(ids).toEqual(['s54', 's58', 's56', 's48', 's52']);
    // Every page as the organisation's stories sorted by date (then newest stored) gives it.
    const byDate = stories
      .map((s, n) => ({ id: s.id, at: s.publishedAt, n }))
      .filter((s) => s.n % 2 === 0)
      .sort((a, b) => b.at.localeCompare(a.at) || b.n - a.n)
      .map((s) => s.id);
    expect(page(30).hits.map((h) => h.id)).toEqual(byDate);
    expect(page(5, 5).hits.map((h) => h.id)).toEqual(byDate.slice(5, 10));
    expect(page(10, 0, 'org:RXX until:2017-02-01').hits.map((h) => h.id)).toEqual(
      byDate
        .filter(
          (id) => Date.parse(stories[Number(id.slice(1))]!.publishedAt) < Date.UTC(2017, 1, 1),
        )
        .slice(0, 10),
    );
    expect(page(30).total).toBe(30);
    db.close();
  });
});

describe('search: the expansion tier', () => {
  it('searches only the shortest of long forms that contain one another', () => {
    const expansion: SearchExpansion = {
      terms: ['CIP'],
      phrase: null,
      alternatives: ['cost improvement plan', 'cost improvement', 'cost improvement programme'],
      organisationIds: [],
      themes: [],
    };
    const match = buildExpandedMatch(parseSearchText('CIP').query, [expansion])!.match;
    expect(match).toContain('"cost improvement"');
    expect(match).not.toContain('plan');
    expect(match).not.toContain('programme');
  });

  it('pages through every expansion match once, however deep the pages go', () => {
    const count = EXPANSION_FIRST * 2 + 37;
    const stories = Array.from({ length: count + 5 }, (_, i) =>
      i < 5
        ? item(i, 'nhse', days(i), `CIP savings ${i}`, 'The CIP is behind.')
        : item(i, 'nhse', days(i), `Plan ${i}`, `The cost improvement plan number ${i}.`),
    );
    const db = archive(stories);
    const expansions: SearchExpansion[] = [
      {
        terms: ['CIP'],
        phrase: null,
        alternatives: ['cost improvement plan'],
        organisationIds: [],
        themes: [],
      },
    ];
    const seen: string[] = [];
    let offset: number | null = 0;
    let first = true;
    while (offset !== null) {
      const query = { ...parseSearchText('CIP').query, limit: 30, offset };
      const page = searchStories(db, query, NOW, { expansions });
      if (first) expect(page.totalIsLowerBound).toBe(true);
      first = false;
      seen.push(...page.hits.map((h) => h.id));
      offset = page.nextOffset;
    }
    expect(seen.slice(0, 5).sort()).toEqual(['s0', 's1', 's2', 's3', 's4']);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toHaveLength(count + 5);
    db.close();
  });
});

describe('search: literal matches in blocks', () => {
  const count = LITERAL_BLOCK * 2 + 37;
  // Every seventh story has the word in its headline, so ranking moves stories within a block.
  const stories = Array.from({ length: count }, (_, i) =>
    i % 7 === 0
      ? item(i, 'nhse', days(i), `Winter beds ${i}`, 'Trusts open beds.')
      : item(i, 'nhse', days(i), `Beds ${i}`, `Trusts plan for winter, number ${i}.`),
  );
  const search = (db: Db, limit: number, offset: number) =>
    searchStories(db, { ...parseSearchText('winter').query, limit, offset }, NOW);

  it('ranks and counts only the newest block for a first page', () => {
    const db = archive(stories);
    let page = search(db, 1, 0);
    const fresh = archive(stories);
    const sql = preparedDuring(fresh, () => {
      page = search(fresh, 30, 0);
    });
    fresh.close();
    const ranking = sql.filter((s) => /AS relevance/.test(s));
    expect(ranking.length).toBeGreaterThan(0);
    for (const s of ranking) expect(s).toContain(`LIMIT ${LITERAL_BLOCK + 1}`);
    // The rest are not walked to be counted (only each word, for the bm25 cost estimate).
    const counts = sql.filter((s) => /count\(\*\)/.test(s));
    expect(counts.filter((s) => !s.includes(`LIMIT ${BM25_MAX_DOCS + 1}`))).toEqual([]);
    expect(page.total).toBe(LITERAL_BLOCK);
    expect(page.totalIsLowerBound).toBe(true);
    expect(page.nextOffset).toBe(30);
    db.close();
  });

  it('pages through every match once, in the order a single deep read gives', () => {
    const db = archive(stories);
    const deep = search(db, RANKED_CANDIDATES, 0).hits.map((h) => h.id);
    expect(deep).toHaveLength(count);
    const seen: string[] = [];
    let offset: number | null = 0;
    while (offset !== null) {
      const page = search(db, 30, offset);
      seen.push(...page.hits.map((h) => h.id));
      offset = page.nextOffset;
      // Once the page reaches the last block, every match has been read and counted.
      if (offset === null) expect([page.total, page.totalIsLowerBound]).toEqual([count, undefined]);
    }
    expect(seen).toEqual(deep);
    // Within the newest block, headlines first (then newest).
    const newestHeadline = count - 1 - ((count - 1) % 7);
    expect(deep.slice(0, 2)).toEqual([`s${newestHeadline}`, `s${newestHeadline - 7}`]);
    db.close();
  });
});

describe('search: a filter-only listing of a facet known to be common', () => {
  it('does not read the facet’s stories once the word counts say there are too many', () => {
    // BM25_MAX_DOCS + 1 stories naming the organisation: too many to read and sort by date.
    const stories = Array.from({ length: BM25_MAX_DOCS + 1 }, (_, i) =>
      item(i, 'nhse', days(i), `Board papers ${i}`, 'Papers.'),
    );
    const db = archive(stories, () => true);
    let page = searchStories(db, parseSearchText('org:RXX').query, NOW);
    // A fresh connection (empty statement and word-count caches): the facet is counted, by the
    // same walk the listing would have made, and never listed; later searches reuse the count.
    const fresh = archive(stories, () => true);
    const sql = preparedDuring(fresh, () => {
      page = searchStories(fresh, { ...parseSearchText('org:RXX').query, offset: 10 }, NOW);
    });
    fresh.close();
    expect(sql.filter((s) => /SELECT rowid AS seq FROM stories_fts/.test(s))).toEqual([]);
    expect(
      sql.filter((s) => /SELECT count\(\*\) AS n FROM \(SELECT 1 FROM stories_fts/.test(s)),
    ).toHaveLength(1);
    expect(page.hits.map((h) => h.id).slice(0, 3)).toEqual(['s4990', 's4989', 's4988']);
    expect([page.total, page.totalIsLowerBound]).toEqual([1000, true]);
    db.close();
  });
});
