// The archive search every surface runs (chat commands through CommandDeps.search, the CLI, the
// eval): expand the query through the shared vocabulary, search the store (literal matches first,
// then expansions), suggest spellings from the archive's own words when little is found (and,
// when nothing is, search the suggestions instead and say so), then fold other outlets' copies of
// a story into one result. Grouping reads up to GROUP_WINDOW times the page size of ranked
// hits, so a page still holds `limit` results after folding; the next page starts after the
// hits this one covered. When one read holds every match, the page also says how many results
// they make (resultCount), so counts agree with what is shown.
import { expandSearchQuery } from '../commands/expand-search-query.js';
import { groupSearchHits } from '../commands/group-search-hits.js';
import type { SearchVocabulary } from '../commands/search-vocabulary.js';
import type { SearchPage, SearchQuery, SpellingSuggestion } from '../domain.js';
import type { Db } from '../store/database.js';
import { listOtherSources, searchStories, type SearchOptions } from '../store/search.js';
import { suggestSpellings } from '../store/spelling.js';

export interface ArchiveSearchContext {
  vocabulary: SearchVocabulary;
  timeZone: string;
  sourceNames?: ReadonlyMap<string, string>;
  /** The store search to run (default searchStories): command deps add workspace corrections. */
  searchStore?: (query: SearchQuery, options: SearchOptions) => SearchPage;
}

const GROUP_WINDOW = 3;
const MAX_FETCH = 300;
/** Fewer results than this on the first page and the words are checked for typos. */
const FEW_RESULTS = 3;

function runOnce(db: Db, query: SearchQuery, now: Date, context: ArchiveSearchContext) {
  const expansions = expandSearchQuery(query, context.vocabulary);
  const fetch = Math.min(MAX_FETCH, Math.max(query.limit, query.limit * GROUP_WINDOW));
  const options: SearchOptions = {
    timeZone: context.timeZone,
    ...(context.sourceNames ? { sourceNames: context.sourceNames } : {}),
    expansions,
  };
  const search = context.searchStore ?? ((q, o) => searchStories(db, q, now, o));
  const page = search({ ...query, limit: fetch }, options);
  return { page, expansions };
}

/** The query with each suggested word put in place of the typed one (terms and phrases). */
function applySuggestions(query: SearchQuery, suggestions: SpellingSuggestion[]): SearchQuery {
  const swap = (text: string) =>
    suggestions.reduce(
      (out, s) =>
        out.replace(/[\p{L}\p{N}]+/gu, (w) =>
          w.toLowerCase() === s.word.toLowerCase() ? s.suggestion : w,
        ),
      text,
    );
  return { ...query, terms: query.terms.map(swap), phrases: query.phrases.map(swap) };
}

export function searchArchive(
  db: Db,
  query: SearchQuery,
  now: Date,
  context: ArchiveSearchContext,
): SearchPage {
  let { page, expansions } = runOnce(db, query, now, context);
  let suggestions: SpellingSuggestion[] = [];
  let corrected = false;
  const words = [...query.terms, ...query.phrases.flatMap((p) => p.split(/\s+/))];
  if (words.length > 0 && page.total < FEW_RESULTS && (query.offset === 0 || page.total === 0)) {
    suggestions = suggestSpellings(db, words);
    if (page.total === 0 && suggestions.length > 0) {
      const retry = runOnce(db, applySuggestions(query, suggestions), now, context);
      if (retry.page.total > 0) {
        ({ page, expansions } = retry);
        corrected = true;
      }
    }
  }
  // A story several feeds carried is stored once: its other sources are copies too.
  const others = listOtherSources(
    db,
    page.hits.map((h) => h.id),
  );
  const hits = page.hits.map((hit) => {
    const copies = (others.get(hit.id) ?? []).map((o) => ({
      id: hit.id,
      source: context.sourceNames?.get(o.sourceId) ?? o.sourceId,
      url: o.url,
    }));
    return copies.length > 0 ? { ...hit, also: copies } : hit;
  });
  const grouped = groupSearchHits(hits, query.limit);
  const more = grouped.consumed < hits.length || page.nextOffset !== null;
  const result: SearchPage = {
    ...page,
    query,
    hits: grouped.hits,
    nextOffset: grouped.hits.length > 0 && more ? query.offset + grouped.consumed : null,
  };
  // Organisation facets are not listed: they find the same organisation under another name.
  const notes = expansions
    .filter((e) => e.alternatives.length > 0)
    .map((e) => ({ word: e.phrase ?? e.terms.join(' '), alternatives: e.alternatives }));
  if (notes.length > 0) result.expanded = notes;
  if (suggestions.length > 0) result.suggestions = suggestions;
  if (corrected) result.corrected = true;
  // Every match was read and folded: the count of results is known, not just of stories.
  if (query.offset === 0 && !page.totalIsLowerBound && page.hits.length === page.total)
    result.resultCount = grouped.results;
  return result;
}
