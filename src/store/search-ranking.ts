// Ranks the stories matching a word search, in two tiers: every story matching the words as typed
// (the literal tier), then the stories found only through query expansion (the expansion tier),
// so an expansion never drowns the literal word. Within the literal tier, stories tagged with a
// theme the expansion names (the NHS sense of "MCP") come first; within each tier, relevance
// (bm25, or headlines first when bm25 would cost too much) times a recency boost.
// Each tier is read newest first in blocks (LITERAL_BLOCK, EXPANSION_FIRST), only as deep as the
// page asks and at most RANKED_CANDIDATES (+1 to know more exist); each block is ranked on its own.
// Past the blocks read, literal matches are neither ranked nor counted: the total is a lower bound.
import type { Db } from './database.js';
import { prepareCached } from './prepared.js';
import { headlineMatcher } from './snippet.js';
import { phraseMatcher } from './phrase-match.js';
import { and, type Filters } from './search-filters.js';
import { facetToken } from './fts-index.js';
import { BM25_MAX_DOCS, wordCounter } from './search-word-counts.js';

export { BM25_MAX_DOCS };

export const RANKED_CANDIDATES = 1000;
/** Literal matches ranked together, newest first: a first page reads only this many (+1). */
export const LITERAL_BLOCK = 250;
const RECENCY_WEIGHT = 0.5;
const RECENCY_HALF_MS = 180 * 86_400_000;
/**
 * Expansion-tier candidates read when the page does not reach deeper: that tier comes after every
 * literal match, so page one rarely shows it, and its long forms are phrases of common words
 * whose doclist walk is the costliest part of a search (CIP: 30 ms for 1,000 at 100k stories).
 */
export const EXPANSION_FIRST = 200;

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

interface Candidate {
  seq: number;
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
interface CandidateNeeds {
  /** Known phrases to look for in the headline and standfirst. */
  phrases: boolean;
  /** Themes whose stories rank first. */
  themes: boolean;
}

export interface RankedSeqs {
  /** The blocks read, ranked: as deep as the page asked, perhaps fewer than `total`. */
  seqs: number[];
  /** Matches found (up to RANKED_CANDIDATES), or a lower bound: the blocks read. */
  total: number;
  /** How far paging can reach: `total`, or RANKED_CANDIDATES when more matches were not read. */
  reachable: number;
  totalIsLowerBound: boolean;
  /** How many of `seqs` (at the end) were found only through expansion. */
  expandedCount: number;
}

/**
 * bm25 is exact but FTS5 computes each phrase's document frequency by walking its whole doclist
 * on every query (fts5_aux.c), ~13 ms for a word in a fifth of 1M stories; a phrase of two
 * common words costs that walk even when the phrase itself is rare, and a prefix is materialised
 * again. So bm25 ranks only when every token is rarer than BM25_MAX_DOCS, with no prefix and no
 * facet (whose doclists are long) in the expression; otherwise headlines first: a story with
 * every word in its title scores 10, else 1. One row past RANKED_CANDIDATES is read so the total
 * needs no second walk of the doclists.
 */
function rankCandidates(
  db: Db,
  tier: TierMatch,
  filters: Filters,
  cap: number,
  needs: CandidateNeeds & { countWord: (token: string) => number },
): Candidate[] {
  const cheapBm25 =
    filters.facets.length === 0 &&
    !tier.costly &&
    tier.wordTokens.every((t) => needs.countWord(t) <= BM25_MAX_DOCS);
  // Only the columns the ranking uses: a story's row holds its article, and a standfirst read
  // for every candidate often meant an overflow page each (reading the headline too was 1.6x the
  // date alone for the newest 250 matches of a common word at 1M stories).
  const title = !cheapBm25 || needs.phrases ? 's.title' : "''";
  const summary = needs.phrases ? 's.summary' : "''";
  const facets = needs.themes ? 's.facets' : "''";
  const select = (relevance: string) =>
    prepareCached<unknown[], Candidate>(
      db,
      `SELECT f.rowid AS seq, ${relevance} AS relevance, s.published_at, ${title} AS title,
         ${summary} AS summary, ${facets} AS facets
       FROM stories_fts f JOIN stories s ON s.seq = f.rowid
       WHERE stories_fts MATCH ? ${and(filters.sql)}
       ORDER BY f.rowid DESC LIMIT ${cap + 1}`,
    ).all(tier.match, ...filters.params);
  if (cheapBm25) return select('bm25(stories_fts, 10.0, 4.0, 1.0, 0.0)');
  // Headline check in JavaScript: a {title}-only MATCH walks the same long doclists again.
  const inHeadline = headlineMatcher(tier.headlineWords, tier.headlinePrefixes);
  const candidates = select('-1.0');
  for (const c of candidates) if (inHeadline(c.title)) c.relevance = -10;
  return candidates;
}

/** Best first: fewest `preferred` sets missed, then relevance times recency, then newest. */
function byScore(
  candidates: Candidate[],
  now: Date,
  preferred: readonly ReadonlySet<number>[],
): number[] {
  const nowMs = now.getTime();
  return candidates
    .map((c) => {
      const age = Math.max(0, nowMs - Date.parse(c.published_at));
      let missed = 0;
      for (const set of preferred) if (!set.has(c.seq)) missed++;
      const score = c.relevance * (1 + RECENCY_WEIGHT / (1 + age / RECENCY_HALF_MS));
      return { seq: c.seq, published_at: c.published_at, score, missed };
    })
    .sort(
      (a, b) =>
        a.missed - b.missed || a.score - b.score || b.published_at.localeCompare(a.published_at),
    )
    .map((c) => c.seq);
}

/**
 * Of `candidates`, those tagged with any of `themes`, from their facet tokens: the stories row
 * keeps a theme token for each stored tag (fts-index.ts; the theme: filter relies on the same),
 * where looking each candidate up in story_tags cost a tenth of a common word's search.
 */
function taggedWith(candidates: readonly Candidate[], themes: readonly string[]): Set<number> {
  if (themes.length === 0) return new Set();
  const tokens = themes.map((t) => facetToken('theme', t));
  return new Set(
    candidates
      .filter((c) => {
        const own = c.facets.split(' ');
        return tokens.some((t) => own.includes(t));
      })
      .map((c) => c.seq),
  );
}

/** Of `candidates`, those whose headline or standfirst holds one of `phrases` (phrase-match.ts). */
function holdingPhrase(candidates: readonly Candidate[], phrases: readonly string[]): Set<number> {
  if (phrases.length === 0) return new Set();
  const holds = phraseMatcher(phrases);
  return new Set(candidates.filter((c) => holds(`${c.title}\n${c.summary}`)).map((c) => c.seq));
}

export function rankTiers(
  db: Db,
  input: {
    literal: TierMatch;
    expanded: TierMatch | null;
    /** Themes the vocabulary gives the words: matches tagged with one rank first in each tier. */
    themes: readonly string[];
    /** Runs of typed words the vocabulary knows: literal matches with one in the headline or
     * standfirst first. */
    phrases: readonly string[];
    filters: Filters;
    now: Date;
    /** offset + limit of the page asked for: each tier is read that deep at least. */
    depth: number;
  },
): RankedSeqs {
  // The literal matches in whole blocks of LITERAL_BLOCK, as deep as the page asks: ranking is
  // most of a common word's search (reading each row's date and headline, the preferences), and
  // a first page only needs the newest block. Each block (newest first) is ranked on its own, so
  // reading deeper for a later page never reorders the blocks an earlier page showed.
  const literalCap = blockCap(input.depth, 0, LITERAL_BLOCK);
  const countWord = wordCounter(db);
  const needs = {
    phrases: input.phrases.length > 0,
    themes: input.themes.length > 0,
    countWord,
  };
  const found = rankCandidates(db, input.literal, input.filters, literalCap, needs);
  const literal = found.slice(0, literalCap);
  const seqs = byScoreInBlocks(literal, LITERAL_BLOCK, input.now, [
    holdingPhrase(literal, input.phrases),
    taggedWith(literal, input.themes),
  ]);
  if (found.length > literalCap) {
    // More literal matches than were read: say "at least this many" rather than walk on to count
    // them (a third of the slowest searches at 1M stories); a deeper page reads, and counts, more.
    return {
      seqs,
      total: literalCap,
      totalIsLowerBound: true,
      reachable: RANKED_CANDIDATES,
      expandedCount: 0,
    };
  }
  if (input.expanded === null) {
    return {
      seqs,
      total: seqs.length,
      totalIsLowerBound: false,
      reachable: seqs.length,
      expandedCount: 0,
    };
  }
  return appendExpansionTier(db, seqs, { ...input, expanded: input.expanded, countWord });
}

/** Candidates to read for a page reaching `depth`: whole blocks past `before`, capped. */
function blockCap(depth: number, before: number, block: number): number {
  const blocks = Math.ceil(Math.max(block, depth - before) / block);
  return Math.min(RANKED_CANDIDATES, before + blocks * block);
}

/** byScore on each run of `block` candidates (newest first) in turn. */
function byScoreInBlocks(
  candidates: Candidate[],
  block: number,
  now: Date,
  preferred: readonly ReadonlySet<number>[],
): number[] {
  const ranked: number[] = [];
  for (let i = 0; i < candidates.length; i += block) {
    ranked.push(...byScore(candidates.slice(i, i + block), now, preferred));
  }
  return ranked;
}

/**
 * The stories found only through expansion, after every literal match (`seqs`, all of them):
 * read past the literal ones, then whole blocks of EXPANSION_FIRST as deep as the page asks.
 */
function appendExpansionTier(
  db: Db,
  seqs: number[],
  input: {
    expanded: TierMatch;
    themes: readonly string[];
    filters: Filters;
    now: Date;
    depth: number;
    countWord: (token: string) => number;
  },
): RankedSeqs {
  const seen = new Set(seqs);
  const room = RANKED_CANDIDATES - seqs.length;
  const cap = blockCap(input.depth, seqs.length, EXPANSION_FIRST);
  const more = rankCandidates(db, input.expanded, input.filters, cap, {
    phrases: false,
    themes: input.themes.length > 0,
    countWord: input.countWord,
  });
  const exhausted = more.length <= cap;
  let totalIsLowerBound = !exhausted;
  let extra = more.slice(0, cap).filter((c) => !seen.has(c.seq));
  // A partial last block could gain members on a deeper read; at the deepest read it cannot.
  if (!exhausted && cap < RANKED_CANDIDATES) {
    extra = extra.slice(0, extra.length - (extra.length % EXPANSION_FIRST));
  }
  const inSense = taggedWith(extra, input.themes);
  const ranked = byScoreInBlocks(extra, EXPANSION_FIRST, input.now, [inSense]);
  const added = ranked.slice(0, Math.max(0, room));
  if (extra.length > added.length) totalIsLowerBound = true;
  const all = [...seqs, ...added];
  return {
    seqs: all,
    total: all.length,
    totalIsLowerBound,
    reachable: all.length,
    expandedCount: added.length,
  };
}
