// The shared vocabulary of archive search: queries, pages, hits, expansions and suggestions.
// Part of domain.ts (which re-exports it): plain types, no imports, no behaviour.

export interface SearchHit {
  id: string;
  title: string;
  url: string | null;
  source: string;
  publishedAt: string;
  snippet: string;
  themes: string[];
  /** Other outlets' copies of the same story, shown as "also: HSJ, Pulse" (one result each). */
  also?: SearchHitCopy[];
}

/** Another outlet's copy of a search hit's story, grouped under the hit. */
export interface SearchHitCopy {
  id: string;
  source: string;
  url: string | null;
}

/**
 * A parsed archive search. One parser (commands/parse-search-query.ts) turns Slack's single text
 * field and the CLI's arguments into this; Discord's typed options fill it directly.
 */
export interface SearchQuery {
  /** Plain words, all required (implicit AND). */
  terms: string[];
  /** "exact phrases" */
  phrases: string[];
  /** -excluded words */
  excluded: string[];
  /** prefix* words, without the star */
  prefixes: string[];
  themes: string[];
  sources: string[];
  /** Organisation ids (canonical) or names as typed; resolved by the caller. */
  organisations: string[];
  /** Inclusive lower bound, ISO date or instant (UTC). */
  since: string | null;
  /** Exclusive upper bound, ISO date or instant (UTC). */
  until: string | null;
  limit: number;
  offset: number;
}

export interface SearchPage {
  query: SearchQuery;
  hits: SearchHit[];
  total: number;
  /**
   * True when counting stopped early and `total` is a lower bound (show "1000+"): exact counts
   * of very common words under filters cost too much on a large archive. Absent means exact.
   */
  totalIsLowerBound?: boolean;
  /**
   * How many results the `total` stories make once copies from several outlets are folded into
   * one (search-archive.ts): set when the search read every match (the first page of a small
   * search); absent otherwise, when only the stories are counted.
   */
  resultCount?: number;
  /** Offset of the next page, or null at the end. */
  nextOffset: number | null;
  /** Query words also searched through the shared vocabulary ("also searched: ..."). */
  expanded?: SearchExpansionNote[];
  /** Words the archive does not know, with the closest word it does ("did you mean ...?"). */
  suggestions?: SpellingSuggestion[];
  /** Nothing matched as typed: these results are for the suggestions instead. */
  corrected?: boolean;
}

/** A query word (or run of words) and what else was searched for it. */
export interface SearchExpansionNote {
  word: string;
  alternatives: string[];
}

/**
 * What search also looks for in place of some of the query's words (commands/expand-search-query.ts):
 * the store ORs the alternatives (phrases) and organisation facets with those words, and ranks
 * stories found only this way after every story that matches the words as typed.
 */
export interface SearchExpansion {
  /** The query's own words this stands in for: a run of `terms`, or one of `phrases`. */
  terms: string[];
  phrase: string | null;
  alternatives: string[];
  organisationIds: string[];
  /** Themes whose stories use the words in the sense meant (ranked first among literal matches). */
  themes: string[];
}

export interface SpellingSuggestion {
  word: string;
  suggestion: string;
}
