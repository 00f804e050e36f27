// Reads a word search's candidates for ranking (search-ranking.ts): the matching stories newest
// first, with only the columns the ranking uses, and whether bm25 or the headline check ranks them.
import type { Db } from './database.js';
import { prepareCached } from './prepared.js';
import { headlineMatcher } from './snippet.js';
import { and, type Filters } from './search-filters.js';
import { BM25_MAX_DOCS } from './search-word-counts.js';

export interface TierMatch {
  match: string;
  /** Each token of the words and phrases, for the bm25 cost estimate. */
  wordTokens: string[];
  /** A prefix or a facet inside the words: bm25 is not attempted. */
  costly: boolean;
  /** Headline check used when bm25 is not: the words whose presence in a title ranks it first. */
  headlineWords: string[];
  headlinePrefixes: string[];
}

export interface Candidate {
  seq: number;
  /** bm25 (negative, lower is better), or -10 for a headline holding every word, else -1. */
  relevance: number;
  published_at: string;
  /** '' unless the tier ranks by headline or prefers phrases. */
  title: string;
  /** '' unless the tier prefers phrases. */
  summary: string;
  /** '' unless the tier prefers themes: the story's facet tokens (fts-index.ts). */
  facets: string;
}

/** What the ranking of a tier reads of each candidate besides its date. */
export interface CandidateNeeds {
  /** Known phrases to look for in the headline and standfirst. */
  phrases: boolean;
  /** Themes whose stories rank first. */
  themes: boolean;
  /** Stories holding a word (search-word-counts.ts), for the bm25 cost estimate. */
  countWord: (token: string) => number;
}

/**
 * bm25 is exact but FTS5 computes each phrase's document frequency by walking its whole doclist
 * on every query (fts5_aux.c), ~13 ms for a word in a fifth of 1M stories; a phrase of two
 * common words costs that walk even when the phrase itself is rare, and a prefix is materialised
 * again. So bm25 ranks only when every token is rarer than BM25_MAX_DOCS, with no prefix and no
 * facet (whose doclists are long) in the expression; otherwise headlines first.
 */
export function ranksByBm25(tier: TierMatch, filters: Filters, needs: CandidateNeeds): boolean {
  return (
    filters.facets.length === 0 &&
    !tier.costly &&
    tier.wordTokens.every((t) => needs.countWord(t) <= BM25_MAX_DOCS)
  );
}

/**
 * A look at the first `at` candidates, read through the same cursor: when `stop` says they
 * settle the page, the read ends there; otherwise it runs on to `cap` + 1.
 */
export interface CandidatePause {
  at: number;
  stop: (head: readonly Candidate[]) => boolean;
}

/**
 * Up to `cap` + 1 candidates (one more tells that more exist), newest first, below row `below`
 * when given. Headlines first when not by bm25: a story with every word in its title scores 10,
 * else 1. With `pause`, rows are stepped through one cursor (better-sqlite3 iterate()) and the
 * read may end after `pause.at` + 1 rows: reading the first rows and then the rest with a second
 * statement bounded below the last row re-opened every term's doclist in every FTS5 segment and
 * sought back to the bound (~1.5x one read of all the rows at 1M stories, for the three in four
 * word searches whose first rows do not settle the page).
 */
export function readCandidates(
  db: Db,
  tier: TierMatch,
  filters: Filters,
  cap: number,
  needs: CandidateNeeds,
  below: number | null = null,
  pause?: CandidatePause,
): Candidate[] {
  const bm25 = ranksByBm25(tier, filters, needs);
  // Only the columns the ranking uses: a story's row holds its article, and a standfirst read
  // for every candidate often meant an overflow page each (reading the headline too was 1.6x the
  // date alone for the newest 250 matches of a common word at 1M stories).
  const title = !bm25 || needs.phrases ? 's.title' : "''";
  const summary = needs.phrases ? 's.summary' : "''";
  const facets = needs.themes ? 's.facets' : "''";
  const relevance = bm25 ? 'bm25(stories_fts, 10.0, 4.0, 1.0, 0.0)' : '-1.0';
  // An integer bound: FTS5 uses a rowid constraint only when it is one, and better-sqlite3 binds
  // a JS number as REAL.
  const bound = below === null ? '' : 'AND f.rowid < CAST(? AS INTEGER)';
  const statement = prepareCached<unknown[], Candidate>(
    db,
    `SELECT f.rowid AS seq, ${relevance} AS relevance, s.published_at, ${title} AS title,
       ${summary} AS summary, ${facets} AS facets
     FROM stories_fts f JOIN stories s ON s.seq = f.rowid
     WHERE stories_fts MATCH ? ${bound} ${and(filters.sql)}
     ORDER BY f.rowid DESC LIMIT ${cap + 1}`,
  );
  const params = [tier.match, ...(below === null ? [] : [below]), ...filters.params];
  // Headline check in JavaScript: a {title}-only MATCH walks the same long doclists again.
  const inHeadline = bm25 ? null : headlineMatcher(tier.headlineWords, tier.headlinePrefixes);
  if (pause === undefined) {
    const candidates = statement.all(...params);
    if (inHeadline !== null) for (const c of candidates) if (inHeadline(c.title)) c.relevance = -10;
    return candidates;
  }
  const candidates: Candidate[] = [];
  // Leaving the loop early ends the cursor (iterate()'s return() resets the statement).
  for (const c of statement.iterate(...params)) {
    if (inHeadline?.(c.title) === true) c.relevance = -10;
    candidates.push(c);
    if (candidates.length === pause.at + 1 && pause.stop(candidates.slice(0, pause.at))) break;
  }
  return candidates;
}
