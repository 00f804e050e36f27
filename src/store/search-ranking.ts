// Ranks the stories matching a word search, in two tiers: every story matching the words as typed
// (the literal tier), then the stories found only through query expansion (the expansion tier),
// so an expansion never drowns the literal word. Within the literal tier, stories tagged with a
// theme the expansion names (the NHS sense of "MCP") come first; within each tier, relevance
// (bm25, or headlines first when bm25 would cost too much) times a recency boost.
// Each tier is read newest first in blocks (LITERAL_BLOCK, EXPANSION_FIRST), only as deep as the
// page asks and at most RANKED_CANDIDATES (+1 to know more exist); each block is ranked on its own.
// Past the blocks read, literal matches are neither ranked nor counted: the total is a lower bound.
import type { Db } from './database.js';
import { phraseMatcher } from './phrase-match.js';
import type { Filters } from './search-filters.js';
import { facetToken } from './fts-index.js';
import { BM25_MAX_DOCS, wordCounter } from './search-word-counts.js';
import {
  ranksByBm25,
  readCandidates,
  type Candidate,
  type CandidateNeeds,
  type TierMatch,
} from './search-candidates.js';

export { BM25_MAX_DOCS };
export type { TierMatch };

export const RANKED_CANDIDATES = 1000;
/** Literal matches ranked together, newest first: a first page reads only this many (+1). */
export const LITERAL_BLOCK = 250;
/** The first block is read this many at a time (readFirstBlockEarly). */
export const FIRST_READ = 100;
const RECENCY_WEIGHT = 0.5;
const RECENCY_HALF_MS = 180 * 86_400_000;
/**
 * Expansion-tier candidates read when the page does not reach deeper: that tier comes after every
 * literal match, so page one rarely shows it, and its long forms are phrases of common words
 * whose doclist walk is the costliest part of a search (CIP: 30 ms for 1,000 at 100k stories).
 */
export const EXPANSION_FIRST = 200;

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
  // Only the preferences the query has: a story must hold each to be of the best kind.
  const prefer = (c: readonly Candidate[]) => [
    ...(needs.phrases ? [holdingPhrase(c, input.phrases)] : []),
    ...(needs.themes ? [taggedWith(c, input.themes)] : []),
  ];
  const early = readFirstBlockEarly(db, input, needs, literalCap, prefer);
  if (early.done) return early.ranked;
  const found = early.found;
  const literal = found.slice(0, literalCap);
  const seqs = byScoreInBlocks(literal, LITERAL_BLOCK, input.now, prefer(literal));
  if (found.length > literalCap) {
    // More literal matches than were read: say "at least this many" rather than walk on to count
    // them (a third of the slowest searches at 1M stories); a deeper page reads, and counts, more.
    return lowerBound(seqs, literalCap);
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

function lowerBound(seqs: number[], total: number): RankedSeqs {
  return { seqs, total, totalIsLowerBound: true, reachable: RANKED_CANDIDATES, expandedCount: 0 };
}

/**
 * The first block's literal candidates, with a look at the newest FIRST_READ: ranked by headline
 * (not bm25), a block's order is preferences, then headline, then date, so when the newest
 * FIRST_READ already hold `depth` stories of the best kind (every preference and the headline)
 * the rest of the block could only follow them (bar publication dates out of archive order): the
 * page is ranked from those alone (done), the total a lower bound. Otherwise the same cursor reads
 * on to the end of the block, as one read would have found it (search-candidates.ts).
 */
function readFirstBlockEarly(
  db: Db,
  input: { literal: TierMatch; filters: Filters; now: Date; depth: number },
  needs: CandidateNeeds,
  literalCap: number,
  prefer: (c: readonly Candidate[]) => Set<number>[],
): { done: true; ranked: RankedSeqs } | { done: false; found: Candidate[] } {
  const { literal, filters } = input;
  if (
    literalCap !== LITERAL_BLOCK ||
    input.depth > FIRST_READ ||
    ranksByBm25(literal, filters, needs)
  ) {
    return { done: false, found: readCandidates(db, literal, filters, literalCap, needs) };
  }
  let ranked: RankedSeqs | null = null;
  const found = readCandidates(db, literal, filters, literalCap, needs, null, {
    at: FIRST_READ,
    stop: (head) => {
      const preferred = prefer(head);
      const best = head.filter(
        (c) => c.relevance === -10 && preferred.every((set) => set.has(c.seq)),
      );
      if (best.length < input.depth) return false;
      ranked = lowerBound(byScore([...head], input.now, preferred), FIRST_READ);
      return true;
    },
  });
  return ranked === null ? { done: false, found } : { done: true, ranked };
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
  const more = readCandidates(db, input.expanded, input.filters, cap, {
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
