// Builds FTS5 MATCH expressions from a parsed SearchQuery. User text never reaches MATCH raw:
// every word, phrase and prefix becomes an FTS5 string ("..." with embedded quotes doubled), so
// operators (AND, OR, NOT, NEAR), parentheses, column filters and stray quotes in the input are
// plain text to the tokenizer. See https://www.sqlite.org/fts5.html section 3 (query syntax).
import type { SearchQuery } from '../domain.js';

/** An FTS5 string: the tokenizer splits it, so a multi-word string is a phrase. */
export function quoteFtsString(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** Only strings with something for unicode61 to index; the rest would be empty phrases. */
function searchable(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text);
}

export interface FtsExpressions {
  /** Words, phrases and prefixes (all required) in the text columns, then NOT each exclusion,
   * then each facet group; or null when nothing is required. */
  match: string | null;
  /** The required words and phrases one by one, unfiltered: to estimate their frequency. */
  wordPhrases: string[];
  /** The exclusions ORed together, for queries that have nothing required; or null. */
  excludedOnly: string | null;
}

const TEXT_COLUMNS = '{title summary content}';

/**
 * `facetGroups`: facet tokens (fts-index.ts), each group ORed, groups ANDed with the words, so
 * theme:/source:/org: filters are doclist intersections inside FTS5.
 */
export function buildFtsExpressions(
  query: SearchQuery,
  facetGroups: readonly (readonly string[])[] = [],
): FtsExpressions {
  const required = [
    ...query.terms.filter(searchable).map(quoteFtsString),
    ...query.phrases.filter(searchable).map(quoteFtsString),
    ...query.prefixes.filter(searchable).map((p) => `${quoteFtsString(p)}*`),
  ];
  const excluded = query.excluded.filter(searchable).map(quoteFtsString);
  if (required.length === 0) {
    return {
      match: null,
      wordPhrases: [],
      excludedOnly: excluded.length > 0 ? `${TEXT_COLUMNS} : (${excluded.join(' OR ')})` : null,
    };
  }
  const positive = `(${required.join(' AND ')})`;
  const facets = facetGroups.map((g) => ` AND facets : (${g.map(quoteFtsString).join(' OR ')})`);
  const build = (columns: string) => {
    const words =
      excluded.length > 0
        ? `(${columns} : ${positive} NOT ${TEXT_COLUMNS} : (${excluded.join(' OR ')}))`
        : `${columns} : ${positive}`;
    return `${words}${facets.join('')}`;
  };
  return {
    match: build(TEXT_COLUMNS),
    wordPhrases: required.map((r) => `${TEXT_COLUMNS} : ${r}`),
    excludedOnly: null,
  };
}
