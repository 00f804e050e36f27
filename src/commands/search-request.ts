// Builds a search request from words plus filters. Both front ends end up here: Slack passes its
// text as `words` (filters such as theme:carter inline); Discord passes typed filters, which are
// written back as `key:"value"` and parsed by the same parseSearchText, so the two agree exactly.
// Unknown themes and sources get a did-you-mean; every other problem parseSearchText or
// validateSearchQuery reports is passed on with what would work.
import { failed, parsed, type ParsedRequest } from './build-request.js';
import { quoteInput, unknownChoice } from './command-error.js';
import { parseSearchText, validateSearchQuery } from './parse-search-query.js';
import { listThemeIds, resolveThemeWord, type CommandVocabulary } from './vocabulary.js';

/** Hits per page of chat search results. */
export const SEARCH_PAGE_SIZE = 10;
/** Deepest page offered; beyond it, narrow the search. */
const MAX_PAGE = 100;

export interface SearchInput {
  words: string;
  theme: string | null;
  source: string | null;
  org: string | null;
  since: string | null;
  until: string | null;
  /** 1-based page number as typed. */
  page: string | null;
}

const SEARCH_HINT =
  'Try `search league table theme:procurement since:2020-01-01`; `help search` shows every filter.';

/** Slack: everything after `search`; only `page:N` is taken out here. */
export function searchInputFromText(text: string): SearchInput {
  let page: string | null = null;
  const words = text
    .replace(/(^|\s)page:(\S*)/gi, (_all, space: string, value: string) => {
      page = value;
      return space;
    })
    .trim();
  return { words, theme: null, source: null, org: null, since: null, until: null, page };
}

function quoteFilter(key: string, value: string | null): string {
  if (value === null) return '';
  const clean = value.replace(/"/g, ' ').trim();
  return clean === '' ? '' : ` ${key}:"${clean}"`;
}

export function buildSearch(input: SearchInput, vocabulary: CommandVocabulary): ParsedRequest {
  const page = input.page === null ? 1 : Number(input.page);
  if (!Number.isInteger(page) || page < 1 || page > MAX_PAGE) {
    return failed(
      `page ${quoteInput(input.page ?? '')} is not a page number`,
      `Use page:1 to page:${MAX_PAGE}.`,
    );
  }
  const text = [
    input.words,
    quoteFilter('theme', input.theme),
    quoteFilter('source', input.source),
    quoteFilter('org', input.org),
    quoteFilter('since', input.since),
    quoteFilter('until', input.until),
  ]
    .join('')
    .trim();
  if (text === '') return failed('search needs some words or a filter', SEARCH_HINT);
  return buildSearchQuery(
    text,
    { limit: SEARCH_PAGE_SIZE, offset: (page - 1) * SEARCH_PAGE_SIZE },
    vocabulary,
  );
}

/**
 * Search text (filters inline) to a request whose theme and source ids are the configured ones.
 * Chat and `briefing search` both end here, so a mistake gets the same message everywhere; `hint`
 * is what each surface suggests next (its own help).
 */
export function buildSearchQuery(
  text: string,
  page: { limit: number; offset: number },
  vocabulary: CommandVocabulary,
  hint: string = SEARCH_HINT,
): ParsedRequest {
  const { query, problems } = parseSearchText(text, page);
  if (problems.length > 0) return failed(problems.join('; '), hint);

  const themeIds = listThemeIds(vocabulary);
  const themes: string[] = [];
  for (const theme of query.themes) {
    const id = resolveThemeWord(theme, vocabulary);
    if (id === null) return failed(unknownChoice('theme', theme, themeIds), hint);
    if (!themes.includes(id)) themes.push(id);
  }
  const sourceIds = vocabulary.sourceIds();
  const sources: string[] = [];
  for (const source of query.sources) {
    const id = sourceIds.find((s) => s.toLowerCase() === source.toLowerCase());
    if (id === undefined) return failed(unknownChoice('source', source, sourceIds), hint);
    if (!sources.includes(id)) sources.push(id);
  }
  const normalised = { ...query, themes, sources };
  const invalid = validateSearchQuery(normalised, { themes: themeIds, sources: [...sourceIds] });
  if (invalid.length > 0) return failed(invalid.join('; '), hint);
  return parsed({ command: 'search', query: normalised });
}
