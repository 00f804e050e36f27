// Search timings for the storage benchmark (storage.ts). The product side runs each query of
// search-queries.ts through the path `/briefing search` takes: buildSearchQuery (parsing and
// validation), then runSearch over the real CommandDeps (organisation resolution, expansion
// through the search vocabulary, the store search, spelling suggestions and retry, grouping
// other outlets' copies). The floor runs the same words as a raw FTS5 top-10 query on the same
// database and index: `SELECT rowid FROM stories_fts WHERE stories_fts MATCH ? ORDER BY rank
// LIMIT 10` (no filters: they are ours to make cheap). Queries are timed in turns (product, then
// floor, for each query, every round), so a noisy machine slows both alike. A naive
// LIKE '%word%' scan is kept as context only.
import { loadConfigOrThrow, type AppConfig } from '../../src/config/load.js';
import { parseSearchText } from '../../src/commands/parse-search-query.js';
import { runSearch } from '../../src/commands/search.js';
import { buildSearchQuery } from '../../src/commands/search-request.js';
import type { CommandDeps } from '../../src/commands/types.js';
import { buildCommandDeps } from '../../src/pipeline/command-deps.js';
import type { Db } from '../../src/store/database.js';
import { median } from './measure.js';
import { LIKE_QUERIES, SEARCH_QUERIES, type BenchQuery } from './search-queries.js';

const NOW = new Date('2024-01-15T12:00:00Z');
const CONFIG_DIR = new URL('../../config', import.meta.url).pathname;

let config: AppConfig | null = null;

export function createSearchDeps(db: Db): CommandDeps {
  config ??= loadConfigOrThrow(CONFIG_DIR);
  return buildCommandDeps({ db, config, now: () => NOW });
}

/** What the product runs for `/briefing search <text>`: one page of 10. */
function searchAsUser(deps: CommandDeps, text: string): number {
  const built = buildSearchQuery(text, { limit: 10, offset: 0 }, deps);
  if (!built.ok || built.request.command !== 'search') {
    throw new Error(`bench: search "${text}" did not parse`);
  }
  const result = runSearch(built.request, deps);
  if (result.kind !== 'search') throw new Error(`bench: search "${text}" failed: ${result.kind}`);
  return result.page.hits.length;
}

function quote(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** The query's words as a bare FTS5 expression, or null when it has none (filters only). */
export function floorExpression(text: string): string | null {
  const { query } = parseSearchText(text, { limit: 10 });
  const required = [
    ...query.terms.map(quote),
    ...query.phrases.map(quote),
    ...query.prefixes.map((p) => `${quote(p)}*`),
  ];
  if (required.length === 0) return null;
  const positive = required.join(' AND ');
  return query.excluded.length === 0
    ? positive
    : `(${positive}) NOT (${query.excluded.map(quote).join(' OR ')})`;
}

export interface QueryTiming {
  text: string;
  kind: BenchQuery['kind'];
  /** Per round, milliseconds. */
  product: number[];
  /** Per round, or empty for filter-only queries. */
  floor: number[];
  /** Context: the same words newest first (ORDER BY rowid DESC LIMIT 10), no ranking at all. */
  newestFloor: number[];
  hits: number;
}

export function timeSearchesSideBySide(db: Db, rounds: number): QueryTiming[] {
  const deps = createSearchDeps(db);
  const floor = db.prepare(
    'SELECT rowid FROM stories_fts WHERE stories_fts MATCH ? ORDER BY rank LIMIT 10',
  );
  const newest = db.prepare(
    'SELECT rowid FROM stories_fts WHERE stories_fts MATCH ? ORDER BY rowid DESC LIMIT 10',
  );
  const timings: QueryTiming[] = SEARCH_QUERIES.map((q) => ({
    ...q,
    product: [],
    floor: [],
    newestFloor: [],
    hits: 0,
  }));
  for (let round = 0; round < rounds; round++) {
    for (const timing of timings) {
      let t0 = performance.now();
      timing.hits = searchAsUser(deps, timing.text);
      timing.product.push(performance.now() - t0);
      const expression = floorExpression(timing.text);
      if (expression === null) continue;
      t0 = performance.now();
      floor.all(expression);
      timing.floor.push(performance.now() - t0);
      t0 = performance.now();
      newest.all(expression);
      timing.newestFloor.push(performance.now() - t0);
    }
  }
  return timings;
}

export function timeLikeBaseline(db: Db, rounds: number): { like: number[]; product: number[] } {
  const deps = createSearchDeps(db);
  const like: number[] = [];
  const product: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const text of LIKE_QUERIES) {
      const t0 = performance.now();
      db.prepare(
        `SELECT id FROM stories WHERE title LIKE ? OR summary LIKE ? OR content LIKE ?
         ORDER BY published_at DESC LIMIT 10`,
      ).all(`%${text}%`, `%${text}%`, `%${text}%`);
      like.push(performance.now() - t0);
      const t1 = performance.now();
      searchAsUser(deps, text);
      product.push(performance.now() - t1);
    }
  }
  return { like, product };
}

/** The slowest queries by median, for the log and for tuning. */
export function describeSlowest(timings: readonly QueryTiming[], count = 8): string[] {
  return [...timings]
    .sort((a, b) => median(b.product) - median(a.product))
    .slice(0, count)
    .map(
      (t) =>
        `${median(t.product).toFixed(2)} ms (floor ${t.floor.length > 0 ? median(t.floor).toFixed(2) : '-'} ms, ${t.hits} hits) ${t.kind}: ${t.text}`,
    );
}
