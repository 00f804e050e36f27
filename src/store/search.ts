// Archive search over the FTS5 index (stories_fts) with filters, ranking and paging.
//
// Word searches: the newest RANKED_CANDIDATES matching stories (archive order, which follows
// publication in a live archive) are ranked by bm25 with column weights title 10, summary 4,
// content 1 (FTS5's bm25 is negative: lower is better), times a recency boost of
// 1 + 0.5 / (1 + age in days / 180), so a story from this week counts up to 1.5 times one of
// equal relevance from years ago. Ranking every match of a common word costs O(matches) and would
// miss the 20 ms target at 1M stories; more words or a filter reach older stories.
// Filter-only searches list newest first. Filters: any of the sources (a story carried by
// several sources matches each), any of the themes, any of the organisations, since (inclusive)
// and until (exclusive); a bare date means local midnight in `timeZone` (default Europe/London).
// Counting stops early (totalIsLowerBound): at RANKED_CANDIDATES for word searches, at COUNT_CAP
// for listings. Snippets are made in snippet.ts, not with FTS5's snippet().
import { DEFAULT_TIME_ZONE } from '../time/week.js';
import type { SearchHit, SearchPage, SearchQuery } from '../domain.js';
import type { Db } from './database.js';
import { buildFtsExpressions, type FtsExpressions } from './fts-query.js';
import { prepareCached } from './prepared.js';
import { headlineMatcher, makeSnippet, snippetNeedles } from './snippet.js';
import { and, buildFilters, type Filters, type ThemeFilterOverride } from './search-filters.js';

export interface SearchOptions {
  /** Time zone for bare dates in since/until. */
  timeZone?: string;
  /** Display names for SearchHit.source; the source id is used when absent. */
  sourceNames?: ReadonlyMap<string, string>;
  /** The asking workspace's corrections to the theme filter (absent: the rules' tags only). */
  themeOverride?: ThemeFilterOverride;
}

export const RANKED_CANDIDATES = 1000;
export const COUNT_CAP = 1000;
/** Above this many matching stories for any word, bm25 costs too much (see rankCandidates). */
export const BM25_MAX_DOCS = 5000;
const RECENCY_WEIGHT = 0.5;
const RECENCY_HALF_MS = 180 * 86_400_000;
const LIST_SNIPPET_CHARS = 240;

interface HitRow {
  seq: number;
  id: string;
  title: string;
  url: string | null;
  source_id: string;
  published_at: string;
  summary: string;
  content: string;
}

export function searchStories(
  db: Db,
  query: SearchQuery,
  now: Date,
  options: SearchOptions = {},
): SearchPage {
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  const hasRequired = query.terms.length + query.phrases.length + query.prefixes.length > 0;
  const filters = buildFilters(db, query, timeZone, hasRequired, options.themeOverride);
  const expressions = buildFtsExpressions(query, filters.facets);
  const { match, excludedOnly } = expressions;
  const hasWords =
    query.terms.length + query.phrases.length + query.prefixes.length + query.excluded.length > 0;
  const empty: SearchPage = { query, hits: [], total: 0, nextOffset: null };
  // Words were given but none is searchable (e.g. only punctuation): nothing can match.
  if (filters.impossible || (hasWords && match === null && excludedOnly === null)) return empty;
  try {
    const page =
      match !== null
        ? searchByRelevance(db, query, now, expressions as RankedExpressions, filters)
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
  totalIsLowerBound: boolean;
  /** Rows available for paging in all: offset + hits beyond it means there is a next page. */
  reachable: number;
}

type RankedExpressions = FtsExpressions & { match: string };

interface Candidate {
  seq: number;
  relevance: number;
  published_at: string;
  title: string;
}

/** Rows matching `match`, capped at `cap`: cheap (a doclist walk that stops). */
function countUpTo(db: Db, match: string, cap: number): number {
  return prepareCached<[string], { n: number }>(
    db,
    `SELECT count(*) AS n FROM (SELECT 1 FROM stories_fts WHERE stories_fts MATCH ? LIMIT ${cap})`,
  ).get(match)!.n;
}

/**
 * bm25 is exact but FTS5 computes each phrase's document frequency by walking its whole doclist
 * on every query (fts5_aux.c), ~13 ms for a word in a fifth of 1M stories; a phrase of two
 * common words costs that walk even when the phrase itself is rare ("supply chain": 199 matches
 * at 1M stories, 9 ms more for bm25), and a prefix is materialised again. So bm25 ranks only when
 * every token of the words and phrases is rarer than BM25_MAX_DOCS, with no prefix and no facet
 * (whose doclists are long) in the expression; otherwise headlines first: a story with every word
 * in its title scores 10, else 1, with the same recency boost. One row past RANKED_CANDIDATES
 * is read so the total needs no second walk of the doclists.
 */
function rankCandidates(
  db: Db,
  query: SearchQuery,
  expressions: RankedExpressions,
  filters: Filters,
): Candidate[] {
  const cheapBm25 =
    filters.facets.length === 0 &&
    !expressions.hasPrefix &&
    expressions.wordTokens.every((t) => countUpTo(db, t, BM25_MAX_DOCS + 1) <= BM25_MAX_DOCS);
  const select = (relevance: string) =>
    prepareCached<unknown[], Candidate>(
      db,
      `SELECT f.rowid AS seq, ${relevance} AS relevance, s.published_at, s.title
       FROM stories_fts f JOIN stories s ON s.seq = f.rowid
       WHERE stories_fts MATCH ? ${and(filters.sql)}
       ORDER BY f.rowid DESC LIMIT ${RANKED_CANDIDATES + 1}`,
    ).all(expressions.match, ...filters.params);
  if (cheapBm25) return select('bm25(stories_fts, 10.0, 4.0, 1.0, 0.0)');
  // Headline check in JavaScript: a {title}-only MATCH walks the same long doclists again.
  const inHeadline = headlineMatcher([...query.terms, ...query.phrases], query.prefixes);
  return select('-1.0').map((c) => (inHeadline(c.title) ? { ...c, relevance: -10 } : c));
}

function searchByRelevance(
  db: Db,
  query: SearchQuery,
  now: Date,
  expressions: RankedExpressions,
  filters: Filters,
): RawPage {
  // FTS5 walks the doclists newest row first and stops at the limit; each candidate costs one
  // primary-key lookup (plus one per SQL filter) and, when ranking by bm25, one evaluation.
  const found = rankCandidates(db, query, expressions, filters);
  // The extra row only says that more matched: it is not ranked.
  const totalIsLowerBound = found.length > RANKED_CANDIDATES;
  const candidates = totalIsLowerBound ? found.slice(0, RANKED_CANDIDATES) : found;
  const nowMs = now.getTime();
  const ranked = candidates
    .map((c) => {
      const age = Math.max(0, nowMs - Date.parse(c.published_at));
      return { ...c, score: c.relevance * (1 + RECENCY_WEIGHT / (1 + age / RECENCY_HALF_MS)) };
    })
    .sort((a, b) => a.score - b.score || b.published_at.localeCompare(a.published_at));
  const pageSeqs = ranked.slice(query.offset, query.offset + query.limit).map((c) => c.seq);
  const rows = readHitRows(db, pageSeqs);
  return {
    query,
    rows,
    total: candidates.length,
    totalIsLowerBound,
    reachable: candidates.length,
  };
}

function readHitRows(db: Db, seqs: readonly number[]): HitRow[] {
  if (seqs.length === 0) return [];
  const rows = prepareCached<[string], HitRow>(
    db,
    `SELECT seq, id, title, url, source_id, published_at, summary, content FROM stories
     WHERE seq IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(seqs));
  const bySeq = new Map(rows.map((r) => [r.seq, r]));
  return seqs.flatMap((seq) => bySeq.get(seq) ?? []);
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
    `SELECT s.seq, s.id, s.title, s.url, s.source_id, s.published_at, s.summary, '' AS content
     FROM stories s ${whereSql}
     ORDER BY s.published_at DESC, s.seq DESC LIMIT ? OFFSET ?`,
  ).all(...params, query.limit, query.offset);
  const counted = prepareCached<unknown[], { n: number }>(
    db,
    `SELECT count(*) AS n FROM (SELECT 1 FROM stories s ${whereSql} LIMIT ${COUNT_CAP + 1})`,
  ).get(...params)!.n;
  const totalIsLowerBound = counted > COUNT_CAP;
  const total = Math.min(counted, COUNT_CAP);
  return { query, rows, total, totalIsLowerBound, reachable: totalIsLowerBound ? Infinity : total };
}

/** Snippets (for word searches) and themes for the page's hits only. */
function decorate(db: Db, page: RawPage, match: string | null, options: SearchOptions): SearchPage {
  const themes = new Map<number, string[]>();
  if (page.rows.length > 0) {
    const themeRows = prepareCached<[string], { story_seq: number; theme: string }>(
      db,
      `SELECT story_seq, theme FROM story_tags
       WHERE story_seq IN (SELECT value FROM json_each(?)) ORDER BY score DESC, theme`,
    ).all(JSON.stringify(page.rows.map((r) => r.seq)));
    for (const row of themeRows) {
      const list = themes.get(row.story_seq);
      if (list === undefined) themes.set(row.story_seq, [row.theme]);
      else list.push(row.theme);
    }
  }
  const needles = snippetNeedles([...page.query.terms, ...page.query.phrases], page.query.prefixes);
  const snippets = new Map<number, string>();
  if (match !== null) {
    for (const row of page.rows) {
      const snippet = makeSnippet([row.summary, row.content], needles);
      if (snippet !== null) snippets.set(row.seq, snippet);
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
  const result: SearchPage = {
    query: page.query,
    hits,
    total: page.total,
    nextOffset: hits.length > 0 && end < page.reachable ? end : null,
  };
  if (page.totalIsLowerBound) result.totalIsLowerBound = true;
  return result;
}

function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
