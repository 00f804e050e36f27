// Search timings for the storage benchmark (storage.ts): typical queries through searchStories,
// and a naive LIKE '%term%' scan as the baseline the full-text index is compared with.
import { parseSearchText } from '../../src/commands/parse-search-query.js';
import type { Db } from '../../src/store/database.js';
import { searchStories } from '../../src/store/search.js';
import { median, roundFigure } from './measure.js';

const NOW = new Date('2024-01-15T12:00:00Z');

/** Typical chat and CLI searches: words, phrases, prefixes, exclusions, filters. */
const QUERIES = [
  'procurement',
  'carter productivity',
  '"supply chain"',
  'integrated care',
  'dudley',
  'workforce nurses',
  'vanguard theme:mcp',
  'procurement theme:procurement since:2020-01-01',
  'deficit theme:finance since:2023-01-01',
  'waiting lists week:2023-W07',
  'strike -junior',
  'transform*',
  'theme:carter',
  'theme:stp since:2023-06-01',
  'org:"Walsall" merger',
  'source:hsj chief executive',
  'cancer targets until:2017-01-01',
  'pathology consolidation network',
];

/** Word-only queries for the LIKE baseline (what a naive implementation would do). */
const LIKE_QUERIES = [
  'procurement',
  'carter productivity',
  'dudley',
  'workforce nurses',
  'vanguard',
];

export function timeSearches(db: Db, rounds: number): number[] {
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const text of QUERIES) {
      const { query } = parseSearchText(text, { limit: 10 });
      const t0 = performance.now();
      searchStories(db, query, NOW);
      times.push(performance.now() - t0);
    }
  }
  return times;
}

export function timeLikeBaseline(db: Db, rounds: number): number[] {
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const text of LIKE_QUERIES) {
      const words = text.split(' ');
      const where = words
        .map(() => '(title LIKE ? OR summary LIKE ? OR content LIKE ?)')
        .join(' AND ');
      const params = words.flatMap((w) => [`%${w}%`, `%${w}%`, `%${w}%`]);
      const t0 = performance.now();
      db.prepare(
        `SELECT id, title, url, source_id, published_at, summary FROM stories WHERE ${where}
         ORDER BY published_at DESC LIMIT 10`,
      ).all(...params);
      db.prepare(`SELECT count(*) FROM stories WHERE ${where}`).get(...params);
      times.push(performance.now() - t0);
    }
  }
  return times;
}

export function timeFtsOnLikeQueries(db: Db, rounds: number): number[] {
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const text of LIKE_QUERIES) {
      const { query } = parseSearchText(text, { limit: 10 });
      const t0 = performance.now();
      searchStories(db, query, NOW);
      times.push(performance.now() - t0);
    }
  }
  return times;
}

/** Per-query timings at the current size, for tuning (not part of the figures). */
export function explainSlowQueries(db: Db): { query: string; ms: number }[] {
  return QUERIES.map((text) => {
    const { query } = parseSearchText(text, { limit: 10 });
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      searchStories(db, query, NOW);
      times.push(performance.now() - t0);
    }
    return { query: text, ms: roundFigure(median(times)) };
  }).sort((a, b) => b.ms - a.ms);
}
