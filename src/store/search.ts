// Archive search over the FTS5 index (stories_fts) with filters, ranking and paging.
// Rank: among the newest RANKED_CANDIDATES matches, bm25 with column weights title 10, summary 4, content 1 (FTS5 bm25 is negative: lower is
// better), multiplied by a recency boost of 1 + 0.5 / (1 + age in days / 180), so a story from
// this week counts up to 1.5 times one of equal relevance from years ago. A query with only
// filters lists by recency. Filters: any of the given sources (a story carried by several
// sources matches each), any of the themes, any of the organisations, and since (inclusive) /
// until (exclusive); a bare date means local midnight in `timeZone` (default Europe/London).
import { DEFAULT_TIME_ZONE, zonedTimeToUtc } from '../digest/week.js';
import type { SearchHit, SearchPage, SearchQuery } from '../domain.js';
import type { Db } from './database.js';
import { buildFtsExpressions } from './fts-query.js';
import { prepareCached } from './prepared.js';
import { findOrganisationIds } from './tags.js';

export interface SearchOptions {
  /** Time zone for bare dates in since/until. */
  timeZone?: string;
  /** Display names for SearchHit.source; the source id is used when absent. */
  sourceNames?: ReadonlyMap<string, string>;
}

/**
 * Word searches rank the newest this-many matching stories (by archive order, which follows
 * publication in a live archive) rather than every match: exact bm25 over all of a common
 * word's matches costs ~O(matches) and would miss the 20 ms target at 1M stories. `total` still
 * counts every match; more words or a filter reach older stories.
 */
const RANKED_CANDIDATES = 1000;
const RECENCY_WEIGHT = 0.5;
const RECENCY_HALF_DAYS = 180;
const SNIPPET_TOKENS = 24;
const LIST_SNIPPET_CHARS = 240;

interface HitRow {
  seq: number;
  id: string;
  title: string;
  url: string | null;
  source_id: string;
  published_at: string;
  summary: string;
}

/** An ISO date (local midnight in `timeZone`) or an instant, as a UTC ISO string. */
export function resolveBound(value: string, timeZone: string): string {
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (date) {
    const local = { year: Number(date[1]), month: Number(date[2]), day: Number(date[3]) };
    return zonedTimeToUtc(local, 0, 0, timeZone).toISOString();
  }
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime())) throw new Error(`search: not a date or instant: ${value}`);
  return instant.toISOString();
}

interface Filters {
  sql: string[];
  params: unknown[];
  /** An organisation filter that matched no known organisation: nothing can match. */
  impossible: boolean;
}

/**
 * Filter clauses over a story's row number `seq` (s.seq when reading stories, f.rowid when
 * reading the FTS index), each an indexed lookup per candidate row.
 */
function buildFilters(db: Db, query: SearchQuery, timeZone: string, seq: string): Filters {
  const sql: string[] = [];
  const params: unknown[] = [];
  const dates: string[] = [];
  if (query.since !== null) {
    dates.push('d.published_at >= ?');
    params.push(resolveBound(query.since, timeZone));
  }
  if (query.until !== null) {
    dates.push('d.published_at < ?');
    params.push(resolveBound(query.until, timeZone));
  }
  if (dates.length > 0) {
    sql.push(`EXISTS (SELECT 1 FROM stories d WHERE d.seq = ${seq} AND ${dates.join(' AND ')})`);
  }
  if (query.sources.length > 0) {
    sql.push(`EXISTS (SELECT 1 FROM story_sources l WHERE l.story_seq = ${seq}
      AND l.source_id IN (SELECT value FROM json_each(?)))`);
    params.push(JSON.stringify(query.sources));
  }
  if (query.themes.length > 0) {
    sql.push(`EXISTS (SELECT 1 FROM story_tags t WHERE t.story_seq = ${seq}
      AND t.theme IN (SELECT value FROM json_each(?)))`);
    params.push(JSON.stringify(query.themes));
  }
  let impossible = false;
  if (query.organisations.length > 0) {
    const ids = new Set<string>();
    for (const typed of query.organisations) {
      for (const id of findOrganisationIds(db, typed)) ids.add(id);
    }
    if (ids.size === 0) impossible = true;
    sql.push(`EXISTS (SELECT 1 FROM story_entities e WHERE e.story_seq = ${seq} AND e.kind = 'org'
      AND e.entity_id IN (SELECT value FROM json_each(?)))`);
    params.push(JSON.stringify([...ids]));
  }
  return { sql, params, impossible };
}

function where(clauses: readonly string[]): string {
  return clauses.length === 0 ? '' : `AND ${clauses.join(' AND ')}`;
}

export function searchStories(
  db: Db,
  query: SearchQuery,
  now: Date,
  options: SearchOptions = {},
): SearchPage {
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  const { match, excludedOnly } = buildFtsExpressions(query);
  const filters = buildFilters(db, query, timeZone, match !== null ? 'f.rowid' : 's.seq');
  const hasWords =
    query.terms.length + query.phrases.length + query.prefixes.length + query.excluded.length > 0;
  const empty: SearchPage = { query, hits: [], total: 0, nextOffset: null };
  // Words were given but none is searchable (e.g. only punctuation): nothing can match.
  if (filters.impossible || (hasWords && match === null && excludedOnly === null)) return empty;
  try {
    const page =
      match !== null
        ? searchByRelevance(db, query, now, match, filters)
        : listByRecency(db, query, excludedOnly, filters);
    return decorate(db, page, match, options);
  } catch (error) {
    throw new Error('search: query failed', { cause: error });
  }
}

interface RawPage {
  query: SearchQuery;
  rows: HitRow[];
  total: number;
  /** How far paging can go: ranked searches rank at most RANKED_CANDIDATES stories. */
  reachable: number;
}

function searchByRelevance(
  db: Db,
  query: SearchQuery,
  now: Date,
  match: string,
  filters: Filters,
): RawPage {
  const filterSql = where(filters.sql);
  const rows = prepareCached<unknown[], HitRow>(
    db,
    `WITH candidates AS (
       SELECT f.rowid AS seq, bm25(stories_fts, 10.0, 4.0, 1.0) AS relevance
       FROM stories_fts f WHERE stories_fts MATCH ? ${filterSql}
       ORDER BY f.rowid DESC LIMIT ${RANKED_CANDIDATES}
     )
     SELECT s.seq, s.id, s.title, s.url, s.source_id, s.published_at, s.summary
     FROM candidates c JOIN stories s ON s.seq = c.seq
     ORDER BY c.relevance * (1.0 + ${RECENCY_WEIGHT} /
       (1.0 + max(0.0, ? - unixepoch(s.published_at)) / ${RECENCY_HALF_DAYS * 86_400}.0)),
       s.published_at DESC
     LIMIT ? OFFSET ?`,
  ).all(match, ...filters.params, Math.floor(now.getTime() / 1000), query.limit, query.offset);
  const total = prepareCached<unknown[], { n: number }>(
    db,
    `SELECT count(*) AS n FROM stories_fts f WHERE stories_fts MATCH ? ${filterSql}`,
  ).get(match, ...filters.params)!.n;
  return { query, rows, total, reachable: Math.min(total, RANKED_CANDIDATES) };
}

function listByRecency(
  db: Db,
  query: SearchQuery,
  excludedOnly: string | null,
  filters: Filters,
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
    `SELECT s.seq, s.id, s.title, s.url, s.source_id, s.published_at, s.summary
     FROM stories s ${whereSql}
     ORDER BY s.published_at DESC, s.seq DESC LIMIT ? OFFSET ?`,
  ).all(...params, query.limit, query.offset);
  const total = prepareCached<unknown[], { n: number }>(
    db,
    `SELECT count(*) AS n FROM stories s ${whereSql}`,
  ).get(...params)!.n;
  return { query, rows, total, reachable: total };
}

/** Snippets (for word searches) and themes for the page's hits only. */
function decorate(
  db: Db,
  page: RawPage,
  match: string | null,
  options: SearchOptions,
): SearchPage {
  const seqs = JSON.stringify(page.rows.map((r) => r.seq));
  const themes = new Map<number, string[]>();
  if (page.rows.length > 0) {
    const themeRows = prepareCached<[string], { story_seq: number; theme: string }>(
      db,
      `SELECT story_seq, theme FROM story_tags
       WHERE story_seq IN (SELECT value FROM json_each(?)) ORDER BY score DESC, theme`,
    ).all(seqs);
    for (const row of themeRows) {
      const list = themes.get(row.story_seq);
      if (list === undefined) themes.set(row.story_seq, [row.theme]);
      else list.push(row.theme);
    }
  }
  const snippets = new Map<number, string>();
  if (match !== null && page.rows.length > 0) {
    // \u0002 marks a matched token: it tells which column actually matched.
    // A rowid bound lets FTS5 seek to the row instead of walking the whole doclist.
    const snippet = prepareCached<
      [string, number, number],
      { summary: string | null; content: string | null }
    >(
      db,
      `SELECT snippet(stories_fts, 1, char(2), '', '…', ${SNIPPET_TOKENS}) AS summary,
         snippet(stories_fts, 2, char(2), '', '…', ${SNIPPET_TOKENS}) AS content
       FROM stories_fts WHERE stories_fts MATCH ? AND rowid >= ? AND rowid <= ?`,
    );
    for (const { seq } of page.rows) {
      const row = snippet.get(match, seq, seq);
      if (row === undefined) continue;
      const best = [row.summary, row.content].find((s) => s !== null && s.includes('\u0002'));
      if (best) snippets.set(seq, best.replaceAll('\u0002', ''));
    }
  }
  const hits: SearchHit[] = page.rows.map((row) => ({
    id: row.id,
    title: row.title,
    url: row.url,
    source: options.sourceNames?.get(row.source_id) ?? row.source_id,
    publishedAt: row.published_at,
    snippet: snippets.get(row.seq) ?? shorten(row.summary, LIST_SNIPPET_CHARS),
    themes: themes.get(row.seq) ?? [],
  }));
  const end = page.query.offset + hits.length;
  return {
    query: page.query,
    hits,
    total: page.total,
    nextOffset: hits.length > 0 && end < page.reachable ? end : null,
  };
}

function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
