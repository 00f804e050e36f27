// What ranking a word search reads per candidate (issue 18): only the columns its preferences
// use, and theme preferences from the row's facet tokens rather than a story_tags lookup, with
// the same order as before. Observed through the SQL a fresh connection prepares, never timing.
import { describe, expect, it } from 'vitest';
import { parseSearchText } from '../../src/commands/parse-search-query.js';
import type { SearchExpansion, Story } from '../../src/domain.js';
import { openDatabase, type Db } from '../../src/store/database.js';
import { searchStories } from '../../src/store/search.js';
import { tagAndStore } from '../../src/pipeline/tag-and-store.js';
import { item, NOW } from './search-fixtures.js';
import { preparedDuring } from '../helpers/prepared-during.js';

const days = (n: number) => new Date(Date.UTC(2017, 0, 1) + n * 86_400_000).toISOString();

/** Stories s0..s39 mention "vanguard"; every fifth is tagged `mcp`. */
function archive(): Db {
  const stories: Story[] = Array.from({ length: 40 }, (_, i) =>
    item(i, 'nhse', days(i), `Board ${i}`, `The vanguard site ${i} reports.`),
  );
  const db = openDatabase(':memory:');
  tagAndStore(db, stories, NOW, (story) => ({
    tags: Number(story.id.slice(1)) % 5 === 0 ? [{ theme: 'mcp', score: 1, evidence: [] }] : [],
    entities: { organisations: [], money: [] },
    rulesVersion: 'v1',
  }));
  return db;
}

const sense: SearchExpansion = {
  terms: ['vanguard'],
  phrase: null,
  alternatives: [],
  organisationIds: [],
  themes: ['mcp'],
};

describe('search ranking: what it reads per candidate', () => {
  it('prefers a theme from the facet tokens, reading neither story_tags nor the standfirst', () => {
    const db = archive();
    let ids: string[] = [];
    const sql = preparedDuring(db, () => {
      const query = { ...parseSearchText('vanguard').query, limit: 10 };
      ids = searchStories(db, query, NOW, { expansions: [sense] }).hits.map((h) => h.id);
    });
    // Tagged stories first (newest first), then the rest.
    expect(ids).toEqual(['s35', 's30', 's25', 's20', 's15', 's10', 's5', 's0', 's39', 's38']);
    const ranking = sql.filter((s) => s.includes('AS relevance'));
    expect(ranking.length).toBeGreaterThan(0);
    for (const s of ranking) {
      expect(s).toContain('s.facets AS facets');
      expect(s).toContain("'' AS summary");
    }
    // story_tags is read once, for the page's own themes, not per candidate.
    expect(sql.filter((s) => s.includes('story_tags'))).toEqual([
      expect.stringContaining('SELECT story_seq, theme FROM story_tags'),
    ]);
    db.close();
  });
});

// One statement for the whole block (LIMIT 251), stepped through one cursor that may stop after
// the newest 101 rows: a second statement bounded below the first hundred re-opened every term's
// doclist in every FTS5 segment (search-candidates.ts).
describe('search ranking: the first block read through one cursor, stopping after a hundred', () => {
  // 300 stories with "winter"; all but every fourth have it in the headline.
  const stories: Story[] = Array.from({ length: 300 }, (_, i) =>
    i % 4 === 0
      ? item(i, 'nhse', days(i), `Beds ${i}`, `Trusts plan for winter, number ${i}.`)
      : item(i, 'nhse', days(i), `Winter beds ${i}`, 'Trusts open beds.'),
  );
  const build = () => {
    const db = openDatabase(':memory:');
    tagAndStore(db, stories, NOW, () => ({
      tags: [],
      entities: { organisations: [], money: [] },
      rulesVersion: 'v1',
    }));
    return db;
  };
  // A prefix is ranked by headline, as a word in 5,000 stories or more would be.
  const search = (db: Db, limit: number, offset = 0) =>
    searchStories(db, { ...parseSearchText('wint*').query, limit, offset }, NOW);

  it('stops after the newest hundred when they fill the page with headline matches', () => {
    const db = build();
    let page = search(db, 30);
    const fresh = build();
    const sql = preparedDuring(fresh, () => {
      page = search(fresh, 30);
    });
    fresh.close();
    const ranking = sql.filter((s) => s.includes('AS relevance'));
    expect(ranking).toEqual([expect.stringContaining('LIMIT 251')]);
    // Ranked from the newest hundred alone: the cursor stopped there.
    expect([page.total, page.totalIsLowerBound]).toEqual([100, true]);
    // The same page a read of the whole block gives (publication follows archive order here).
    const whole = search(db, 250).hits.map((h) => h.id);
    expect(page.hits.map((h) => h.id)).toEqual(whole.slice(0, 30));
    expect(whole.slice(0, 3)).toEqual(['s299', 's298', 's297']);
    db.close();
  });

  it('reads the rest of the block below the first hundred when they do not', () => {
    const db = build();
    let page = search(db, 90);
    const fresh = build();
    const sql = preparedDuring(fresh, () => {
      page = search(fresh, 90);
    });
    fresh.close();
    const ranking = sql.filter((s) => s.includes('AS relevance'));
    expect(ranking).toEqual([expect.stringContaining('LIMIT 251')]);
    expect(ranking[0]).not.toContain('f.rowid <');
    // The whole block was read: 250 ranked, more exist.
    expect([page.total, page.totalIsLowerBound]).toEqual([250, true]);
    const ids = page.hits.map((h) => h.id);
    expect(ids).toEqual(
      search(db, 250)
        .hits.map((h) => h.id)
        .slice(0, 90),
    );
    db.close();
  });
});
