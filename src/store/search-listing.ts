// Filter-only searches (no words): the matching stories newest first, counted up to COUNT_CAP.
// Two plans, chosen per query by how many stories the source, theme and organisation filters
// allow (their facet tokens in stories_fts, fts-index.ts, counted up to FACET_LIST_MAX):
//   - few: read exactly those rows (one doclist walk, then primary-key lookups) and sort them by
//     date. A rare organisation or a filter that excludes everything no longer walks the whole
//     archive looking for ten matches (700 ms at 1M stories for org:<a rare trust>).
//   - many: walk stories by publication date newest first with SQL EXISTS checks, which stops
//     after a page when matches are common; counted through the facet tokens (or known to pass
//     COUNT_CAP when nothing else filters), not by checking stories in archive order.
// Both apply the date bounds and a workspace's theme corrections in SQL, so they agree exactly.
import type { SearchQuery } from '../domain.js';
import type { Db } from './database.js';
import { quoteFtsString } from './fts-query.js';
import { prepareCached } from './prepared.js';
import type { Filters } from './search-filters.js';
import { BM25_MAX_DOCS, wordCounter } from './search-word-counts.js';

export const COUNT_CAP = 1000;

export interface HitRow {
  seq: number;
  id: string;
  title: string;
  url: string | null;
  source_id: string;
  published_at: string;
  summary: string;
  content: string;
}

export interface RawPage {
  query: SearchQuery;
  rows: HitRow[];
  total: number;
  totalIsLowerBound: boolean;
  /** Rows available for paging in all: offset + hits beyond it means there is a next page. */
  reachable: number;
}

/**
 * Up to this many stories passing the facet filters, they are read directly. The word counter
 * (search-word-counts.ts) counts exactly up to BM25_MAX_DOCS, so it can tell "more than this".
 */
const FACET_LIST_MAX = BM25_MAX_DOCS;

/**
 * `facetFilters` builds the same filters with source, theme and organisation as facet token
 * groups (search-filters.ts buildFilters with asFacets); called only when the query has them.
 */
export function listByRecency(
  db: Db,
  query: SearchQuery,
  excludedOnly: string | null,
  filters: Filters,
  facetFilters: () => Filters,
): RawPage {
  const hasFacetFilters =
    query.sources.length + query.themes.length + query.organisations.length > 0;
  if (hasFacetFilters) {
    const narrowed = facetFilters();
    const groups = narrowed.facets.filter((g) => !g.every((t) => /^[456]/.test(t)));
    if (groups.length > 0) {
      const seqs = knownTooMany(db, groups, excludedOnly)
        ? null
        : readFacetSeqs(db, groups, excludedOnly);
      if (seqs !== null) return listSeqs(db, query, seqs, narrowed);
      return listByDateWalk(db, query, excludedOnly, filters, () =>
        countFacetMatches(db, narrowed, groups.length, excludedOnly),
      );
    }
  }
  return listByDateWalk(db, query, excludedOnly, filters);
}

/**
 * The capped count when more than FACET_LIST_MAX stories hold the facet groups: known at once
 * when nothing else filters; else the facets' doclists walked newest first with the other
 * filters in SQL. The date walk's own count checked every story in archive order until COUNT_CAP
 * passed (150 ms for theme:workforce at 1M stories under load), as a since: bound does.
 */
function countFacetMatches(
  db: Db,
  narrowed: Filters,
  plainGroups: number,
  excludedOnly: string | null,
): number {
  if (
    narrowed.sql.length === 0 &&
    narrowed.facets.length === plainGroups &&
    excludedOnly === null
  ) {
    return COUNT_CAP + 1;
  }
  const facets = narrowed.facets
    .map((g) => `facets : (${g.map(quoteFtsString).join(' OR ')})`)
    .join(' AND ');
  const match = excludedOnly === null ? facets : `(${facets}) NOT ${excludedOnly}`;
  const join = narrowed.sql.length === 0 ? '' : 'JOIN stories s ON s.seq = f.rowid';
  const where = narrowed.sql.map((c) => `AND ${c}`).join(' ');
  return prepareCached<unknown[], { n: number }>(
    db,
    `SELECT count(*) AS n FROM (SELECT 1 FROM stories_fts f ${join}
     WHERE stories_fts MATCH ? ${where} ORDER BY f.rowid DESC LIMIT ${COUNT_CAP + 1})`,
  ).get(match, ...narrowed.params)!.n;
}

/**
 * Whether a lone facet group (no exclusion) is known to hold more than FACET_LIST_MAX stories
 * from the connection's word counts (search-word-counts.ts: kept until the archive changes), so
 * readFacetSeqs would walk 5,001 doclist entries only to give up: about half of
 * `theme:stp since:2023-06-01` at 1M stories. A token not yet counted is counted by the same
 * walk readFacetSeqs makes, so a first search costs what it did.
 */
function knownTooMany(db: Db, groups: string[][], excludedOnly: string | null): boolean {
  const only = groups.length === 1 ? groups[0] : undefined;
  if (only === undefined || excludedOnly !== null) return false;
  const countWord = wordCounter(db);
  return only.some((t) => countWord(`facets : ${quoteFtsString(t)}`) > FACET_LIST_MAX);
}

/** Rows holding every facet group (and none of the excluded words), or null when too many. */
function readFacetSeqs(db: Db, groups: string[][], excludedOnly: string | null): number[] | null {
  const facets = groups
    .map((g) => `facets : (${g.map(quoteFtsString).join(' OR ')})`)
    .join(' AND ');
  const match = excludedOnly === null ? facets : `(${facets}) NOT ${excludedOnly}`;
  const rows = prepareCached<[string], { seq: number }>(
    db,
    `SELECT rowid AS seq FROM stories_fts WHERE stories_fts MATCH ? LIMIT ${FACET_LIST_MAX + 1}`,
  ).all(match);
  return rows.length > FACET_LIST_MAX ? null : rows.map((r) => r.seq);
}

/** Index entries walked per story row read, about: a row is a page of its own (measured 1M). */
const ENTRIES_PER_ROW = 15;

/**
 * Whether the page is cheaper found by walking the publication-date index newest first, keeping
 * the rows in `seqs` (ascending), than by reading every one of them and sorting: when the newest
 * stories hold them densely. Stories are stored about as they are published, so the walk passes
 * about as many entries as stories stored since the `depth`-th newest of them (an estimate: the
 * walk's answer is exact either way). 1,799 stories of org:RA2 at 1M: 5 ms read, 2 ms walked.
 */
function walkDateIndex(seqs: readonly number[], depth: number): boolean {
  const newest = seqs[seqs.length - 1];
  const kth = seqs[seqs.length - depth];
  if (newest === undefined || kth === undefined) return false;
  return newest - kth < seqs.length * ENTRIES_PER_ROW;
}

/** The page and the capped count from a known set of rows, with the SQL filters applied. */
function listSeqs(db: Db, query: SearchQuery, seqs: number[], filters: Filters): RawPage {
  const where = ['s.seq IN (SELECT value FROM json_each(?))', ...filters.sql].join(' AND ');
  const params = [JSON.stringify(seqs), ...filters.params];
  const walk = walkDateIndex(seqs, query.offset + query.limit);
  const rows = prepareCached<unknown[], HitRow>(
    db,
    `SELECT s.seq, s.id, s.title, s.url, s.source_id, s.published_at, s.summary, '' AS content
     FROM stories s ${walk ? 'INDEXED BY stories_published_at' : ''} WHERE ${where}
     ORDER BY s.published_at DESC, s.seq DESC LIMIT ? OFFSET ?`,
  ).all(...params, query.limit, query.offset);
  const counted =
    filters.sql.length === 0
      ? seqs.length
      : prepareCached<unknown[], { n: number }>(
          db,
          `SELECT count(*) AS n FROM (SELECT 1 FROM stories s WHERE ${where} LIMIT ${COUNT_CAP + 1})`,
        ).get(...params)!.n;
  return paged(query, rows, counted);
}

function paged(query: SearchQuery, rows: HitRow[], counted: number): RawPage {
  const totalIsLowerBound = counted > COUNT_CAP;
  const total = Math.min(counted, COUNT_CAP);
  return { query, rows, total, totalIsLowerBound, reachable: totalIsLowerBound ? Infinity : total };
}

function listByDateWalk(
  db: Db,
  query: SearchQuery,
  excludedOnly: string | null,
  filters: Filters,
  countCheaply?: () => number,
): RawPage {
  const clauses = [...filters.sql];
  const params = [...filters.params];
  if (excludedOnly !== null) {
    clauses.push('s.seq NOT IN (SELECT rowid FROM stories_fts WHERE stories_fts MATCH ?)');
    params.push(excludedOnly);
  }
  const whereSql = clauses.length === 0 ? '' : `WHERE ${clauses.join(' AND ')}`;
  const rows = prepareCached<unknown[], HitRow>(
    db,
    `SELECT s.seq, s.id, s.title, s.url, s.source_id, s.published_at, s.summary, '' AS content
     FROM stories s ${whereSql}
     ORDER BY s.published_at DESC, s.seq DESC LIMIT ? OFFSET ?`,
  ).all(...params, query.limit, query.offset);
  const counted =
    countCheaply?.() ??
    prepareCached<unknown[], { n: number }>(
      db,
      `SELECT count(*) AS n FROM (SELECT 1 FROM stories s ${whereSql} LIMIT ${COUNT_CAP + 1})`,
    ).get(...params)!.n;
  return paged(query, rows, counted);
}
