// Archive search over the FTS5 index (stories_fts) with filters, ranking and paging.
//
// Word searches: the newest RANKED_CANDIDATES matching stories (archive order, which follows
// publication in a live archive) are ranked by bm25 with column weights title 10, summary 4,
// content 1 (FTS5's bm25 is negative: lower is better), times a recency boost of
// 1 + 0.5 / (1 + age in days / 180), so a story from this week counts up to 1.5 times one of
// equal relevance from years ago (search-ranking.ts). Ranking every match of a common word costs
// O(matches) and would miss the 20 ms target at 1M stories; more words or a filter reach older
// stories. With `expansions` (acronyms, long forms, organisations), stories found only through
// them come after every literal match (a second tier, also capped at RANKED_CANDIDATES).
// Filter-only searches list newest first. Filters: any of the sources (a story carried by
// several sources matches each), any of the themes, any of the organisations, since (inclusive)
// and until (exclusive); a bare date means local midnight in `timeZone` (default Europe/London).
// Counting stops early (totalIsLowerBound): at RANKED_CANDIDATES for word searches, at COUNT_CAP
// for listings. Snippets are made in snippet.ts, not with FTS5's snippet().
import { DEFAULT_TIME_ZONE } from '../time/week.js';
import type { SearchExpansion, SearchHit, SearchPage, SearchQuery } from '../domain.js';
import type { Db } from './database.js';
import { buildExpandedMatch, buildFtsExpressions, type FtsExpressions } from './fts-query.js';
import { prepareCached } from './prepared.js';
import { makeSnippet, snippetNeedles, type SnippetNeedles } from './snippet.js';
import { rankTiers } from './search-ranking.js';
import { buildFilters, type Filters, type ThemeFilterOverride } from './search-filters.js';
import { listByRecency, type HitRow, type RawPage } from './search-listing.js';

export interface SearchOptions {
  /** Time zone for bare dates in since/until. */
  timeZone?: string;
  /** Display names for SearchHit.source; the source id is used when absent. */
  sourceNames?: ReadonlyMap<string, string>;
  /** What else to search for some of the words (commands/expand-search-query.ts). */
  expansions?: readonly SearchExpansion[];
  /** The asking workspace's corrections to the theme filter (absent: the rules' tags only). */
  themeOverride?: ThemeFilterOverride;
}

export { BM25_MAX_DOCS, RANKED_CANDIDATES } from './search-ranking.js';
export { COUNT_CAP } from './search-listing.js';
const LIST_SNIPPET_CHARS = 240;

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
        ? searchByRelevance(
            db,
            query,
            now,
            expressions as RankedExpressions,
            filters,
            options.expansions ?? [],
          )
        : listByRecency(db, query, excludedOnly, filters, () =>
            buildFilters(db, query, timeZone, true, options.themeOverride),
          );
    return decorate(db, page, match, options);
  } catch (error) {
    throw new Error('search: query failed', { cause: error });
  }
}

type RankedExpressions = FtsExpressions & { match: string };

function searchByRelevance(
  db: Db,
  query: SearchQuery,
  now: Date,
  expressions: RankedExpressions,
  filters: Filters,
  expansions: readonly SearchExpansion[],
): RawPage {
  // FTS5 walks the doclists newest row first and stops at the limit; each candidate costs one
  // primary-key lookup (plus one per SQL filter) and, when ranking by bm25, one evaluation.
  const words = [...query.terms, ...query.phrases];
  const expanded = buildExpandedMatch(query, expansions, filters.facets);
  const ranked = rankTiers(db, {
    literal: {
      match: expressions.match,
      wordTokens: expressions.wordTokens,
      costly: expressions.hasPrefix,
      headlineWords: words,
      headlinePrefixes: query.prefixes,
    },
    expanded:
      expanded === null
        ? null
        : {
            match: expanded.match,
            wordTokens: expanded.wordTokens,
            costly: expanded.hasFacet,
            headlineWords: [],
            headlinePrefixes: [],
          },
    themes: [...new Set(expansions.flatMap((e) => e.themes))],
    phrases: expansions.filter((e) => e.terms.length > 1).map((e) => e.terms.join(' ')),
    filters,
    now,
    depth: query.offset + query.limit,
  });
  const pageSeqs = ranked.seqs.slice(query.offset, query.offset + query.limit);
  const rows = readHitRows(db, pageSeqs);
  return {
    query,
    rows,
    total: ranked.total,
    totalIsLowerBound: ranked.totalIsLowerBound,
    reachable: ranked.reachable,
  };
}

function readHitRows(db: Db, seqs: readonly number[]): HitRow[] {
  if (seqs.length === 0) return [];
  const rows = prepareCached<[string], HitRow>(
    db,
    `SELECT seq, id, title, url, source_id, published_at, summary, '' AS content FROM stories
     WHERE seq IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(seqs));
  const bySeq = new Map(rows.map((r) => [r.seq, r]));
  return seqs.flatMap((seq) => bySeq.get(seq) ?? []);
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
  const alternatives = (options.expansions ?? []).flatMap((e) => e.alternatives);
  const needles = snippetNeedles(
    [...page.query.terms, ...page.query.phrases, ...alternatives],
    page.query.prefixes,
  );
  const snippets = match === null ? new Map<number, string>() : makeSnippets(db, page, needles);
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

/**
 * A snippet per row from the summary, else the article text, which is read only for the rows
 * whose summary lacks every search word: a page's bodies were most of reading its rows (overflow
 * pages), ~20 ms of a phrase search at 1M stories under load.
 */
function makeSnippets(db: Db, page: RawPage, needles: SnippetNeedles): Map<number, string> {
  const snippets = new Map<number, string>();
  const lacking: number[] = [];
  for (const row of page.rows) {
    const snippet = makeSnippet([row.summary], needles);
    if (snippet !== null) snippets.set(row.seq, snippet);
    else lacking.push(row.seq);
  }
  if (lacking.length === 0) return snippets;
  const bodies = prepareCached<[string], { seq: number; content: string }>(
    db,
    'SELECT seq, content FROM stories WHERE seq IN (SELECT value FROM json_each(?))',
  ).all(JSON.stringify(lacking));
  for (const { seq, content } of bodies) {
    const snippet = makeSnippet([content], needles);
    if (snippet !== null) snippets.set(seq, snippet);
  }
  return snippets;
}

function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * For each story id, the other sources that carried the same story (stored once, known to each
 * source: stories.ts), with the URL each gave; the story's own source is left out.
 */
export function listOtherSources(
  db: Db,
  storyIds: readonly string[],
): Map<string, { sourceId: string; url: string | null }[]> {
  const out = new Map<string, { sourceId: string; url: string | null }[]>();
  if (storyIds.length === 0) return out;
  const rows = prepareCached<[string], { id: string; source_id: string; url: string | null }>(
    db,
    `SELECT s.id, x.source_id, x.url FROM stories s JOIN story_sources x ON x.story_seq = s.seq
     WHERE s.id IN (SELECT value FROM json_each(?)) AND x.source_id <> s.source_id
     ORDER BY x.first_seen_at, x.source_id`,
  ).all(JSON.stringify(storyIds));
  for (const row of rows) {
    const list = out.get(row.id) ?? [];
    list.push({ sourceId: row.source_id, url: row.url });
    out.set(row.id, list);
  }
  return out;
}
