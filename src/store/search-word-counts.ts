// How many stories hold a search word, up to BM25_MAX_DOCS + 1: search-ranking.ts ranks by bm25
// only when every word is rarer than that (bm25 walks each word's whole doclist).
import type { Db } from './database.js';
import { prepareCached } from './prepared.js';

/** Above this many matching stories for any word, bm25 costs too much (search-ranking.ts). */
export const BM25_MAX_DOCS = 5000;

/**
 * Per connection, each token's story count up to BM25_MAX_DOCS + 1, kept while the database is
 * unchanged: the count walks up to 5,001 doclist entries per token (1-2 ms at 1M stories), and
 * the same words come back query after query. `PRAGMA data_version` moves when another connection
 * commits, total_changes() when this one writes (https://www.sqlite.org/pragma.html#pragma_data_version).
 */
const tokenCounts = new WeakMap<Db, { version: string; counts: Map<string, number> }>();
const MAX_CACHED_TOKENS = 10_000;

/**
 * A counter for one search: the database's version is read once (it was read for every word of
 * every tier, a query each), and counts come from the connection's cache while it holds.
 */
export function wordCounter(db: Db): (token: string) => number {
  const version = prepareCached<[], { v: string }>(
    db,
    "SELECT (SELECT data_version FROM pragma_data_version) || ':' || total_changes() AS v",
  ).get()!.v;
  let cache = tokenCounts.get(db);
  if (cache === undefined || cache.version !== version || cache.counts.size > MAX_CACHED_TOKENS) {
    cache = { version, counts: new Map() };
    tokenCounts.set(db, cache);
  }
  const counts = cache.counts;
  return (token) => {
    let n = counts.get(token);
    if (n === undefined) {
      n = prepareCached<[string], { n: number }>(
        db,
        `SELECT count(*) AS n FROM (SELECT 1 FROM stories_fts WHERE stories_fts MATCH ? LIMIT ${BM25_MAX_DOCS + 1})`,
      ).get(token)!.n;
      counts.set(token, n);
    }
    return n;
  };
}
