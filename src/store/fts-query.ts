// Builds FTS5 MATCH expressions from a parsed SearchQuery. User text never reaches MATCH raw:
// every word, phrase and prefix becomes an FTS5 string ("..." with embedded quotes doubled), so
// operators (AND, OR, NOT, NEAR), parentheses, column filters and stray quotes in the input are
// plain text to the tokenizer. See https://www.sqlite.org/fts5.html section 3 (query syntax).
import type { SearchExpansion, SearchQuery } from '../domain.js';
import { facetToken } from './fts-index.js';

/** An FTS5 string: the tokenizer splits it, so a multi-word string is a phrase. */
export function quoteFtsString(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** The words unicode61 would make of `text` (letters and digits), lower-cased. */
function tokensOf(text: string): string[] {
  return (text.match(/[\p{L}\p{N}]+/gu) ?? []).map((t) => t.toLowerCase());
}

/** Only strings with something for unicode61 to index; the rest would be empty phrases. */
function searchable(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text);
}

export interface FtsExpressions {
  /** Words, phrases and prefixes (all required) in the text columns, then NOT each exclusion,
   * then each facet group; or null when nothing is required. */
  match: string | null;
  /** Each token of the required words and phrases, unfiltered: to estimate what bm25 would cost
   * (a phrase costs what walking its tokens' doclists costs, however rare the phrase). */
  wordTokens: string[];
  /** A prefix is required: FTS5 materialises a prefix's whole doclist for every statement. */
  hasPrefix: boolean;
  /** The exclusions ORed together, for queries that have nothing required; or null. */
  excludedOnly: string | null;
}

const TEXT_COLUMNS = '{title summary content}';

/**
 * The column filter that keeps `texts` to the text columns, or '' when no token of them could
 * equal a facet token. Facet tokens (fts-index.ts) are ASCII digits only, so a word with a letter
 * in every token can only match title, summary or content anyway; and the filter is not free:
 * FTS5 decodes every candidate row's position list to check the column, which measured 40-60% of
 * the doclist walk for "pathology consolidation network" at 1M stories. Numbers keep the filter
 * (tokensOf splits at least as finely as unicode61, so a digits-only token is never missed).
 */
function textColumnsFor(texts: readonly string[]): string {
  const numeric = texts.some((text) => tokensOf(text).some((t) => /^\p{N}+$/u.test(t)));
  return numeric ? `${TEXT_COLUMNS} : ` : '';
}

/**
 * `facetGroups`: facet tokens (fts-index.ts), each group ORed, groups ANDed with the words, so
 * theme:/source:/org: filters are doclist intersections inside FTS5.
 */
export function buildFtsExpressions(
  query: SearchQuery,
  facetGroups: readonly (readonly string[])[] = [],
): FtsExpressions {
  const words = [...query.terms, ...query.phrases].filter(searchable);
  const prefixes = query.prefixes.filter(searchable);
  const required = [...words.map(quoteFtsString), ...prefixes.map((p) => `${quoteFtsString(p)}*`)];
  const excludedWords = query.excluded.filter(searchable);
  const excluded = excludedWords.map(quoteFtsString);
  const notIn = textColumnsFor(excludedWords);
  if (required.length === 0) {
    return {
      match: null,
      wordTokens: [],
      hasPrefix: false,
      excludedOnly: excluded.length > 0 ? `${notIn}(${excluded.join(' OR ')})` : null,
    };
  }
  const positive = `${textColumnsFor([...words, ...prefixes])}(${required.join(' AND ')})`;
  const facets = facetGroups.map((g) => ` AND facets : (${g.map(quoteFtsString).join(' OR ')})`);
  const match =
    excluded.length > 0 ? `(${positive} NOT ${notIn}(${excluded.join(' OR ')}))` : positive;
  return {
    match: `${match}${facets.join('')}`,
    wordTokens: [...new Set(words.flatMap(tokensOf))].map(
      (t) => `${textColumnsFor([t])}${quoteFtsString(t)}`,
    ),
    hasPrefix: prefixes.length > 0,
    excludedOnly: null,
  };
}

/**
 * The alternatives without those that hold a shorter one as a run of words: in an OR, "cost
 * improvement programme" finds nothing "cost improvement" does not, but each phrase costs its own
 * walk of long doclists (CIP's four long forms took 100 ms at 100k stories; the shortest alone
 * a quarter of that).
 */
function dropSubsumed(alternatives: readonly string[]): string[] {
  const tokens = alternatives.map((a) => ` ${tokensOf(a).join(' ')} `);
  return alternatives.filter(
    (_, i) =>
      !tokens.some((t, j) => j !== i && t.length < tokens[i]!.length && tokens[i]!.includes(t)),
  );
}

/** One string for the text columns, with the column filter only where a token is a number. */
function textString(text: string): string {
  return `${textColumnsFor([text])}${quoteFtsString(text)}`;
}

/**
 * The match for the expansion tier: as buildFtsExpressions, but each expanded run of words (or
 * phrase) becomes (the words as typed OR each alternative OR the organisations' facet tokens).
 * Null when nothing is expanded. Column filters go on each string, not the whole expression, so
 * an organisation's facet can sit inside the OR (FTS5 query syntax: `colname : phrase`).
 */
export function buildExpandedMatch(
  query: SearchQuery,
  expansions: readonly SearchExpansion[],
  facetGroups: readonly (readonly string[])[] = [],
): { match: string; wordTokens: string[]; hasFacet: boolean } | null {
  // Expansions that only say which sense is meant (a theme) change the order, not the matches.
  if (!expansions.some((e) => e.alternatives.length + e.organisationIds.length > 0)) return null;
  const covered = new Set(expansions.flatMap((e) => (e.phrase === null ? e.terms : [e.phrase])));
  const plain = [...query.terms, ...query.phrases].filter((w) => searchable(w) && !covered.has(w));
  const required = plain.map(textString);
  const tokens = plain.flatMap(tokensOf);
  let hasFacet = false;
  for (const e of expansions) {
    const typed = (e.phrase === null ? e.terms : [e.phrase]).filter(searchable);
    const alternatives = dropSubsumed(e.alternatives.filter(searchable));
    const options = [
      ...(typed.length > 0 ? [`(${typed.map(textString).join(' AND ')})`] : []),
      ...alternatives.map(textString),
      ...e.organisationIds.map((id) => `facets : ${quoteFtsString(facetToken('org', id))}`),
    ];
    hasFacet ||= e.organisationIds.length > 0;
    tokens.push(...typed.flatMap(tokensOf), ...alternatives.flatMap(tokensOf));
    if (options.length > 0) required.push(`(${options.join(' OR ')})`);
  }
  const prefixes = query.prefixes.filter(searchable);
  required.push(...prefixes.map((p) => `${quoteFtsString(p)}*`));
  if (required.length === 0) return null;
  const excludedWords = query.excluded.filter(searchable);
  const notIn = textColumnsFor(excludedWords);
  const positive = `(${required.join(' AND ')})`;
  const match =
    excludedWords.length > 0
      ? `(${positive} NOT ${notIn}(${excludedWords.map(quoteFtsString).join(' OR ')}))`
      : positive;
  const facets = facetGroups.map((g) => ` AND facets : (${g.map(quoteFtsString).join(' OR ')})`);
  return {
    match: `${match}${facets.join('')}`,
    wordTokens: [...new Set(tokens)].map((t) => textString(t)),
    hasFacet: hasFacet || prefixes.length > 0,
  };
}
