// A small real archive for the search-expansion, spelling and answer tests: invented NHS items
// stored through the real pipeline step (tagAndStore with the configured themes and gazetteer).
import { loadConfigOrThrow } from '../../src/config/load.js';
import {
  buildSearchVocabulary,
  type SearchVocabulary,
} from '../../src/commands/search-vocabulary.js';
import type { SearchPage, SearchQuery, Story } from '../../src/domain.js';
import { buildAnnotator } from '../../src/pipeline/build-poll-deps.js';
import { searchArchive } from '../../src/pipeline/search-archive.js';
import { tagAndStore } from '../../src/pipeline/tag-and-store.js';
import { openDatabase, type Db } from '../../src/store/database.js';
import { makeStory } from './make-story.js';
import { parseSearchText } from '../../src/commands/parse-search-query.js';

export const CONFIG = loadConfigOrThrow('config');
export const VOCABULARY = buildSearchVocabulary(CONFIG);
export const NOW = new Date('2026-01-10T12:00:00Z');

export function story(
  id: string,
  sourceId: string,
  publishedAt: string,
  title: string,
  summary: string,
): Story {
  return makeStory({
    id,
    guid: id,
    url: `https://news.example.org/${id}`,
    sourceId,
    publishedAt: `${publishedAt}T09:00:00.000Z`,
    title,
    summary,
    content: '',
  });
}

export function buildArchive(stories: readonly Story[]): Db {
  const db = openDatabase(':memory:');
  buildArchiveInto(db, stories);
  return db;
}

/** Stores more stories (a later poll) in an existing archive. */
export function buildArchiveInto(db: Db, stories: readonly Story[]): void {
  tagAndStore(db, stories, NOW, buildAnnotator(CONFIG));
}

export function search(
  db: Db,
  text: string,
  vocabulary: SearchVocabulary = VOCABULARY,
  limit = 10,
): SearchPage {
  const { query, problems } = parseSearchText(text, { limit, offset: 0 });
  if (problems.length > 0) throw new Error(problems.join('; '));
  return searchArchive(db, query as SearchQuery, NOW, {
    timeZone: 'Europe/London',
    vocabulary,
    sourceNames: new Map(CONFIG.sources.map((s) => [s.id, s.name])),
  });
}

export const NO_VOCABULARY: SearchVocabulary = {
  byWords: new Map(),
  byCode: new Map(),
  maxWords: 1,
};
